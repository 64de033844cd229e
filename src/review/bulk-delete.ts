import { sql } from 'drizzle-orm';
import type { BulkDeleteRequest, BulkFailure, BulkResult } from '../contract/bulk';
import { queryRows, type Db } from '../db/client';
import { conversations } from '../db/schema';
import { inIds, listFailures, lockSelection, unknownIds } from './bulk-selection';

/**
 * Deletes the selected conversations for good (US11.4.2), except those a run is working on or
 * will work on: deleting them would pull the slot from under the worker. Turns, review logs and
 * run items go with the conversation (cascade); generation logs stay, with the conversation
 * unset, because they hold the spend. There is no undo, hence `confirm: true` in the request.
 */
export async function bulkDelete(db: Db, request: BulkDeleteRequest): Promise<BulkResult> {
  return db.transaction(async (tx) => {
    const selected = await lockSelection(tx, request.selection);
    // Read after locking, in its own statement: a run created while we waited for the locks is seen.
    const active = new Set(
      (
        await queryRows<{ conversation_id: string }>(
          tx as unknown as Db,
          sql`select distinct conversation_id from run_items where status in ('pending', 'in_progress') and ${inIds(sql`conversation_id`, selected.map((c) => c.id))}`,
        )
      ).map((r) => r.conversation_id),
    );
    const refused: BulkFailure[] = [];
    const deletable: string[] = [];
    for (const c of selected) {
      if (c.status === 'generating') refused.push({ id: c.id, conversationId: c.conversationId, message: `${c.conversationId} is being generated: cancel its run or wait for it to finish, then delete it.` });
      else if (active.has(c.id)) refused.push({ id: c.id, conversationId: c.conversationId, message: `${c.conversationId} is queued in a run that has not finished: cancel the run or wait for it to finish, then delete it.` });
      else deletable.push(c.id);
    }
    if (deletable.length > 0) await tx.delete(conversations).where(inIds(conversations.id, deletable));
    const unknown = unknownIds(request.selection, selected);
    return { actionId: null, requested: selected.length + unknown.length, succeeded: deletable.length, ...listFailures([...unknown, ...refused]) };
  });
}
