import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/** Puts items that were in progress when the process stopped back in the queue. */
export async function releaseOrphanedItems(db: Db): Promise<void> {
  await db.execute(sql`update run_items set status = 'pending', lease_owner = null, lease_expires_at = null where status = 'in_progress'`);
}
