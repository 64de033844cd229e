import { sql } from 'drizzle-orm';
import { ACTIVE_RUN_STATUSES } from '../../core/run-statuses';
import { queryRows, type Db } from '../../db/client';
import { statusList } from '../../db/status-sql';
import type { RunSettingsRow } from '../run-runtime';

export interface RunWithRoom {
  id: string;
  /** `chunk_dimensions` runs analyse chunks; every other kind generates conversations. */
  kind: string;
  settings: RunSettingsRow;
  /** How many more items the run's own concurrency allows in flight. */
  free: number;
}

/** Active runs (not on Message Batches), oldest first, with room under their own concurrency. */
export async function runsWithRoom(db: Db): Promise<RunWithRoom[]> {
  const rows = await queryRows<{ id: string; kind: string; provider: string; model: string; retry_policy: Record<string, unknown> | null; spending_limit_usd: number | null; free: number }>(
    db,
    sql`select r.id, r.kind, r.provider, r.model, r.retry_policy, r.spending_limit_usd,
          r.concurrency - (select count(*) from run_items x where x.run_id = r.id and x.status = 'in_progress' and x.lease_expires_at >= now())::int as free
        from generation_runs r where r.status in (${statusList(ACTIVE_RUN_STATUSES)}) and not r.use_batch_api order by r.created_at`,
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, free: r.free, settings: { provider: r.provider, model: r.model, retryPolicy: r.retry_policy, spendingLimitUsd: r.spending_limit_usd } }));
}
