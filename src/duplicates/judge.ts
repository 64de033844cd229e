import { z } from 'zod';
import { JUDGE_FORMAT, JUDGE_SYSTEM_PROMPT, JUDGE_TOOL, judgeAnswerSchema, judgeBreakdownOf, judgeOffline, judgePrompt, parseJudgeAnswer, type JudgeBreakdown, type JudgeSubject } from '../core/judge';
import { costOf, estimateTokens } from '../core/pricing';
import { ProviderError } from '../core/provider-errors';
import type { Db } from '../db/client';
import { auditFailedJudgement, loadJudgeSubject, saveJudgement } from '../db/queries/judge';
import { askStructured } from '../generation/ask-structured';
import type { Provider, StructuredAnswer } from '../generation/providers/types';
import type { RateLimiter } from '../generation/rate-limiter';

/** The judge's tool (Anthropic) and JSON schema (OpenAI-compatible), generated from the zod schema that checks the answer. */
export const JUDGE_ANSWER: StructuredAnswer = {
  tool: JUDGE_TOOL,
  format: JUDGE_FORMAT,
  description: 'Record the rubric scores, comments and overall score of the conversation.',
  schema: z.toJSONSchema(judgeAnswerSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
};

const MAX_JUDGE_TOKENS = 1200;

export interface Judgement {
  breakdown: JudgeBreakdown;
  costUsd: number;
}

/** The input tokens the judge's call is estimated at: the rubric and the whole conversation. */
function judgeInputTokens(subject: JudgeSubject) {
  return estimateTokens(JUDGE_SYSTEM_PROMPT) + estimateTokens(judgePrompt(subject));
}

/** The most a judge call on this conversation can cost (every allowed output token): what a run reserves before making it. */
export function judgeWorstCaseUsd(provider: Provider, subject: JudgeSubject): number {
  return costOf(provider.info.model, { inputTokens: judgeInputTokens(subject), outputTokens: MAX_JUDGE_TOKENS });
}

/** What a failed judge call was billed (an unusable answer still costs its tokens). */
export function billedForFailure(provider: Provider, err: unknown): number {
  const usage = err instanceof ProviderError ? err.opts.usage : undefined;
  return usage ? costOf(provider.info.model, usage) : 0;
}

/**
 * Scores a conversation with the rubric through the provider (a forced tool or a JSON schema;
 * the offline provider answers with the heuristic judge, $0), paced by the provider's rate
 * limiter. Stores nothing. Throws ProviderError when the provider fails or answers something
 * that is not a rubric (with the usage it billed, when it answered).
 */
export async function callJudge(provider: Provider, limiter: RateLimiter, subject: JudgeSubject): Promise<Judgement> {
  const { result, costUsd } = await askStructured(provider, limiter, {
    system: JUDGE_SYSTEM_PROMPT,
    prompt: judgePrompt(subject),
    answer: JUDGE_ANSWER,
    offlineAnswer: () => judgeOffline(subject),
    maxTokens: MAX_JUDGE_TOKENS,
  });
  const parsed = parseJudgeAnswer(result.output);
  if (!parsed.ok) throw new ProviderError('malformed_output', `The judge's answer was not a valid rubric (${parsed.problem}).`, { raw: result.raw, usage: result.usage });
  return { breakdown: judgeBreakdownOf(parsed.value, provider.info.name === 'offline' ? 'offline' : result.model), costUsd };
}

/**
 * Judges one stored conversation now, on `userId`'s request: the score is stored beside the
 * structural one, and audited. A failed call that was still billed is audited with its cost, so
 * what was spent is never lost from the trail.
 */
export async function judgeConversation(db: Db, provider: Provider, limiter: RateLimiter, id: string, userId: string): Promise<Judgement & { conversationId: string }> {
  const subject = await loadJudgeSubject(db, id);
  let judgement: Judgement;
  try {
    judgement = await callJudge(provider, limiter, subject);
  } catch (err) {
    const costUsd = billedForFailure(provider, err);
    // The provider's failure is what the user needs to hear, even if its audit event cannot be written.
    if (costUsd > 0) await auditFailedJudgement(db, id, { userId, costUsd, model: provider.info.model, reason: err instanceof Error ? err.message : String(err) }).catch(() => undefined);
    throw err;
  }
  await saveJudgement(db, id, judgement.breakdown, { userId, costUsd: judgement.costUsd });
  return { ...judgement, conversationId: subject.conversationId };
}
