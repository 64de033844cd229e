import { sql } from 'drizzle-orm';
import type { DerivedScenario } from '../../core/scenario-answer';
import { runItemLifecycle } from '../../core/run-statuses';
import { queryRows, type Db } from '../../db/client';
import { statusList, statusLiteral } from '../../db/status-sql';
import type { ChunkAnswer, SettledBudget } from '../chunk-tasks/chunk-task';
import { LeaseLost, type ClaimedChunkItem } from '../item-types';

/** A derived scenario ready to store: its unique key (chunk and place) and a title free in the library. */
export type StoredScenario = DerivedScenario & { key: string };

const json = (value: unknown) => sql`${JSON.stringify(value ?? null)}::jsonb`;

/**
 * Settles an item of a `scenario_derivation` run in one statement, like settleDimensions: the
 * item, its reservation and the run's spend, the new scenarios (origin `derived`, linked to the
 * chunk and its document, made by whoever started the run) and the log row, all conditioned on the
 * lease still being ours (LeaseLost otherwise). A key already in the library is skipped, so drawing
 * from the same chunk again never makes a duplicate and never overwrites an edit.
 */
export async function settleScenarios(db: Db, item: ClaimedChunkItem, answer: ChunkAnswer<StoredScenario[]>): Promise<SettledBudget> {
  const held = sql`id = ${item.id} and lease_owner = ${item.leaseOwner} and status in (${statusList(runItemLifecycle.sources('succeed'))})`;
  const { usage } = answer;
  const [row] = await queryRows<SettledBudget>(
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
      returning spent_usd, spending_limit_usd, budget_warned_at is not null as warned, created_by
    ), stored as (
      insert into scenarios (key, title, description, category, problem, solution, outcome, document_id, chunk_id, persona, emotion, topic, tags, origin, created_by)
      select s.key, s.title, s.description, s.category, s.problem, s.solution, s.outcome, c.document_id, c.id, s.persona, s.emotion, s.topic, '[]'::jsonb, 'derived', (select created_by from budget)
      from jsonb_to_recordset(${json(answer.value)}) as s(key text, title text, description text, category text, problem text, solution text, outcome text, persona text, emotion text, topic text)
      join chunks c on c.id = ${item.chunkId}
      where exists (select 1 from settled)
      on conflict (key) do nothing
    ), logged as (
      insert into generation_logs (conversation_id, run_id, run_item_id, provider, model, request_payload, response_payload, parameters,
        cost_usd, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, duration_ms, status, attempt)
      select null, ${item.runId}, ${item.id}, ${answer.provider}, ${answer.model}, ${json(answer.log.request)}, ${json(answer.log.response)}, ${json({ chunkId: item.chunkId, purpose: 'scenarios' })},
        ${answer.costUsd}, ${usage.inputTokens}, ${usage.outputTokens}, ${usage.cacheReadTokens}, ${usage.cacheWriteTokens}, ${answer.log.durationMs}, 'success', ${item.attempts}
      where exists (select 1 from settled)
    )
    select spent_usd as spent, spending_limit_usd as "limit", warned from budget`,
  );
  if (!row) throw new LeaseLost();
  return row;
}
