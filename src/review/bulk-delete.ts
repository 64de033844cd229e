import { sql } from 'drizzle-orm';
import type { BulkDeleteRequest, BulkSkip } from '../contract/bulk';
import { SEED_LOCK_REASON, bulkOutcome } from '../core/bulk-outcome';
import { ACTIVE_ITEM_STATUSES } from '../core/run-statuses';
import { queryRows, type Db } from '../db/client';
import { statusList } from '../db/status-sql';
import { conversations } from '../db/schema';
import type { BatchWork, BulkActions } from './bulk-actions';
import { inIds, lockBatch, readSelection, unknownIds, vanished } from './bulk-selection';

const KEPT = {
  generating: (name: string) => `${name} is being generated: cancel its run or wait for it to finish, then delete it.`,
  queued: (name: string) => `${name} is queued in a run that has not finished: cancel the run or wait for it to finish, then delete it.`,
  seed: (name: string) => `${SEED_LOCK_REASON} (${name} was written by hand and is never deleted in bulk).`,
};

/**
 * One batch of a bulk delete (US11.4.2), in the caller's transaction: deletes the batch's
 * conversations for good, except those a run is working on or will work on: deleting them
 * would pull the slot from under the worker, and seeds, which are benchmarks written by hand. Turns, transcripts, review logs and run items go
 * with the conversation (cascade); generation logs stay, with the conversation unset, because
 * they hold the spend. There is no undo, hence `confirm: true` in the request.
 */
export const deleteBatch: BatchWork = async (tx, batch) => {
  const selected = await lockBatch(tx, batch);
  // Read after locking, in its own statement: a run created while we waited for the locks is seen.
  const active = new Set(
    (
      await queryRows<{ conversation_id: string }>(
        tx as unknown as Db,
        sql`select distinct conversation_id from run_items where status in (${statusList(ACTIVE_ITEM_STATUSES)}) and ${inIds(sql`conversation_id`, selected.map((c) => c.id))}`,
      )
    ).map((r) => r.conversation_id),
  );
  const skips: BulkSkip[] = [];
  const deletable: string[] = [];
  for (const c of selected) {
    const reason = bulkOutcome('delete', { status: c.status, belowBar: false, queued: active.has(c.id), seed: c.isSeed });
    if (reason) skips.push({ id: c.id, conversationId: c.conversationId, reason, message: KEPT[reason === 'generating' || reason === 'seed' ? reason : 'queued'](c.conversationId) });
    else deletable.push(c.id);
  }
  if (deletable.length > 0) await tx.delete(conversations).where(inIds(conversations.id, deletable));
  return { succeeded: deletable.length, skips, failures: vanished(batch, selected) };
};

/** The tables a bulk delete writes: the conversations, what cascades from them, and the generation logs it unlinks. */
export const DELETE_TABLES = ['conversations', 'conversation_turns', 'conversation_transcripts', 'review_logs', 'run_items', 'generation_logs'] as const;

/** Starts a bulk delete of the selection as it is now (refused with a 409 when a running bulk action covers any of it). */
export async function startBulkDelete(db: Db, actions: BulkActions, request: BulkDeleteRequest) {
  const refs = await readSelection(db, request.selection);
  return actions.start({ kind: 'delete', refs, unknown: unknownIds(request.selection, refs), work: deleteBatch, tables: DELETE_TABLES });
}
