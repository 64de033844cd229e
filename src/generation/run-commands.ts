import { and, eq, inArray } from 'drizzle-orm';
import { conflict, notFound } from '../core/errors';
import { ACTIVE_ITEM_STATUSES } from '../core/run-statuses';
import { seedLocked } from '../core/seed-lock';
import { conversationLifecycle, type ConversationStatus } from '../core/statuses';
import type { Db } from '../db/client';
import { conversations, generationRuns, runItems } from '../db/schema';
import type { ProviderInfo } from './providers/types';

/**
 * Queues one conversation for generation as a one-item run (US1.1.1). A conversation already
 * queued or generating is refused, so a double click never generates twice.
 */
export async function createSingleRun(db: Db, opts: { conversationId: string; userId: string | null; provider: ProviderInfo }): Promise<{ runId: string }> {
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .select({ id: conversations.id, status: conversations.status, isSeed: conversations.isSeed, label: conversations.conversationId })
      .from(conversations)
      .where(eq(conversations.id, opts.conversationId))
      .for('update');
    if (!conversation) throw notFound('The conversation');
    if (conversation.isSeed) throw seedLocked(conversation.label, 'regenerated');
    const active = await tx
      .select({ id: runItems.id })
      .from(runItems)
      .where(and(eq(runItems.conversationId, conversation.id), inArray(runItems.status, ACTIVE_ITEM_STATUSES)));
    if (active.length || conversation.status === 'generating') {
      throw conflict(`${conversation.label} is already being generated.`, 'Wait for it to finish; its row updates by itself.');
    }
    const previous = conversation.status as ConversationStatus;
    const status = conversationLifecycle.move('queue', previous);
    const [run] = await tx
      .insert(generationRuns)
      .values({ kind: 'single', selector: { conversationIds: [conversation.id] }, total: 1, concurrency: 1, provider: opts.provider.name, model: opts.provider.model, createdBy: opts.userId })
      .returning({ id: generationRuns.id });
    await tx.insert(runItems).values({ runId: run.id, conversationId: conversation.id, previousStatus: previous });
    // "Generating" from the click on, so a review cannot slip in before the worker starts.
    await tx.update(conversations).set({ status, updatedAt: new Date() }).where(and(eq(conversations.id, conversation.id), eq(conversations.status, previous)));
    return { runId: run.id };
  });
}
