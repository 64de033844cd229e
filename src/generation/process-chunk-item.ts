import { eq } from 'drizzle-orm';
import { AppError } from '../core/errors';
import { costOf, estimateTokens, priceOf } from '../core/pricing';
import { ProviderError } from '../core/provider-errors';
import { redactValue } from '../core/redact';
import type { Db } from '../db/client';
import { generationLogs, generationRuns } from '../db/schema';
import { admitCall } from './admit-call';
import { addSpend, warnIfNearLimit } from './budget';
import { LeaseLost, type ClaimedChunkItem, type ItemOutcome } from './item-types';
import { settleFailure } from './lifecycle/settle-failure';
import { describeFailure, failedCallLog, retryDecision, type Failure } from './process-item';
import type { ReleaseFn } from './rate-limiter';
import type { RunRuntime } from './run-runtime';
import type { ChunkTask } from './chunk-tasks/chunk-task';

/**
 * Works on one chunk of a chunk run (its dimensions, or scenarios drawn from it): the same
 * admission (budget, rate limiter), retry policy and lease checks as a conversation, then the
 * answer is checked against the task's schema and stored in one statement.
 */
export async function processChunkItem(db: Db, runtime: RunRuntime, item: ClaimedChunkItem, task: ChunkTask): Promise<ItemOutcome> {
  const { provider } = runtime;
  const started = Date.now();
  let request: { system: string; prompt: string } | null = null;
  let release: ReleaseFn | null = null;
  let billedUsd = 0;
  try {
    if (!provider.analyzeChunk) {
      throw new AppError({ code: 'analysis_unsupported', message: `The ${provider.info.name} provider cannot analyse chunks.`, hint: 'Configure Anthropic, an OpenAI-compatible server, or the offline generator.' });
    }
    const call = await task.prepare(db, item);
    request = { system: call.system, prompt: call.prompt };
    const inputTokens = estimateTokens(request.system) + estimateTokens(request.prompt);
    const maxTokens = Math.min(runtime.maxTokens, call.maxOutputTokens);
    const admission = await admitCall(db, runtime, item, {
      worstCaseUsd: costOf(provider.info.model, { inputTokens, outputTokens: maxTokens }),
      estimate: { inputTokens, outputTokens: call.typicalOutputTokens },
    });
    if (!admission.admitted) return admission.outcome;
    release = admission.release;
    const result = await provider.analyzeChunk({ ...request, answer: call.answer, offlineAnswer: call.offlineAnswer, maxTokens });
    runtime.limiter.onSuccess();
    // Priced as the model the run asked for; the answer may name a dated snapshot of it.
    billedUsd = costOf(priceOf(provider.info.model) ? provider.info.model : result.model, result.usage);
    release({ inputTokens: result.usage.inputTokens + result.usage.cacheReadTokens + result.usage.cacheWriteTokens, outputTokens: result.usage.outputTokens }, result.announced ?? null);
    release = null;
    const parsed = call.parse(result.output);
    if (!parsed.ok) throw new ProviderError('malformed_output', `The model's answer was not ${call.expected} (${parsed.problem}).`, { raw: result.raw, usage: result.usage });
    const forLog = <T,>(value: T): T => (runtime.redactPii ? redactValue(value) : value);
    const budget = await call.settle(db, item, {
      costUsd: billedUsd,
      value: parsed.value,
      source: provider.info.name === 'offline' ? 'offline' : 'provider',
      provider: provider.info.name,
      model: result.model,
      usage: result.usage,
      log: { request: forLog(request), response: forLog(result.raw), durationMs: Date.now() - started },
    });
    if (budget.limit !== null && !budget.warned && budget.spent >= (budget.limit * runtime.warnAtPercent) / 100) await warnIfNearLimit(db, item.runId, runtime.warnAtPercent);
    return 'succeeded';
  } catch (err) {
    release?.(undefined, err instanceof ProviderError ? (err.opts.announced ?? undefined) : undefined);
    if (err instanceof LeaseLost) {
      // Another worker owns the item now; the call this one made was still paid for.
      await addSpend(db, item.runId, billedUsd);
      return 'lease_lost';
    }
    const failure = describeFailure(err);
    if (failure.kind === 'rate_limited') {
      runtime.limiter.onRateLimited(failure.retryAfterMs);
      const until = runtime.limiter.throttledUntil();
      if (until) await db.update(generationRuns).set({ throttledUntil: until }).where(eq(generationRuns.id, item.runId));
    }
    return recordChunkFailure(db, runtime, item, failure, { started, request }).catch(async (inner) => {
      if (!(inner instanceof LeaseLost)) throw inner;
      await addSpend(db, item.runId, billedUsd);
      return 'lease_lost' as const;
    });
  }
}

/** Logs the failed analysis and settles the item: a retry after its backoff, or failed for good. */
async function recordChunkFailure(db: Db, runtime: RunRuntime, item: ClaimedChunkItem, failure: Failure, call: { started: number; request: { system: string; prompt: string } | null }): Promise<ItemOutcome> {
  const { provider } = runtime;
  const usage = failure.providerError?.opts.usage;
  const billed = usage ? costOf(provider.info.model, usage) : 0;
  const decision = retryDecision(runtime, item.attempts, failure);
  return db.transaction(async (tx) => {
    const settled = await settleFailure(tx, item, {
      retryInMs: decision.retry ? decision.delayMs : null,
      billedUsd: billed,
      message: failure.message,
      code: failure.kind,
      details: {},
    });
    await tx.insert(generationLogs).values({
      conversationId: null,
      runId: item.runId,
      runItemId: item.id,
      provider: provider.info.name,
      model: provider.info.model,
      requestPayload: call.request && (runtime.redactPii ? redactValue(call.request) : call.request),
      parameters: { chunkId: item.chunkId },
      responsePayload: null,
      ...failedCallLog(failure, item.attempts, billed, usage, call.started),
    });
    return settled === 'retry' ? 'retrying' : settled === 'cancel' ? 'run_stopped' : 'failed';
  });
}
