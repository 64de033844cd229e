import { eq, sql } from 'drizzle-orm';
import { AppError } from '../core/errors';
import { parseGeneratedConversation } from '../core/output';
import { costOf } from '../core/pricing';
import { renderTemplate } from '../core/prompt';
import { scoreConversation } from '../core/quality';
import { buildSearchText } from '../core/search-text';
import { FALLBACK_TEMPLATE, SYSTEM_PROMPT } from '../core/system-prompt';
import type { Db } from '../db/client';
import { conversations, conversationTurns, generationLogs, runItems } from '../db/schema';
import { ProviderError, type Provider } from './providers/types';
import { loadSlotContext } from './slot-context';

export interface ClaimedItem {
  id: number;
  runId: string;
  conversationId: string;
  attempts: number;
}

export interface RetryRule {
  maxAttempts: number;
  backoffMs: (attempt: number) => number;
}

/** The defaults of US12.1.1: 3 attempts, exponential backoff from 1 s. */
export const DEFAULT_RETRY: RetryRule = { maxAttempts: 3, backoffMs: (attempt) => 1000 * 2 ** (attempt - 1) };

/** A stable per-conversation seed, so the offline provider gives the same text on a retry. */
function seedFor(id: string, attempt: number): number {
  let h = 2166136261;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) + attempt - 1;
}

function describe(err: unknown): { kind: string; message: string; retryable: boolean; httpStatus?: number } {
  if (err instanceof ProviderError) return { kind: err.kind, message: err.message, retryable: err.retryable, httpStatus: err.opts.httpStatus };
  if (err instanceof AppError) return { kind: err.code, message: err.message, retryable: err.retryable };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err), retryable: false };
}

/**
 * Generates one claimed item: render the prompt, call the provider, validate and score the
 * output, then store turns, log, cost and status in one transaction. Failures are logged too;
 * retryable ones go back to the queue with a backoff until attempts run out.
 */
export async function processItem(db: Db, provider: Provider, item: ClaimedItem, retry: RetryRule = DEFAULT_RETRY): Promise<'succeeded' | 'retrying' | 'failed'> {
  const started = Date.now();
  let request: { system: string; prompt: string } | null = null;
  let context: Awaited<ReturnType<typeof loadSlotContext>> | null = null;
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
    const durationMs = Date.now() - started;
    const conv = context.conversation;
    await db.transaction(async (tx) => {
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
          templateVersion: context!.template?.version ?? null,
          errorMessage: null,
          errorCode: null,
          errorDetails: null,
          generatedAt: new Date(),
          updatedAt: new Date(),
          searchText: buildSearchText(conv.conversationId, output.title, conv.searchText),
        })
        .where(eq(conversations.id, conv.id));
      await tx.insert(generationLogs).values({
        conversationId: conv.id,
        runId: item.runId,
        runItemId: item.id,
        templateId: context!.template?.id ?? null,
        templateVersion: context!.template?.version ?? null,
        provider: provider.info.name,
        model: result.model,
        requestPayload: request!,
        responsePayload: { raw: result.raw, output } as Record<string, unknown>,
        parameters: context!.parameters as Record<string, unknown>,
        costUsd: cost,
        inputTokens: result.usage.inputTokens,
        outputTokens: result.usage.outputTokens,
        cacheReadTokens: result.usage.cacheReadTokens,
        cacheWriteTokens: result.usage.cacheWriteTokens,
        durationMs,
        status: 'success',
        attempt: item.attempts,
      });
      await tx.update(runItems).set({ status: 'succeeded', costUsd: cost, finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null }).where(eq(runItems.id, item.id));
      await tx.execute(sql`update generation_runs set spent_usd = spent_usd + ${cost}, updated_at = now() where id = ${item.runId}`);
    });
    return 'succeeded';
  } catch (err) {
    const failure = describe(err);
    const willRetry = failure.retryable && item.attempts < retry.maxAttempts;
    await db.transaction(async (tx) => {
      await tx.insert(generationLogs).values({
        conversationId: item.conversationId,
        runId: item.runId,
        runItemId: item.id,
        templateId: context?.template?.id ?? null,
        templateVersion: context?.template?.version ?? null,
        provider: provider.info.name,
        model: provider.info.model,
        requestPayload: request,
        parameters: (context?.parameters ?? {}) as Record<string, unknown>,
        durationMs: Date.now() - started,
        status: 'error',
        errorKind: failure.kind,
        errorMessage: failure.message,
        httpStatus: failure.httpStatus ?? null,
        attempt: item.attempts,
      });
      if (willRetry) {
        await tx
          .update(runItems)
          .set({ status: 'pending', lastError: failure.message, errorCode: failure.kind, leaseOwner: null, leaseExpiresAt: null, nextAttemptAt: new Date(Date.now() + retry.backoffMs(item.attempts)) })
          .where(eq(runItems.id, item.id));
        return;
      }
      await tx.update(runItems).set({ status: 'failed', lastError: failure.message, errorCode: failure.kind, finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null }).where(eq(runItems.id, item.id));
      await tx
        .update(conversations)
        .set({
          status: 'failed',
          errorMessage: failure.message,
          errorCode: failure.kind,
          errorDetails: { httpStatus: failure.httpStatus ?? null, retryable: failure.retryable, attempts: item.attempts, at: new Date().toISOString(), runId: item.runId },
          updatedAt: new Date(),
        })
        .where(eq(conversations.id, item.conversationId));
    });
    return willRetry ? 'retrying' : 'failed';
  }
}
