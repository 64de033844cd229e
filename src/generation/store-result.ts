import { eq, sql } from 'drizzle-orm';
import { parseGeneratedConversation } from '../core/output';
import { costOf, priceOf } from '../core/pricing';
import { scoreConversation } from '../core/quality';
import { redactValue } from '../core/redact';
import { buildSearchText } from '../core/search-text';
import { TIER_LABELS } from '../core/tiers';
import { queryRows, type Db } from '../db/client';
import { conversationTurns } from '../db/schema';
import { transcriptText } from '../db/transcripts';
import { warnIfNearLimit } from './budget';
import { LeaseLost, type ClaimedItem, type ItemOutcome } from './item-types';
import { ProviderError } from '../core/provider-errors';
import type { GenerationResult } from './providers/types';
import type { RunRuntime } from './run-runtime';
import type { SlotContext } from './slot-context';

export interface StoredCall {
  context: SlotContext;
  request: { system: string; prompt: string };
  reservedUsd: number;
  started: number;
}

const json = (value: unknown) => sql`${JSON.stringify(value ?? null)}::jsonb`;

function searchTextOf(context: SlotContext, title: string) {
  const { slot, conversation } = context;
  return buildSearchText(conversation.conversationId, title, slot.persona.label, slot.emotion.label, slot.topic.label, slot.intent.label, slot.tone.label, TIER_LABELS[slot.tier]);
}

/**
 * Validates, scores and stores one provider answer: the item settled, the budget settled, the
 * turns, the conversation and the log row. `costFactor` is 0.5 for Message Batches (half price).
 *
 * The writes (with the conversation's transcript) are one statement (data-modifying CTEs), so they happen together or not at all,
 * and storing a conversation costs one round trip to the database instead of eight: this is
 * what bounds a run's pace when the provider answers fast. Every part is conditioned on the
 * item's lease still being ours; if it is not, nothing changes and LeaseLost is thrown.
 */
export async function storeResult(db: Db, runtime: RunRuntime, item: ClaimedItem, call: StoredCall, result: GenerationResult, costFactor = 1): Promise<ItemOutcome> {
  const { provider } = runtime;
  const forLog = <T,>(value: T): T => (runtime.redactPii ? redactValue(value) : value);
  const parsed = parseGeneratedConversation(result.output);
  if (!parsed.ok) throw new ProviderError('malformed_output', `The model's answer was not a valid conversation (${parsed.problem}).`, { raw: result.raw, usage: result.usage });
  const output = parsed.value;
  const quality = scoreConversation(output.turns, output.confidence);
  // Priced as the model the run asked for; the answer may name a dated snapshot of it.
  const cost = costOf(priceOf(provider.info.model) ? provider.info.model : result.model, result.usage) * costFactor;
  const { conversation: conv, template } = call.context;
  const usage = result.usage;

  const statement = sql`
    with settled as (
      -- The item's cost includes any earlier billed attempt that failed; so does the conversation's.
      update run_items set status = 'succeeded', cost_usd = coalesce(cost_usd, 0) + ${cost}, finished_at = now(),
        lease_owner = null, lease_expires_at = null, reserved_usd = 0
      where id = ${item.id} and lease_owner = ${item.leaseOwner} and status = 'in_progress'
      returning cost_usd
    ), budget as (
      update generation_runs set reserved_usd = greatest(0, reserved_usd - ${call.reservedUsd}), spent_usd = spent_usd + ${cost}, updated_at = now()
      where id = ${item.runId} and exists (select 1 from settled)
      returning spent_usd, spending_limit_usd, budget_warned_at is not null as warned
    ), turns as (
      insert into conversation_turns (conversation_id, turn_number, role, content)
      select ${conv.id}, t.n, t.v->>'role', t.v->>'content'
      from jsonb_array_elements(${json(output.turns.map(({ role, content }) => ({ role, content })))}) with ordinality as t(v, n)
      where exists (select 1 from settled)
    ), transcript as (
      insert into conversation_transcripts (conversation_id, turns)
      select ${conv.id}, ${transcriptText(output.turns)}
      where exists (select 1 from settled)
      on conflict (conversation_id) do update set turns = excluded.turns
    ), stored as (
      update conversations set status = 'generated', title = ${output.title}, quality_score = ${quality.score}, quality_breakdown = ${json(quality)},
        turn_count = ${output.turns.length}, provider = ${provider.info.name}, model = ${result.model},
        cost_usd = coalesce((select cost_usd from settled), ${cost}), input_tokens = ${usage.inputTokens}, output_tokens = ${usage.outputTokens},
        template_version = ${template?.version ?? null}, error_message = null, error_code = null, error_details = null,
        -- New text has not been reviewed yet.
        reviewed_at = null, reviewed_by = null, review_notes = null,
        generated_at = now(), updated_at = now(), search_text = ${searchTextOf(call.context, output.title)}
      where id = ${conv.id} and exists (select 1 from settled)
    ), logged as (
      insert into generation_logs (conversation_id, run_id, run_item_id, template_id, template_version, provider, model,
        request_payload, response_payload, parameters, cost_usd, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
        duration_ms, status, attempt)
      select ${conv.id}, ${item.runId}, ${item.id}, ${template?.id ?? null}, ${template?.version ?? null}, ${provider.info.name}, ${result.model},
        ${json(forLog(call.request))}, ${json(forLog(result.raw))}, ${json(forLog(call.context.parameters))}, ${cost},
        ${usage.inputTokens}, ${usage.outputTokens}, ${usage.cacheReadTokens}, ${usage.cacheWriteTokens},
        ${Date.now() - call.started}, 'success', ${item.attempts}
      where exists (select 1 from settled)
    )
    select spent_usd as spent, spending_limit_usd as "limit", warned from budget`;

  const write = async (q: Db) => {
    const [row] = await queryRows<{ spent: number; limit: number | null; warned: boolean }>(q, statement);
    if (!row) throw new LeaseLost();
    return row;
  };
  // A regenerated conversation's old turns go first, in the same transaction.
  const budget = conv.turnCount > 0
    ? await db.transaction(async (tx) => {
        await tx.delete(conversationTurns).where(eq(conversationTurns.conversationId, conv.id));
        return write(tx as unknown as Db);
      })
    : await write(db);
  if (budget.limit !== null && !budget.warned && budget.spent >= (budget.limit * runtime.warnAtPercent) / 100) {
    await warnIfNearLimit(db, item.runId, runtime.warnAtPercent);
  }
  return 'succeeded';
}
