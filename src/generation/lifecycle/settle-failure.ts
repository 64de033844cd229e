import { eq, sql } from 'drizzle-orm';
import { conversationLifecycle, failureMove } from '../../core/statuses';
import type { Db } from '../../db/client';
import { conversations } from '../../db/schema';
import { addSpend } from '../budget';
import { LeaseLost, type ClaimedChunkItem, type ClaimedItem } from '../item-types';
import { cancelItems } from './cancel';
import { heldBy, moveItems } from './item-moves';
import { lockRuns } from './runs';

export interface FailedAttempt {
  /** Milliseconds until the retry, or null when the failure is final. */
  retryInMs: number | null;
  /** What the provider billed for the failed call. */
  billedUsd: number;
  message: string;
  code: string;
  /** Kept on the conversation for the error dialog when the failure is final. */
  details: Record<string, unknown>;
}

/**
 * Settles an item whose attempt failed, inside the caller's transaction: `retry` (back to the
 * queue after its backoff; the conversation stays Generating), `fail` (the conversation fails,
 * or a regeneration returns to its last good version — fail_regeneration), or, when a retry is
 * due but the run was cancelled meanwhile, `cancel` (the conversation goes back to its status
 * from before the run). The item's reservation goes back to the run; the billed cost is added.
 * Throws LeaseLost when the item is no longer the caller's: then nothing changes.
 */
export async function settleFailure(tx: Db, item: ClaimedItem | ClaimedChunkItem, attempt: FailedAttempt): Promise<'retry' | 'fail' | 'cancel'> {
  const runStatus = (await lockRuns(tx, [item.runId])).get(item.runId);
  if (!runStatus) throw new LeaseLost();
  const transition = attempt.retryInMs === null ? 'fail' : runStatus === 'cancelled' ? 'cancel' : 'retry';
  const mine = heldBy([item]);
  const outcome = sql`, last_error = ${attempt.message}, error_code = ${attempt.code}, cost_usd = coalesce(ri.cost_usd, 0) + ${attempt.billedUsd}`;
  const moved =
    transition === 'cancel'
      ? await cancelItems(tx, mine, outcome)
      : transition === 'retry'
        ? await moveItems(tx, 'retry', mine, sql`${outcome}, next_attempt_at = now() + (${attempt.retryInMs} * interval '1 millisecond')`)
        : await moveItems(tx, 'fail', mine, sql`${outcome}, finished_at = now()`);
  if (!moved.length) throw new LeaseLost();
  await addSpend(tx, item.runId, attempt.billedUsd);
  // A chunk's analysis has no conversation to move: the item's error is the whole record.
  if (transition === 'fail' && 'conversationId' in item) {
    // The claim made the conversation Generating; the table says where a failure takes it.
    const move = failureMove(moved[0].previousStatus);
    const status = conversationLifecycle.move(move.transition, 'generating', move.to);
    await tx
      .update(conversations)
      .set({ status, errorMessage: attempt.message, errorCode: attempt.code, errorDetails: attempt.details, updatedAt: new Date() })
      .where(eq(conversations.id, item.conversationId));
  }
  return transition;
}
