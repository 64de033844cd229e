import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { moveItems, type MovedItem } from './item-moves';

/**
 * Cancels the items matched by `where` (on `run_items ri`): pending ones, and ones in progress
 * whose call has ended. Their conversations go back to their status from before the run — a
 * regeneration of an approved conversation that is cancelled leaves it approved, with its text.
 */
export async function cancelItems(db: Db, where: SQL, set: SQL = sql``): Promise<MovedItem[]> {
  return moveItems(db, 'cancel', where, sql`, finished_at = now()${set}`, { restoreConversations: true });
}

/** Drops what a cancelled run still has queued. */
export function cancelQueuedItems(db: Db, runId: string): Promise<MovedItem[]> {
  return cancelItems(db, sql`ri.run_id = ${runId} and ri.status = 'pending'`);
}
