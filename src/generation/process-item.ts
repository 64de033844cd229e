import { eq } from 'drizzle-orm';
import { AppError } from '../core/errors';
import { costOf, estimateTokens } from '../core/pricing';
import { ProviderError } from '../core/provider-errors';
import { SYSTEM_PROMPT } from '../core/system-prompt';
import { redactValue } from '../core/redact';
import { decideRetry } from '../core/retry-policy';
import type { Db } from '../db/client';
import { generationLogs, generationRuns } from '../db/schema';
import { admitCall } from './admit-call';
import { addSpend } from './budget';
import { LeaseLost, type ClaimedItem, type ItemOutcome } from './item-types';
import { settleFailure } from './lifecycle/settle-failure';
import type { ReleaseFn } from './rate-limiter';
import type { RunRuntime } from './run-runtime';
import { storeResult } from './store-result';
import { loadSlotContext, promptOf, type SlotContext } from './slot-context';

/** A 10–14 turn conversation is about this many output tokens. */
const TYPICAL_OUTPUT_TOKENS = 1600;

/** A stable per-conversation seed, so the offline provider gives the same text on a retry. */
export function seedFor(id: string, attempt: number): number {
  let h = 2166136261;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) + attempt - 1;
}

export type Failure = { kind: string; message: string; httpStatus?: number; retryAfterMs?: number; providerError: ProviderError | null };

export function describeFailure(err: unknown): Failure {
  if (err instanceof ProviderError) return { kind: err.kind, message: err.message, httpStatus: err.opts.httpStatus, retryAfterMs: err.opts.retryAfterMs, providerError: err };
  if (err instanceof AppError) return { kind: err.code, message: err.message, providerError: null };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err), providerError: null };
}

/**
 * Generates one claimed item (its slot context may come preloaded with others): render the prompt, call the provider, validate and score the
 * output, then store turns, log, cost and status in one transaction. Failures are logged too;
 * retryable ones go back to the queue with a backoff until attempts run out.
 */
export async function processItem(db: Db, runtime: RunRuntime, item: ClaimedItem, preloaded?: SlotContext): Promise<ItemOutcome> {
  const { provider } = runtime;
  const started = Date.now();
  let request: { system: string; prompt: string } | null = null;
  let context: SlotContext | null = null;
  let release: ReleaseFn | null = null;
  /** What the provider billed for an answer we received, in case storing it is abandoned. */
  let billedUsd = 0;
  try {
    context = preloaded ?? (await loadSlotContext(db, item.conversationId));
    const prompt = promptOf(context);
    request = { system: SYSTEM_PROMPT, prompt };
    const inputTokens = estimateTokens(SYSTEM_PROMPT) + estimateTokens(prompt);
    const worstCaseUsd = costOf(provider.info.model, { inputTokens, outputTokens: runtime.maxTokens });
    const estimate = { inputTokens, outputTokens: Math.min(runtime.maxTokens, runtime.limiter.expectedOutputTokens(TYPICAL_OUTPUT_TOKENS)) };
    const admission = await admitCall(db, runtime, item, { worstCaseUsd, estimate });
    if (!admission.admitted) return admission.outcome;
    release = admission.release;
    const result = await provider.generate({ ...request, slot: context.slot, seed: seedFor(item.conversationId, item.attempts), maxTokens: runtime.maxTokens, temperature: runtime.temperature });
    runtime.limiter.onSuccess();
    billedUsd = costOf(provider.info.model, result.usage);
    release({ inputTokens: result.usage.inputTokens + result.usage.cacheReadTokens + result.usage.cacheWriteTokens, outputTokens: result.usage.outputTokens }, result.announced ?? null);
    release = null;
    return await storeResult(db, runtime, item, { context, request, started }, result);
  } catch (err) {
    // An error answer (a 429 above all) announces the limits too; a failed connection says nothing.
    release?.(undefined, err instanceof ProviderError ? (err.opts.announced ?? undefined) : undefined);
    if (err instanceof LeaseLost) {
      // Another worker owns the item now, and gave back this one's reservation when it took the
      // item over; the call this one made was still paid for, and logged.
      await db.transaction(async (tx) => {
        await addSpend(tx, item.runId, billedUsd);
        if (billedUsd > 0) {
          await tx.insert(generationLogs).values({
            conversationId: item.conversationId,
            runId: item.runId,
            runItemId: item.id,
            provider: provider.info.name,
            model: provider.info.model,
            status: 'error',
            errorKind: 'lease_lost',
            errorMessage: 'The answer arrived after another worker had taken this conversation over, so it was discarded.',
            costUsd: billedUsd,
            durationMs: Date.now() - started,
            attempt: item.attempts,
          });
        }
      });
      return 'lease_lost';
    }
    const failure = describeFailure(err);
    if (failure.kind === 'rate_limited') {
      // Everyone on this provider waits, and the run says until when.
      runtime.limiter.onRateLimited(failure.retryAfterMs);
      const until = runtime.limiter.throttledUntil();
      if (until) await db.update(generationRuns).set({ throttledUntil: until }).where(eq(generationRuns.id, item.runId));
    }
    return recordFailure(db, runtime, item, failure, { started, request, context }).catch(async (inner) => {
      if (!(inner instanceof LeaseLost)) throw inner;
      // The failure could not be recorded against an item we no longer hold: its spend is still ours.
      await addSpend(db, item.runId, billedUsd);
      return 'lease_lost' as const;
    });
  }
}

