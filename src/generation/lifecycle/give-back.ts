import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ClaimedWork } from '../item-types';
import { cancelItems } from './cancel';
import { heldBy, moveItems } from './item-moves';
import { lockRuns } from './runs';

/**
 * Hands claimed items back to the queue untouched (give_back): the attempt did not happen, so
 * attempts go back by one (never below zero), the budget an item reserved goes back to its
 * run, and with `delayMs` it is not claimed again before then. An item whose run was cancelled
 * meanwhile is cancelled instead, its conversation restored, so nothing is left waiting for a
 * run that is over. Only items the caller still holds move.
 */
export async function giveBack(db: Db, items: ClaimedWork[], opts: { delayMs?: number; lastError?: string } = {}): Promise<void> {
  if (!items.length) return;
  const mine = heldBy(items);
  const delay = opts.delayMs ? sql`now() + (${opts.delayMs} * interval '1 millisecond')` : sql`null`;
  const lastError = opts.lastError === undefined ? sql`` : sql`, last_error = ${opts.lastError}`;
  await db.transaction(async (tx) => {
    // With the run locked, a cancel cannot slip in between reading its status and moving the items.
    await lockRuns(tx, items.map((i) => i.runId));
    await cancelItems(tx, sql`${mine} and exists (select 1 from generation_runs r where r.id = ri.run_id and r.status = 'cancelled')`);
    await moveItems(tx, 'give_back', mine, sql`, attempts = greatest(0, ri.attempts - 1), next_attempt_at = ${delay}${lastError}`);
  });
}
