import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { DraftChunk } from '../core/documents/chunker';
import type { Tx } from '../db/client';
import { currentSourceSnapshot } from '../db/queries/source-snapshot';
import { chunks, conversations } from '../db/schema';

/** Statuses of a conversation with no text yet: a slot, which follows its document's new chunks. */
export const SLOT_STATUSES = ['not_generated', 'failed'] as const;

/**
 * Keeps the lineage of every conversation made from a document's chunks: each one with text gets
 * a snapshot of its source (unless it already has the one taken when it was generated). Returns
 * how many were snapshotted. Call before the chunks change or go.
 */
export async function snapshotDependents(tx: Tx, documentId: string): Promise<number> {
  const updated = await tx
    .update(conversations)
    .set({ sourceSnapshot: sql`coalesce(${conversations.sourceSnapshot}, ${currentSourceSnapshot})`, updatedAt: sql`now()` })
    .where(and(inArray(conversations.chunkId, tx.select({ id: chunks.id }).from(chunks).where(eq(chunks.documentId, documentId))), notInArray(conversations.status, [...SLOT_STATUSES])))
    .returning({ id: conversations.id });
  return updated.length;
}

/**
 * Replaces a document's chunks with new ones, in the caller's transaction. Conversations with
 * text keep a snapshot of their old chunk; slots without text move to the new chunk at the same
 * position (or the last one), so what is planned stays grounded in this document.
 */
export async function replaceChunks(tx: Tx, documentId: string, drafts: DraftChunk[]): Promise<{ snapshotted: number; movedSlots: number }> {
  const snapshotted = await snapshotDependents(tx, documentId);
  const slots = await tx
    .select({ id: conversations.id, ordinal: chunks.ordinal })
    .from(conversations)
    .innerJoin(chunks, eq(chunks.id, conversations.chunkId))
    .where(and(eq(chunks.documentId, documentId), inArray(conversations.status, [...SLOT_STATUSES])));
  await tx.delete(chunks).where(eq(chunks.documentId, documentId));
  const inserted: { id: string; ordinal: number }[] = [];
  for (let i = 0; i < drafts.length; i += 500) {
    const batch = drafts.slice(i, i + 500).map((d) => ({ documentId, ordinal: d.ordinal, heading: d.heading, content: d.content }));
    inserted.push(...(await tx.insert(chunks).values(batch).returning({ id: chunks.id, ordinal: chunks.ordinal })));
  }
  if (slots.length && inserted.length) {
    const byOrdinal = new Map(inserted.map((c) => [c.ordinal, c.id]));
    const last = inserted[inserted.length - 1];
    const groups = new Map<string, string[]>();
    for (const s of slots) {
      const target = byOrdinal.get(s.ordinal) ?? last.id;
      groups.set(target, [...(groups.get(target) ?? []), s.id]);
    }
    for (const [chunkId, ids] of groups) await tx.update(conversations).set({ chunkId, documentId, updatedAt: sql`now()` }).where(inArray(conversations.id, ids));
  }
  return { snapshotted, movedSlots: inserted.length ? slots.length : 0 };
}
