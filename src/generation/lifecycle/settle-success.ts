import { sql } from 'drizzle-orm';
import { runItemLifecycle } from '../../core/run-statuses';
import { conversationLifecycle } from '../../core/statuses';
import type { JudgeBreakdown } from '../../core/judge';
import type { Usage } from '../../core/provider-errors';
import { queryRows, type Db } from '../../db/client';
import { currentSourceSnapshot } from '../../db/queries/source-snapshot';
import { statusList, statusLiteral } from '../../db/status-sql';
import { LeaseLost, type ClaimedItem } from '../item-types';

/** A provider answer, validated and scored, ready to be stored. */
export interface StoredAnswer {
  costUsd: number;
  turns: { role: string; content: string }[];
  /** The turns as the export reads them (conversation_transcripts). */
  transcript: string;
  conversation: {
    id: string;
    title: string;
    qualityScore: number;
    qualityBreakdown: unknown;
    /** Per-sentence grounding against the source chunk (GroundingResult), or null without one. */
    grounding?: unknown;
    provider: string;
    model: string;
    templateVersion: number | null;
    searchText: string;
    usage: Usage;
  };
  /** The LLM judge's score of the new text (null: not judged, and an older score is cleared) and what its call cost the run. */
  judge: { breakdown: JudgeBreakdown | null; costUsd: number };
  log: {
    templateId: string | null;
    templateVersion: number | null;
    request: unknown;
    response: unknown;
    parameters: unknown;
    durationMs: number;
  };
}

const json = (value: unknown) => sql`${JSON.stringify(value ?? null)}::jsonb`;

/**
 * Settles an item with a stored answer (succeed): the item, its reservation and the run's spend,
 * the turns, the transcript, the conversation (generating → generated; new text is not reviewed
 * yet) and the log row. One statement (data-modifying CTEs), so they happen together or not at
 * all, in one round trip to the database: this is what bounds a run's pace when the provider
 * answers fast. The judge's cost counts in the run's spend, not in the conversation's cost. Every part is conditioned on the item's lease still being ours; if it is not,
 * nothing changes and LeaseLost is thrown. Returns the run's spend, for the budget warning.
 */
export async function settleSuccess(db: Db, item: ClaimedItem, answer: StoredAnswer): Promise<{ spent: number; limit: number | null; warned: boolean }> {
  const { conversation: conv, log, costUsd: cost } = answer;
  const usage = conv.usage;
  const held = sql`id = ${item.id} and lease_owner = ${item.leaseOwner} and status in (${statusList(runItemLifecycle.sources('succeed'))})`;
  const [row] = await queryRows<{ spent: number; limit: number | null; warned: boolean }>(
    db,
    sql`
    with held as (
      -- What the item reserved, as it was before this statement (settled below clears it).
      select reserved_usd from run_items where ${held}
    ), settled as (
      -- The item's cost includes any earlier billed attempt that failed; so does the conversation's.
      update run_items set status = ${statusLiteral(runItemLifecycle.target('succeed'))}, cost_usd = coalesce(cost_usd, 0) + ${cost}, finished_at = now(),
        lease_owner = null, lease_expires_at = null, reserved_usd = 0
      where ${held}
      returning cost_usd
    ), budget as (
      update generation_runs set reserved_usd = greatest(0, reserved_usd - coalesce((select reserved_usd from held), 0)), spent_usd = spent_usd + ${cost + answer.judge.costUsd}, updated_at = now()
      where id = ${item.runId} and exists (select 1 from settled)
      returning spent_usd, spending_limit_usd, budget_warned_at is not null as warned
    ), turns as (
      insert into conversation_turns (conversation_id, turn_number, role, content)
      select ${conv.id}, t.n, t.v->>'role', t.v->>'content'
      from jsonb_array_elements(${json(answer.turns)}) with ordinality as t(v, n)
      where exists (select 1 from settled)
    ), transcript as (
      insert into conversation_transcripts (conversation_id, turns)
      select ${conv.id}, ${answer.transcript}
      where exists (select 1 from settled)
      on conflict (conversation_id) do update set turns = excluded.turns
    ), stored as (
      -- The claim made it Generating; succeed moves it to Generated.
      update conversations set status = ${statusLiteral(conversationLifecycle.target('succeed'))}, title = ${conv.title}, quality_score = ${conv.qualityScore}, quality_breakdown = ${json(conv.qualityBreakdown)},
        grounding = ${json(conv.grounding)},
        judge_score = ${answer.judge.breakdown?.score ?? null}, judge_breakdown = ${answer.judge.breakdown === null ? sql`null` : json(answer.judge.breakdown)},
        turn_count = ${answer.turns.length}, provider = ${conv.provider}, model = ${conv.model},
        cost_usd = coalesce((select cost_usd from settled), ${cost}), input_tokens = ${usage.inputTokens}, output_tokens = ${usage.outputTokens},
        template_version = ${conv.templateVersion}, error_message = null, error_code = null, error_details = null,
        -- New text has not been reviewed yet.
        reviewed_at = null, reviewed_by = null, review_notes = null,
        generated_at = now(), updated_at = now(), search_text = ${conv.searchText},
        -- The exact source text it was made from, so re-chunking or deleting the document never loses it.
        source_snapshot = coalesce(${currentSourceSnapshot}, source_snapshot)
      where id = ${conv.id} and exists (select 1 from settled)
    ), logged as (
      insert into generation_logs (conversation_id, run_id, run_item_id, template_id, template_version, provider, model,
        request_payload, response_payload, parameters, cost_usd, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
        duration_ms, status, attempt)
      select ${conv.id}, ${item.runId}, ${item.id}, ${log.templateId}, ${log.templateVersion}, ${conv.provider}, ${conv.model},
        ${json(log.request)}, ${json(log.response)}, ${json(log.parameters)}, ${cost},
        ${usage.inputTokens}, ${usage.outputTokens}, ${usage.cacheReadTokens}, ${usage.cacheWriteTokens},
        ${log.durationMs}, 'success', ${item.attempts}
      where exists (select 1 from settled)
    )
    select spent_usd as spent, spending_limit_usd as "limit", warned from budget`,
  );
  if (!row) throw new LeaseLost();
  return row;
}