function rawOf(failure: Failure, redact: boolean): Record<string, unknown> | null {
  const raw = failure.providerError?.opts.raw;
  if (raw === undefined || raw === null) return null;
  const body = typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : { body: raw };
  return redact ? redactValue(body) : body;
}

/**
 * Logs the failed call and settles the item: a retry after its backoff, or failed for good
 * (see settleFailure for where each takes the conversation).
 */
export async function recordFailure(
  db: Db,
  runtime: RunRuntime,
  item: ClaimedItem,
  failure: Failure,
  call: { started: number; request: { system: string; prompt: string } | null; context: SlotContext | null; costFactor?: number },
): Promise<ItemOutcome> {
  const { provider } = runtime;
  // An answer that was unusable was still billed: it counts against the budget and the log.
  const usage = failure.providerError?.opts.usage;
  const billed = usage ? costOf(provider.info.model, usage) * (call.costFactor ?? 1) : 0;
  // Template and data problems are permanent: the same request would fail the same way.
  const decision = retryDecision(runtime, item.attempts, failure);
  return db.transaction(async (tx) => {
    const settled = await settleFailure(tx, item, {
      retryInMs: decision.retry ? decision.delayMs : null,
      billedUsd: billed,
      message: failure.message,
      code: failure.kind,
      details: {
        httpStatus: failure.httpStatus ?? null,
        retryable: failure.providerError?.retryable ?? false,
        attempts: item.attempts,
        why: decision.retry ? null : decision.reason,
        at: new Date().toISOString(),
        runId: item.runId,
      },
    });
    await tx.insert(generationLogs).values({
      conversationId: item.conversationId,
      runId: item.runId,
      runItemId: item.id,
      templateId: call.context?.template?.id ?? null,
      templateVersion: call.context?.template?.version ?? null,
      provider: provider.info.name,
      model: provider.info.model,
      requestPayload: call.request && (runtime.redactPii ? redactValue(call.request) : call.request),
      parameters: (runtime.redactPii ? redactValue(call.context?.parameters ?? {}) : (call.context?.parameters ?? {})) as Record<string, unknown>,
      // What the provider answered (its error body and rate-limit headers, or the unusable output), for the error dialog's technical details.
      responsePayload: rawOf(failure, runtime.redactPii),
      ...failedCallLog(failure, item.attempts, billed, usage, call.started),
      cacheReadTokens: usage?.cacheReadTokens ?? 0,
      cacheWriteTokens: usage?.cacheWriteTokens ?? 0,
    });
    return settled === 'retry' ? 'retrying' : settled === 'cancel' ? 'run_stopped' : 'failed';
  });
}

/** Whether a failed call is tried again, and when: provider errors follow the retry policy, the rest are permanent. */
export function retryDecision(runtime: RunRuntime, attempt: number, failure: Failure) {
  return failure.providerError
    ? decideRetry(runtime.retryPolicy, { kind: failure.providerError.kind, attempt, retryAfterMs: failure.retryAfterMs })
    : ({ retry: false, reason: 'This is not a provider error, so retrying would not help.' } as const);
}

/** The generation-log fields every failed call records, whatever the item was. */
export function failedCallLog(failure: Failure, attempt: number, billedUsd: number, usage: { inputTokens: number; outputTokens: number } | undefined, startedAt: number) {
  return {
    durationMs: Date.now() - startedAt,
    status: 'error',
    errorKind: failure.kind,
    errorMessage: failure.message,
    httpStatus: failure.httpStatus ?? null,
    attempt,
    costUsd: billedUsd,
    inputTokens: usage?.inputTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
  };
}
