import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { AppError } from '../core/errors';
import { costOf, estimateTokens } from '../core/pricing';
import { renderTemplate } from '../core/prompt';
import { isConversationStatus } from '../core/statuses';
import { FALLBACK_TEMPLATE, SYSTEM_PROMPT } from '../core/system-prompt';
import { redactValue } from '../core/redact';
import { decideRetry } from '../core/retry-policy';
import type { Db, Tx } from '../db/client';
import { conversations, generationLogs, generationRuns, runItems } from '../db/schema';
import { pauseForBudget, reserveBudget, settleBudget } from './budget';
import { LeaseLost, type ClaimedItem, type ItemOutcome } from './item-types';
import { ProviderError } from '../core/provider-errors';
import type { RunRuntime } from './run-runtime';
import { storeResult } from './store-result';
import { loadSlotContext, type SlotContext } from './slot-context';

/** A 10–14 turn conversation is about this many output tokens. */
const TYPICAL_OUTPUT_TOKENS = 1600;

/** A stable per-conversation seed, so the offline provider gives the same text on a retry. */
function seedFor(id: string, attempt: number): number {
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
 * Hands a claimed item back to the queue untouched (the attempt did not happen), optionally
 * not before `delayMs`. If its run was cancelled meanwhile, the item is cancelled instead and
 * the conversation returns to where it was, so nothing is left waiting for a run that is over.
 */
async function giveBack(db: Db, item: ClaimedItem, delayMs = 0) {
  await db.transaction(async (tx) => {
    const [run] = await tx.select({ status: generationRuns.status }).from(generationRuns).where(eq(generationRuns.id, item.runId));
    if (run?.status === 'cancelled') return cancelItem(tx, item);
    await tx
      .update(runItems)
      .set({ status: 'pending', leaseOwner: null, leaseExpiresAt: null, reservedUsd: 0, attempts: sql`greatest(0, ${runItems.attempts} - 1)`, nextAttemptAt: delayMs ? sql`now() + (${delayMs} * interval '1 millisecond')` : null })
      .where(and(eq(runItems.id, item.id), eq(runItems.leaseOwner, item.leaseOwner)));
  });
}

/** Ends an item of a cancelled run and puts its conversation back to its status before the run. */
async function cancelItem(tx: Tx, item: ClaimedItem, values: PgUpdateSetSource<typeof runItems> = {}) {
  const [row] = await tx
    .update(runItems)
    .set({ ...values, status: 'cancelled', leaseOwner: null, leaseExpiresAt: null, reservedUsd: 0, finishedAt: new Date() })
    .where(and(eq(runItems.id, item.id), eq(runItems.leaseOwner, item.leaseOwner)))
    .returning({ previousStatus: runItems.previousStatus });
  if (!row) return;
  await tx
    .update(conversations)
    .set({ status: row.previousStatus && isConversationStatus(row.previousStatus) ? row.previousStatus : 'not_generated', updatedAt: new Date() })
    .where(and(eq(conversations.id, item.conversationId), eq(conversations.status, 'generating')));
}

async function runIsActive(db: Db, runId: string) {
  const [run] = await db.select({ status: generationRuns.status }).from(generationRuns).where(eq(generationRuns.id, runId));
  return run?.status === 'queued' || run?.status === 'running';
}

/** Marks the item done only if this worker still holds it; otherwise the transaction aborts. */
async function settleItem(tx: Tx, item: ClaimedItem, values: PgUpdateSetSource<typeof runItems>) {
  const updated = await tx
    .update(runItems)
    .set({ leaseOwner: null, leaseExpiresAt: null, reservedUsd: 0, ...values })
    .where(and(eq(runItems.id, item.id), eq(runItems.leaseOwner, item.leaseOwner), eq(runItems.status, 'in_progress')))
    .returning({ previousStatus: runItems.previousStatus, costUsd: runItems.costUsd });
  if (!updated.length) throw new LeaseLost();
  return updated[0];
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
  let reservedUsd = 0;
  let release: ((actual?: { inputTokens: number; outputTokens: number }) => void) | null = null;
  /** What the provider billed for an answer we received, in case storing it is abandoned. */
  let billedUsd = 0;
  try {
    context = preloaded ?? (await loadSlotContext(db, item.conversationId));
    const prompt = renderTemplate(context.template?.body ?? FALLBACK_TEMPLATE, context.parameters);
    request = { system: SYSTEM_PROMPT, prompt };
    const inputTokens = estimateTokens(SYSTEM_PROMPT) + estimateTokens(prompt);
    // The budget reserves the worst case (every allowed output token), so a limit is never overshot;
    // the rate limiter reserves a typical answer and is corrected to the actual count afterwards.
    const worstCase = costOf(provider.info.model, { inputTokens, outputTokens: runtime.maxTokens });
    const estimate = { inputTokens, outputTokens: Math.min(runtime.maxTokens, TYPICAL_OUTPUT_TOKENS) };
    // Without a spending limit there is nothing to reserve against.
    const reservation = runtime.hasSpendingLimit ? await reserveBudget(db, item.runId, worstCase, item.id) : 'reserved';
    if (reservation !== 'reserved') {
      // Waiting for in-flight calls to settle: come back in a moment rather than spin.
      await giveBack(db, item, reservation === 'wait' ? 2000 : 0);
      if (reservation === 'exhausted') await pauseForBudget(db, item.runId);
      return reservation === 'exhausted' ? 'budget_paused' : 'budget_wait';
    }
    reservedUsd = runtime.hasSpendingLimit ? worstCase : 0;
    const waitStarted = Date.now();
    release = await runtime.limiter.acquire(estimate);
    // The run may have been paused or cancelled while this item waited for the rate limiter.
    if (Date.now() - waitStarted > 100 && !(await runIsActive(db, item.runId))) {
      release();
      release = null;
      await db.transaction((tx) => settleBudget(tx, item.runId, reservedUsd, 0));
      await giveBack(db, item);
      return 'run_stopped';
    }
    const result = await provider.generate({ ...request, slot: context.slot, seed: seedFor(item.conversationId, item.attempts), maxTokens: runtime.maxTokens, temperature: runtime.temperature });
    runtime.limiter.onSuccess();
    billedUsd = costOf(provider.info.model, result.usage);
    release({ inputTokens: result.usage.inputTokens + result.usage.cacheReadTokens + result.usage.cacheWriteTokens, outputTokens: result.usage.outputTokens });
    release = null;
    return await storeResult(db, runtime, item, { context, request, reservedUsd, started }, result);
  } catch (err) {
    release?.();
    if (err instanceof LeaseLost) {
      // Another worker owns the item now; the call this one made was still paid for, and logged.
      await db.transaction(async (tx) => {
        await settleBudget(tx, item.runId, reservedUsd, billedUsd);
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
    return recordFailure(db, runtime, item, failure, { started, request, context, reservedUsd }).catch(async (inner) => {
      if (!(inner instanceof LeaseLost)) throw inner;
      // The failure could not be recorded against an item we no longer hold: release the budget here.
      await db.transaction((tx) => settleBudget(tx, item.runId, reservedUsd, billedUsd));
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

/** Logs the failed call, then queues a retry or settles the item and conversation as failed. */
export async function recordFailure(
  db: Db,
  runtime: RunRuntime,
  item: ClaimedItem,
  failure: Failure,
  call: { started: number; request: { system: string; prompt: string } | null; context: SlotContext | null; reservedUsd: number; costFactor?: number },
): Promise<ItemOutcome> {
  const { provider } = runtime;
  // An answer that was unusable was still billed: it counts against the budget and the log.
  const usage = failure.providerError?.opts.usage;
  const billed = usage ? costOf(provider.info.model, usage) * (call.costFactor ?? 1) : 0;
  // Template and data problems are permanent: the same request would fail the same way.
  const decision = failure.providerError
    ? decideRetry(runtime.retryPolicy, { kind: failure.providerError.kind, attempt: item.attempts, retryAfterMs: failure.retryAfterMs })
    : ({ retry: false, reason: 'This is not a provider error, so retrying would not help.' } as const);
  const willRetry = decision.retry;
  const waitMs = decision.retry ? decision.delayMs : 0;
  return db.transaction(async (tx) => {
    await settleBudget(tx, item.runId, call.reservedUsd, billed);
    const [run] = await tx.select({ status: generationRuns.status }).from(generationRuns).where(eq(generationRuns.id, item.runId));
    if (willRetry && run?.status === 'cancelled') {
      // No retry for a run that is over: the conversation goes back to where it was.
      await cancelItem(tx, item, { lastError: failure.message, errorCode: failure.kind, costUsd: sql`coalesce(${runItems.costUsd}, 0) + ${billed}` });
    } else if (willRetry) {
      await settleItem(tx, item, { status: 'pending', lastError: failure.message, errorCode: failure.kind, costUsd: sql`coalesce(${runItems.costUsd}, 0) + ${billed}`, nextAttemptAt: sql`now() + (${waitMs} * interval '1 millisecond')` });
    } else {
      const { previousStatus } = await settleItem(tx, item, { status: 'failed', lastError: failure.message, errorCode: failure.kind, costUsd: sql`coalesce(${runItems.costUsd}, 0) + ${billed}`, finishedAt: new Date() });
      // A failed regeneration keeps the last good version (and its review) instead of hiding it.
      const keepPrevious = previousStatus && isConversationStatus(previousStatus) && ['generated', 'approved', 'rejected'].includes(previousStatus);
      await tx
        .update(conversations)
        .set({
          status: keepPrevious ? previousStatus : 'failed',
          errorMessage: failure.message,
          errorCode: failure.kind,
          errorDetails: {
            httpStatus: failure.httpStatus ?? null,
            retryable: failure.providerError?.retryable ?? false,
            attempts: item.attempts,
            why: decision.retry ? null : decision.reason,
            at: new Date().toISOString(),
            runId: item.runId,
          },
          updatedAt: new Date(),
        })
        .where(eq(conversations.id, item.conversationId));
    }
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
      durationMs: Date.now() - call.started,
      status: 'error',
      errorKind: failure.kind,
      errorMessage: failure.message,
      httpStatus: failure.httpStatus ?? null,
      attempt: item.attempts,
      costUsd: billed,
      inputTokens: usage?.inputTokens ?? 0,
      outputTokens: usage?.outputTokens ?? 0,
      cacheReadTokens: usage?.cacheReadTokens ?? 0,
      cacheWriteTokens: usage?.cacheWriteTokens ?? 0,
    });
    return willRetry ? 'retrying' : 'failed';
  });
}
