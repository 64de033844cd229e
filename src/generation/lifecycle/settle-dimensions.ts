import { sql } from 'drizzle-orm';
import type { DerivedDimensions, DimensionSource } from '../../core/chunk-dimensions';
import type { Usage } from '../../core/provider-errors';
import { runItemLifecycle } from '../../core/run-statuses';
import { queryRows, type Db } from '../../db/client';
import { statusList, statusLiteral } from '../../db/status-sql';
import { LeaseLost, type ClaimedChunkItem } from '../item-types';

/** A chunk's analysis, validated, ready to be stored. */
export interface AnalysedChunk {
  costUsd: number;
  dimensions: DerivedDimensions;
  source: Exclude<DimensionSource, 'manual'>;
  provider: string;
  model: string;
  usage: Usage;
  log: { request: unknown; response: unknown; durationMs: number };
}

const json = (value: unknown) => sql`${JSON.stringify(value ?? null)}::jsonb`;

/**
 * Settles a chunk item with its dimensions (succeed), in one statement like settleSuccess: the
 * item, its reservation and the run's spend, the chunk and the log row, all conditioned on the
 * lease still being ours (LeaseLost otherwise). A chunk edited by hand while the run went on
 * keeps its edit unless the run was started to overwrite hand edits (the selector says so).
 * Returns the run's spend, for the budget warning.
 */
export async function settleDimensions(db: Db, item: ClaimedChunkItem, answer: AnalysedChunk): Promise<{ spent: number; limit: number | null; warned: boolean }> {
  const held = sql`id = ${item.id} and lease_owner = ${item.leaseOwner} and status in (${statusList(runItemLifecycle.sources('succeed'))})`;
  const { usage } = answer;
  const [row] = await queryRows<{ spent: number; limit: number | null; warned: boolean }>(
    db,
    sql`
    with held as (
      select reserved_usd from run_items where ${held}
    ), settled as (
      update run_items set status = ${statusLiteral(runItemLifecycle.target('succeed'))}, cost_usd = coalesce(cost_usd, 0) + ${answer.costUsd}, finished_at = now(),
        lease_owner = null, lease_expires_at = null, reserved_usd = 0
      where ${held}
      returning id
    ), budget as (
      update generation_runs set reserved_usd = greatest(0, reserved_usd - coalesce((select reserved_usd from held), 0)), spent_usd = spent_usd + ${answer.costUsd}, updated_at = now()
      where id = ${item.runId} and exists (select 1 from settled)
      returning spent_usd, spending_limit_usd, budget_warned_at is not null as warned, selector
    ), stored as (
      update chunks set dimensions = ${json(answer.dimensions)}, dimensions_source = ${answer.source}, dimensions_updated_at = now()
      where id = ${item.chunkId} and exists (select 1 from settled)
        and (dimensions_source is distinct from 'manual' or coalesce(((select selector from budget)->>'overwriteManual')::boolean, false))
    ), logged as (
      insert into generation_logs (conversation_id, run_id, run_item_id, provider, model, request_payload, response_payload, parameters,
        cost_usd, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, duration_ms, status, attempt)
      select null, ${item.runId}, ${item.id}, ${answer.provider}, ${answer.model}, ${json(answer.log.request)}, ${json(answer.log.response)}, ${json({ chunkId: item.chunkId })},
        ${answer.costUsd}, ${usage.inputTokens}, ${usage.outputTokens}, ${usage.cacheReadTokens}, ${usage.cacheWriteTokens}, ${answer.log.durationMs}, 'success', ${item.attempts}
      where exists (select 1 from settled)
    )
    select spent_usd as spent, spending_limit_usd as "limit", warned from budget`,
  );
  if (!row) throw new LeaseLost();
  return row;
}
