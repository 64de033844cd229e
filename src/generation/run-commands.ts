import { and, eq, inArray, sql } from 'drizzle-orm';
import { conflict, notFound } from '../core/errors';
import { assertTransition, type ConversationStatus } from '../core/statuses';
import { queryRows, type Db } from '../db/client';
import { conversations, generationRuns, runItems } from '../db/schema';
import type { ProviderInfo } from './providers/types';

const ACTIVE_ITEM = ['pending', 'in_progress'];

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
    if (conversation.isSeed) throw conflict(`${conversation.label} is a seed conversation, written by hand.`, 'Seed conversations are kept as benchmarks and are never regenerated.');
    const active = await tx
      .select({ id: runItems.id })
      .from(runItems)
      .where(and(eq(runItems.conversationId, conversation.id), inArray(runItems.status, ACTIVE_ITEM)));
    if (active.length || conversation.status === 'generating') {
      throw conflict(`${conversation.label} is already being generated.`, 'Wait for it to finish; its row updates by itself.');
    }
    const previous = conversation.status as ConversationStatus;
    assertTransition(previous, 'generating');
    const [run] = await tx
      .insert(generationRuns)
      .values({ kind: 'single', selector: { conversationIds: [conversation.id] }, total: 1, concurrency: 1, provider: opts.provider.name, model: opts.provider.model, createdBy: opts.userId })
      .returning({ id: generationRuns.id });
    await tx.insert(runItems).values({ runId: run.id, conversationId: conversation.id, previousStatus: previous });
    // "Generating" from the click on, so a review cannot slip in before the worker starts.
    await tx.update(conversations).set({ status: 'generating', updatedAt: new Date() }).where(eq(conversations.id, conversation.id));
    return { runId: run.id };
  });
}

/**
 * Marks a run completed once none of its items is pending or in progress (a cancelled run
 * gets its finish time once its last in-flight call has ended). True when it just finished.
 */
export async function finishRunIfDone(db: Db, runId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`
    update generation_runs set status = case when status = 'cancelled' then 'cancelled' else 'completed' end, finished_at = now(), updated_at = now()
    where id = ${runId} and finished_at is null and status in ('queued', 'running', 'cancelled')
      and not exists (select 1 from run_items where run_id = ${runId} and status in ('pending', 'in_progress'))
    returning id`);
  return rows.length > 0;
}
