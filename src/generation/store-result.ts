import { eq } from 'drizzle-orm';
import { parseGeneratedConversation } from '../core/output';
import { costOf, priceOf } from '../core/pricing';
import { ProviderError } from '../core/provider-errors';
import { assessConversation } from '../core/quality';
import { redactValue } from '../core/redact';
import { buildSearchText } from '../core/search-text';
import { TIER_LABELS } from '../core/tiers';
import type { Db } from '../db/client';
import { conversationTurns } from '../db/schema';
import { transcriptText } from '../db/transcripts';
import { addRunEvent } from '../db/queries/run-events';
import { afterStore } from '../duplicates/after-store';
import { getSettings } from '../settings/workspace-settings';
import { addSpend, warnIfNearLimit } from './budget';
import { LeaseLost, type ClaimedItem, type ItemOutcome } from './item-types';
import { judgeInRun, type RunJudgement } from './judge-in-run';
import { settleSuccess, type StoredAnswer } from './lifecycle/settle-success';
import { qualityContextOf } from './quality-context';
import type { GenerationResult } from './providers/types';
import type { RunRuntime } from './run-runtime';
import type { SlotContext } from './slot-context';

export interface StoredCall {
  context: SlotContext;
  request: { system: string; prompt: string };
  started: number;
}

function searchTextOf(context: SlotContext, title: string) {
  const { slot, conversation } = context;
  return buildSearchText(conversation.conversationId, title, slot.persona.label, slot.emotion.label, slot.topic.label, slot.intent.label, slot.tone.label, TIER_LABELS[slot.tier]);
}

const NOT_JUDGED: RunJudgement = { breakdown: null, costUsd: 0, event: null };

/** The LLM judge, when the workspace turned it on, before the item settles (so its call is covered by the item's reservation). */
async function judgeIfEnabled(db: Db, runtime: RunRuntime, item: ClaimedItem, context: SlotContext, turns: { role: string; content: string }[], costUsd: number): Promise<RunJudgement> {
  if (!(await getSettings(db)).quality.judgeEnabled) return NOT_JUDGED;
  const { slot, conversation } = context;
  const subject = { conversationId: conversation.conversationId, turns, persona: slot.persona.label, emotion: slot.emotion.label, topic: slot.topic.label, intent: slot.intent.label };
  return judgeInRun(db, runtime, item, subject, costUsd);
}

/**
 * Validates, scores and stores one provider answer (the item settles as succeeded, with its
 * budget, turns, conversation, judge score and log row, in one statement). `costFactor` is 0.5
 * for Message Batches (half price). Throws ProviderError('malformed_output') for an unusable
 * answer and LeaseLost when the item is no longer ours.
 */
export async function storeResult(db: Db, runtime: RunRuntime, item: ClaimedItem, call: StoredCall, result: GenerationResult, costFactor = 1): Promise<ItemOutcome> {
  const { provider } = runtime;
  const forLog = <T,>(value: T): T => (runtime.redactPii ? redactValue(value) : value);
  const parsed = parseGeneratedConversation(result.output);
  if (!parsed.ok) throw new ProviderError('malformed_output', `The model's answer was not a valid conversation (${parsed.problem}).`, { raw: result.raw, usage: result.usage });
  const output = parsed.value;
  const { quality, grounding } = assessConversation(output.turns, output.confidence, await qualityContextOf(db, call.context.slot));
  // Priced as the model the run asked for; the answer may name a dated snapshot of it.
  const cost = costOf(priceOf(provider.info.model) ? provider.info.model : result.model, result.usage) * costFactor;
  const { conversation: conv, template } = call.context;
  const turns = output.turns.map(({ role, content }) => ({ role, content }));
  const judge = await judgeIfEnabled(db, runtime, item, call.context, turns, cost);
  const answer: StoredAnswer = {
    costUsd: cost,
    turns,
    transcript: transcriptText(output.turns),
    conversation: {
      id: conv.id,
      title: output.title,
      qualityScore: quality.score,
      qualityBreakdown: quality,
      grounding,
      provider: provider.info.name,
      model: result.model,
      templateVersion: template?.version ?? null,
      searchText: searchTextOf(call.context, output.title),
      usage: result.usage,
    },
    judge,
    log: {
      templateId: template?.id ?? null,
      templateVersion: template?.version ?? null,
      request: forLog(call.request),
      response: forLog(result.raw),
      parameters: forLog(call.context.parameters),
      durationMs: Date.now() - call.started,
    },
  };
  let budget;
  try {
    // A regenerated conversation's old turns go first, in the same transaction.
    budget =
      conv.turnCount > 0
        ? await db.transaction(async (tx) => {
            await tx.delete(conversationTurns).where(eq(conversationTurns.conversationId, conv.id));
            return settleSuccess(tx, item, answer);
          })
        : await settleSuccess(db, item, answer);
  } catch (err) {
    // The judge's call was paid for even though another worker stores the conversation now.
    if (err instanceof LeaseLost) await addSpend(db, item.runId, judge.costUsd);
    throw err;
  }
  if (judge.event) await addRunEvent(db, { ...judge.event, runId: item.runId, conversationId: conv.id });
  if (budget.limit !== null && !budget.warned && budget.spent >= (budget.limit * runtime.warnAtPercent) / 100) {
    await warnIfNearLimit(db, item.runId, runtime.warnAtPercent);
  }
  await afterStore(db, conv.id, answer.turns);
  return 'succeeded';
}
