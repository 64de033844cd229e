import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { AppError } from '../core/errors';
import { parseGeneratedConversation } from '../core/output';
import { costOf } from '../core/pricing';
import { renderTemplate } from '../core/prompt';
import { scoreConversation } from '../core/quality';
import { buildSearchText } from '../core/search-text';
import { isConversationStatus } from '../core/statuses';
import { TIER_LABELS } from '../core/tiers';
import { FALLBACK_TEMPLATE, SYSTEM_PROMPT } from '../core/system-prompt';
import type { Db } from '../db/client';
import { conversations, conversationTurns, generationLogs, runItems } from '../db/schema';
import { ProviderError, type Provider } from './providers/types';
import { loadSlotContext, type SlotContext } from './slot-context';

export interface ClaimedItem {
  id: number;
  runId: string;
  conversationId: string;
  attempts: number;
  /** The worker holding the lease: every write about this item checks it still does. */
  leaseOwner: string;
}

export interface RetryRule {
  maxAttempts: number;
  backoffMs: (attempt: number) => number;
}

/** The defaults of US12.1.1: 3 attempts, exponential backoff from 1 s. */
export const DEFAULT_RETRY: RetryRule = { maxAttempts: 3, backoffMs: (attempt) => 1000 * 2 ** (attempt - 1) };

export type ItemOutcome = 'succeeded' | 'retrying' | 'failed' | 'lease_lost';

/** Thrown inside a transaction when another worker took the item over: everything rolls back. */
class LeaseLost extends Error {}

/** A stable per-conversation seed, so the offline provider gives the same text on a retry. */
function seedFor(id: string, attempt: number): number {
  let h = 2166136261;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) + attempt - 1;
}

function describe(err: unknown): { kind: string; message: string; retryable: boolean; httpStatus?: number; retryAfterMs?: number } {
  if (err instanceof ProviderError) return { kind: err.kind, message: err.message, retryable: err.retryable, httpStatus: err.opts.httpStatus, retryAfterMs: err.opts.retryAfterMs };
  if (err instanceof AppError) return { kind: err.code, message: err.message, retryable: err.retryable };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err), retryable: false };
}

