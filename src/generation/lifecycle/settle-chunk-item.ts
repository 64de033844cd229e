import { sql, type SQL } from 'drizzle-orm';
import type { Usage } from '../../core/provider-errors';
import { runItemLifecycle } from '../../core/run-statuses';
import { queryRows, type Db } from '../../db/client';
import { statusList, statusLiteral } from '../../db/status-sql';
import { LeaseLost, type ClaimedChunkItem } from '../item-types';

/** What every chunk answer brings to its settlement, whatever it stores. */
export interface ChunkCall {
  costUsd: number;
  provider: string;
  model: string;
  usage: Usage;
  log: { request: unknown; response: unknown; durationMs: number };
}

export const json = (value: unknown) => sql`${JSON.stringify(value ?? null)}::jsonb`;

/**
 * Settles a chunk item (succeed) in one statement, like settleSuccess: the item, its reservation
 * and the run's spend, what the run kind stores (`store`, a statement that runs only when the
 * item was still ours and may read the `budget` row's `selector` and `created_by`), and the log
 * row. LeaseLost when the lease is no longer ours. Returns the run's spend, for the budget warning.
 */
export async function settleChunkItem(db: Db, item: ClaimedChunkItem, call: ChunkCall, store: SQL, logParameters: Record<string, unknown>) {
  const held = sql`id = ${item.id} and lease_owner = ${item.leaseOwner} and status in (${statusList(runItemLifecycle.sources('succeed'))})`;
  const { usage } = call;
  const [row] = await queryRows<{ spent: number; limit: number | null; warned: boolean }>(
    db,
    sql`
    with held as (
      select reserved_usd from run_items where ${held}
    ), settled as (
      update run_items set status = ${statusLiteral(runItemLifecycle.target('succeed'))}, cost_usd = coalesce(cost_usd, 0) + ${call.costUsd}, finished_at = now(),
        lease_owner = null, lease_expires_at = null, reserved_usd = 0
      where ${held}
      returning id
    ), budget as (
      update generation_runs set reserved_usd = greatest(0, reserved_usd - coalesce((select reserved_usd from held), 0)), spent_usd = spent_usd + ${call.costUsd}, updated_at = now()
      where id = ${item.runId} and exists (select 1 from settled)
      returning spent_usd, spending_limit_usd, budget_warned_at is not null as warned, selector, created_by
    ), stored as (
      ${store}
    ), logged as (
      insert into generation_logs (conversation_id, run_id, run_item_id, provider, model, request_payload, response_payload, parameters,
        cost_usd, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, duration_ms, status, attempt)
      select null, ${item.runId}, ${item.id}, ${call.provider}, ${call.model}, ${json(call.log.request)}, ${json(call.log.response)}, ${json(logParameters)},
        ${call.costUsd}, ${usage.inputTokens}, ${usage.outputTokens}, ${usage.cacheReadTokens}, ${usage.cacheWriteTokens}, ${call.log.durationMs}, 'success', ${item.attempts}
      where exists (select 1 from settled)
    )
    select spent_usd as spent, spending_limit_usd as "limit", warned from budget`,
  );
  if (!row) throw new LeaseLost();
  return row;
}
