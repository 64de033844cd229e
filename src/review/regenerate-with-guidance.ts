import { eq } from 'drizzle-orm';
import { AppError, conflict, notFound } from '../core/errors';
import { buildSearchText } from '../core/search-text';
import { seedLocked } from '../core/seed-lock';
import type { Db, Tx } from '../db/client';
import { lockConversationNumbers, nextConversationNumber } from '../db/queries/conversation-numbers';
import { conversations } from '../db/schema';
import { catalogLabels } from '../db/seed/store-seeds';
import { formatConversationId } from '../core/planner';
import { regenerationSkip } from '../core/regeneration';
import { createSingleRun } from '../generation/run-commands';
import type { ProviderInfo } from '../generation/providers/types';
import { reviewInTransaction } from './review-conversation';

export interface Replacement {
  /** The new conversation. */
  id: string;
  conversationId: string;
  /** The rejected one it replaces. */
  replaces: { id: string; conversationId: string };
  guidance: string;
}

const noText = (label: string) =>
  new AppError({
    code: 'no_text',
    status: 409,
    message: `${label} has no text yet, so there is nothing to reject and regenerate.`,
    hint: 'Generate it first (Generate in the preview), then review it.',
    details: { conversationId: label },
  });

/**
 * Rejects one conversation with the reviewer's note (the normal review, audited; one already
 * rejected keeps its rejection) and plans a new conversation for exactly the same slot, linked
 * to it and carrying the note as guidance for its prompt. Inside the caller's transaction.
 */
export async function replaceWithGuidance(tx: Tx, conversationId: string, reviewerId: string, guidance: string | null): Promise<Replacement> {
  await lockConversationNumbers(tx);
  const [old] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).for('update');
  if (!old) throw notFound('The conversation');
  const [replaced] = await tx.select({ conversationId: conversations.conversationId }).from(conversations).where(eq(conversations.regeneratedFrom, old.id)).limit(1);
  // The rule the bulk dialog's preview applies too.
  const skip = regenerationSkip({ status: old.status, isSeed: old.isSeed, turnCount: old.turnCount, replacedBy: replaced?.conversationId ?? null });
  if (skip === 'seed') throw seedLocked(old.conversationId, 'regenerated');
  if (skip === 'generating') throw conflict(`${old.conversationId} is being generated right now.`, 'Wait for it to finish, then review it.');
  if (skip === 'not_generated') throw noText(old.conversationId);
  if (skip === 'replaced') throw conflict(`${old.conversationId} was already replaced by ${replaced.conversationId}.`, `Open ${replaced.conversationId} instead; reject and regenerate that one if it needs another try.`);
  const note = guidance?.trim() || (old.status === 'rejected' ? old.reviewNotes?.trim() : '') || '';
  if (!note) {
    throw new AppError({
      code: 'invalid_request',
      status: 400,
      message: `The guidance for ${old.conversationId} is empty.`,
      hint: 'Write what was wrong and what the new version should do differently: it goes into the new prompt.',
      details: { field: 'guidance' },
    });
  }
  if (old.status !== 'rejected') await reviewInTransaction(tx, old.id, reviewerId, { action: 'reject', notes: note });

  const labelsOf = await catalogLabels(tx);
  const newId = formatConversationId(await nextConversationNumber(tx));
  const [row] = await tx
    .insert(conversations)
    .values({
      conversationId: newId,
      documentId: old.documentId,
      chunkId: old.chunkId,
      persona: old.persona,
      emotion: old.emotion,
      topic: old.topic,
      intent: old.intent,
      tone: old.tone,
      tier: old.tier,
      arcKey: old.arcKey,
      templateId: old.templateId,
      scenarioId: old.scenarioId,
      edgeCaseId: old.edgeCaseId,
      sourceSnapshot: old.sourceSnapshot,
      // The user's own metadata keys carry over; the source says where this one came from.
      metadata: { ...old.metadata, source: 'regenerated' },
      regeneratedFrom: old.id,
      regenerationGuidance: note,
      searchText: buildSearchText(newId, '', ...labelsOf(old)),
    })
    .returning({ id: conversations.id });
  return { id: row.id, conversationId: newId, replaces: { id: old.id, conversationId: old.conversationId }, guidance: note };
}

/**
 * Reject and regenerate with guidance for one conversation: the rejection and the new slot in
 * one transaction, then — when the caller may generate — the new one queued straight away, the
 * way Generate on a single conversation is (`runId` null otherwise: someone who may generate
 * starts it).
 */
export async function regenerateWithGuidance(db: Db, opts: { conversationId: string; userId: string; guidance: string; provider: ProviderInfo | null }): Promise<Replacement & { runId: string | null }> {
  const replacement = await db.transaction((tx) => replaceWithGuidance(tx, opts.conversationId, opts.userId, opts.guidance));
  const run = opts.provider ? await createSingleRun(db, { conversationId: replacement.id, userId: opts.userId, provider: opts.provider }) : null;
  return { ...replacement, runId: run?.runId ?? null };
}

/**
 * The bulk variant: each conversation rejected and replaced on its own (one refusal does not
 * undo the others), with the given guidance or, when none, its own rejection note. The new
 * ones are only planned: the caller generates them as a normal run, with its estimate.
 */
export async function regenerateManyWithGuidance(db: Db, opts: { conversationIds: string[]; userId: string; guidance: string | null }) {
  const created: Replacement[] = [];
  const skipped: { id: string; conversationId: string | null; reason: string }[] = [];
  for (const id of opts.conversationIds) {
    try {
      created.push(await db.transaction((tx) => replaceWithGuidance(tx, id, opts.userId, opts.guidance)));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const [row] = await db.select({ conversationId: conversations.conversationId }).from(conversations).where(eq(conversations.id, id));
      skipped.push({ id, conversationId: row?.conversationId ?? null, reason: err.message });
    }
  }
  return { created, skipped };
}