function searchTextOf(context: SlotContext, title: string) {
  const { slot, conversation } = context;
  return buildSearchText(conversation.conversationId, title, slot.persona.label, slot.emotion.label, slot.topic.label, slot.intent.label, slot.tone.label, TIER_LABELS[slot.tier]);
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Marks the item done only if this worker still holds it; otherwise the transaction aborts. */
async function settleItem(tx: Tx, item: ClaimedItem, values: PgUpdateSetSource<typeof runItems>) {
  const updated = await tx
    .update(runItems)
    .set({ leaseOwner: null, leaseExpiresAt: null, ...values })
    .where(and(eq(runItems.id, item.id), eq(runItems.leaseOwner, item.leaseOwner), eq(runItems.status, 'in_progress')))
    .returning({ previousStatus: runItems.previousStatus });
  if (!updated.length) throw new LeaseLost();
  return updated[0];
}

/**
 * Generates one claimed item: render the prompt, call the provider, validate and score the
 * output, then store turns, log, cost and status in one transaction. Failures are logged too;
 * retryable ones go back to the queue with a backoff until attempts run out.
 */
export async function processItem(db: Db, provider: Provider, item: ClaimedItem, retry: RetryRule = DEFAULT_RETRY): Promise<ItemOutcome> {
  const started = Date.now();
  let request: { system: string; prompt: string } | null = null;
  let context: SlotContext | null = null;
  try {
    context = await loadSlotContext(db, item.conversationId);
    const prompt = renderTemplate(context.template?.body ?? FALLBACK_TEMPLATE, context.parameters);
    request = { system: SYSTEM_PROMPT, prompt };
    const result = await provider.generate({ ...request, slot: context.slot, seed: seedFor(item.conversationId, item.attempts), maxTokens: 4096, temperature: 0.8 });
    const parsed = parseGeneratedConversation(result.output);
    if (!parsed.ok) throw new ProviderError('malformed_output', `The model's answer was not a valid conversation (${parsed.problem}).`, { raw: result.raw });
    const output = parsed.value;
    const quality = scoreConversation(output.turns, output.confidence);
    const cost = costOf(result.model, result.usage);
    const ctx = context;
    const conv = ctx.conversation;
    await db.transaction(async (tx) => {
      await settleItem(tx, item, { status: 'succeeded', costUsd: cost, finishedAt: new Date() });
      await tx.delete(conversationTurns).where(eq(conversationTurns.conversationId, conv.id));
      await tx.insert(conversationTurns).values(output.turns.map((t, i) => ({ conversationId: conv.id, turnNumber: i + 1, role: t.role, content: t.content })));
      await tx
        .update(conversations)
        .set({
          status: 'generated',
          title: output.title,
          qualityScore: quality.score,
          qualityBreakdown: quality as unknown as Record<string, unknown>,
          turnCount: output.turns.length,
          provider: provider.info.name,
          model: result.model,
          costUsd: cost,
          inputTokens: result.usage.inputTokens,
          outputTokens: result.usage.outputTokens,
          templateVersion: ctx.template?.version ?? null,
          errorMessage: null,
          errorCode: null,
          errorDetails: null,
          // New text has not been reviewed yet.
          reviewedAt: null,
          reviewedBy: null,
          reviewNotes: null,
          generatedAt: new Date(),
          updatedAt: new Date(),
          searchText: searchTextOf(ctx, output.title),
        })
        .where(eq(conversations.id, conv.id));
      await tx.insert(generationLogs).values({
        conversationId: conv.id,
        runId: item.runId,
        runItemId: item.id,
        templateId: ctx.template?.id ?? null,
        templateVersion: ctx.template?.version ?? null,
        provider: provider.info.name,
        model: result.model,
        requestPayload: request!,
        responsePayload: { raw: result.raw, output } as Record<string, unknown>,
        parameters: ctx.parameters as Record<string, unknown>,
        costUsd: cost,
        inputTokens: result.usage.inputTokens,
        outputTokens: result.usage.outputTokens,
        cacheReadTokens: result.usage.cacheReadTokens,
        cacheWriteTokens: result.usage.cacheWriteTokens,
        durationMs: Date.now() - started,
        status: 'success',
        attempt: item.attempts,
      });
      await tx.execute(sql`update generation_runs set spent_usd = spent_usd + ${cost}, updated_at = now() where id = ${item.runId}`);
    });
    return 'succeeded';
  } catch (err) {
    if (err instanceof LeaseLost) return 'lease_lost';
    return recordFailure(db, provider, item, retry, err, { started, request, context }).catch((inner) => {
      if (inner instanceof LeaseLost) return 'lease_lost' as const;
      throw inner;
    });
  }
}

/** Logs the failed call, then queues a retry or settles the item and conversation as failed. */
async function recordFailure(
  db: Db,
  provider: Provider,
  item: ClaimedItem,
  retry: RetryRule,
  err: unknown,
  call: { started: number; request: { system: string; prompt: string } | null; context: SlotContext | null },
): Promise<ItemOutcome> {
  const failure = describe(err);
  const willRetry = failure.retryable && item.attempts < retry.maxAttempts;
  // Honour a provider's requested wait when it is longer than our own backoff.
  const waitMs = Math.max(retry.backoffMs(item.attempts), failure.retryAfterMs ?? 0);
  return db.transaction(async (tx) => {
    if (willRetry) {
      await settleItem(tx, item, { status: 'pending', lastError: failure.message, errorCode: failure.kind, nextAttemptAt: sql`now() + (${waitMs} * interval '1 millisecond')` });
    } else {
      const { previousStatus } = await settleItem(tx, item, { status: 'failed', lastError: failure.message, errorCode: failure.kind, finishedAt: new Date() });
      // A failed regeneration keeps the last good version (and its review) instead of hiding it.
      const keepPrevious = previousStatus && isConversationStatus(previousStatus) && ['generated', 'approved', 'rejected'].includes(previousStatus);
      await tx
        .update(conversations)
        .set({
          status: keepPrevious ? previousStatus : 'failed',
          errorMessage: failure.message,
          errorCode: failure.kind,
          errorDetails: { httpStatus: failure.httpStatus ?? null, retryable: failure.retryable, attempts: item.attempts, at: new Date().toISOString(), runId: item.runId },
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
      requestPayload: call.request,
      parameters: (call.context?.parameters ?? {}) as Record<string, unknown>,
      durationMs: Date.now() - call.started,
      status: 'error',
      errorKind: failure.kind,
      errorMessage: failure.message,
      httpStatus: failure.httpStatus ?? null,
      attempt: item.attempts,
    });
    return willRetry ? 'retrying' : 'failed';
  });
}
