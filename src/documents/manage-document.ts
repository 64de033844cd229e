import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { DocumentImpact, DocumentPatch } from '../contract/documents';
import { chunkBlocks } from '../core/documents/chunker';
import { markdownToBlocks } from '../core/documents/markdown-blocks';
import { AppError, notFound } from '../core/errors';
import type { Db } from '../db/client';
import { dependentConversations, getDocument } from '../db/queries/documents';
import { chunks, conversations, documents } from '../db/schema';
import { getSettings } from '../settings/workspace-settings';
import { resolveCategory } from './upload-document';
import { replaceChunks, SLOT_STATUSES, snapshotDependents } from './store-chunks';

export async function updateDocument(db: Db, id: string, patch: DocumentPatch) {
  const doc = await getDocument(db, id);
  const category = patch.category === undefined ? undefined : await resolveCategory(db, patch.category);
  await db
    .update(documents)
    .set({ ...(patch.title !== undefined && { title: patch.title }), ...(patch.author !== undefined && { author: patch.author || null }), ...(category && { category }), updatedAt: sql`now()` })
    .where(eq(documents.id, doc.id));
  return getDocument(db, id);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What deleting the document would do to the conversations made from it, in words and numbers. */
export async function documentImpact(db: Db, id: string): Promise<DocumentImpact> {
  const doc = await getDocument(db, id);
  const byStatus = await dependentConversations(db, id);
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const slots = SLOT_STATUSES.reduce((n, s) => n + (byStatus[s] ?? 0), 0);
  const generating = byStatus.generating ?? 0;
  const kept = total - slots - generating;
  const parts = [
    kept ? `${plural(kept, 'conversation')} made from it will stay, each with a copy of the text it was made from` : '',
    slots ? `${plural(slots, 'planned conversation')} not generated yet will be removed` : '',
    generating ? `${plural(generating, 'conversation')} being generated must finish first` : '',
  ].filter(Boolean);
  const message = total ? `Deleting "${doc.title}": ${parts.join('; ')}.` : `No conversations were made from "${doc.title}": deleting it removes only the document and its ${plural(doc.chunkCount, 'chunk')}.`;
  return { documentId: id, title: doc.title, conversations: total, byStatus, keptWithSnapshot: kept, slotsWithoutText: slots, generating, message };
}

/**
 * Deletes a document and its chunks. While conversations depend on it, only with `confirm`:
 * those with text keep a snapshot of their source, slots without text go with it.
 */
export async function deleteDocument(db: Db, id: string, confirm: boolean) {
  const impact = await documentImpact(db, id);
  if (impact.generating) {
    throw new AppError({ code: 'document_in_use', status: 409, message: `${plural(impact.generating, 'conversation')} from "${impact.title}" ${impact.generating === 1 ? 'is' : 'are'} being generated right now.`, hint: 'Wait for the run to finish (or cancel it), then delete the document.', details: { ...impact } });
  }
  if (impact.conversations && !confirm) {
    throw new AppError({ code: 'document_in_use', status: 409, message: impact.message, hint: 'Confirm to delete it anyway (DELETE with ?confirm=true), or keep the document.', details: { ...impact } });
  }
  const fromDoc = or(eq(conversations.documentId, id), inArray(conversations.chunkId, db.select({ id: chunks.id }).from(chunks).where(eq(chunks.documentId, id))));
  const removed = await db.transaction(async (tx) => {
    await snapshotDependents(tx, id);
    const gone = await tx.delete(conversations).where(and(fromDoc, inArray(conversations.status, [...SLOT_STATUSES]))).returning({ id: conversations.id });
    const [doc] = await tx.delete(documents).where(eq(documents.id, id)).returning({ id: documents.id });
    if (!doc) throw notFound('The document');
    return gone.length;
  });
  return { deleted: true as const, keptWithSnapshot: impact.keptWithSnapshot, removedSlots: removed };
}

/** Splits the stored text again under the current chunk settings (conversations keep their lineage). */
export async function rechunkDocument(db: Db, id: string) {
  const doc = await getDocument(db, id);
  if (doc.status !== 'ready') throw new AppError({ code: 'document_not_ready', status: 409, message: `"${doc.title}" is ${doc.status === 'processing' ? 'still being processed' : 'not readable (its upload failed)'}.`, hint: doc.status === 'processing' ? 'Wait until it is ready, then re-chunk it.' : 'Upload the file again.' });
  const [row] = await db.select({ content: documents.content }).from(documents).where(eq(documents.id, id));
  const { chunkSize, chunkOverlap } = (await getSettings(db)).documents;
  const drafts = chunkBlocks(markdownToBlocks(row.content), { chunkSize, chunkOverlap });
  const result = await db.transaction((tx) => replaceChunks(tx, id, drafts));
  return { id, chunkCount: drafts.length, ...result };
}
