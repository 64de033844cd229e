import { eq, sql } from 'drizzle-orm';
import type { CreateRunBody, RunEstimate, Selector } from '../contract/runs';
import type { WorkspaceSettings } from '../contract/settings';
import { AppError } from '../core/errors';
import { estimateRun } from '../core/estimate';
import { priceOf } from '../core/pricing';
import type { Db } from '../db/client';
import { tierHistory } from '../db/queries/generation-history';
import { generationRuns } from '../db/schema';
import type { ProviderInfo } from './providers/types';
import { resolveRateLimits } from '../core/rate-limit-policy';
import { latestObservedLimits, providerModelKey } from '../db/queries/provider-limits';
import { countSelection, generatableWhere } from '../db/queries/selection';

/** Typical size of one conversation when nothing has been generated with the model yet. */
const FALLBACK_TOKENS = { input: 1800, output: 1600 };

const SELECTOR_KEYS = ['conversationIds', 'filter', 'tier', 'all', 'regenerate'] as const;
const selectorOf = (body: CreateRunBody): Selector => Object.fromEntries(SELECTOR_KEYS.filter((k) => body[k] !== undefined).map((k) => [k, body[k]])) as Selector;

function kindOf(selector: Selector) {
  if (selector.conversationIds) return selector.conversationIds.length === 1 ? 'single' : 'selection';
  if (selector.filter) return 'filter';
  if (selector.tier) return 'tier';
  return 'all';
}

/** The pace a run will keep: the limits the provider last announced, or the workspace's own choice. */
export async function requestsPerMinute(db: Db, settings: WorkspaceSettings, provider: ProviderInfo): Promise<number | null> {
  const observed = (await latestObservedLimits(db, [{ provider: provider.name, model: provider.model }])).get(providerModelKey(provider.name, provider.model));
  return resolveRateLimits(settings.generation, provider.name, observed?.limits).limits.requestsPerMinute;
}

/** Count, cost and time of what a selector would generate, with a per-tier breakdown. */
export async function estimateSelection(db: Db, selector: Selector, provider: ProviderInfo, settings: WorkspaceSettings, concurrency?: number): Promise<RunEstimate> {
  const selection = await countSelection(db, selector);
  const estimate = estimateRun({
    counts: selection.byTier,
    history: await tierHistory(db, provider.model),
    model: provider.model,
    fallbackTokens: FALLBACK_TOKENS,
    fallbackSeconds: provider.typicalSeconds,
    concurrency: concurrency ?? settings.generation.concurrency,
    requestsPerMinute: await requestsPerMinute(db, settings, provider),
  });
  const skipped = selection.named - selection.count;
  const warnings = [...estimate.warnings];
  if (skipped > 0 && !selector.all && !selector.tier) {
    warnings.push(`${skipped} of the selected conversations are skipped: they already have text, are seeds, or are being generated. Choose "regenerate" to include generated ones.`);
  }
  if (selection.seeds > 0) {
    warnings.push(`${selection.seeds} seed conversation${selection.seeds === 1 ? ' is' : 's are'} left alone: seeds are written by hand, kept as benchmarks and never generated.`);
  }
  return { ...estimate, skipped: Math.max(0, skipped), seeds: selection.seeds, warnings, provider: provider.name, model: provider.model };
}

/**
 * Creates a durable run for a selector: the run row and one item per conversation, in one
 * transaction, so a run either exists with all its work or not at all.
 */
/**
 * The spending limit a new run keeps to (its own, or the workspace's default), refused when the
 * model's price is unknown: a limit that cannot be counted would not hold.
 */
export function runSpendingLimit(asked: number | undefined, opts: { provider: ProviderInfo; settings: WorkspaceSettings }): number | null {
  const spendingLimitUsd = asked ?? opts.settings.budget.defaultSpendingLimitUsd ?? null;
  if (spendingLimitUsd !== null && opts.provider.name !== 'offline' && !priceOf(opts.provider.model)) {
    throw new AppError({
      code: 'unknown_price',
      status: 422,
      message: `convgen does not know the price of ${opts.provider.model}, so it cannot keep this run within a spending limit.`,
      hint: 'Start the run without a spending limit, or use a model from the price table (see the README).',
    });
  }
  return spendingLimitUsd;
}

export async function createRun(db: Db, body: CreateRunBody, opts: { userId: string | null; provider: ProviderInfo; settings: WorkspaceSettings }): Promise<{ runId: string; total: number; estimate: RunEstimate }> {
  const selector = selectorOf(body);
  const estimate = await estimateSelection(db, selector, opts.provider, opts.settings, body.concurrency);
  if (estimate.count === 0) {
    throw new AppError({
      code: 'nothing_to_generate',
      status: 422,
      message: 'None of the selected conversations can be generated.',
      hint: 'They already have text, are seeds, or are being generated. Select not-generated or failed conversations, or ask to regenerate.',
    });
  }
  if (body.useBatchApi && opts.provider.name !== 'anthropic') {
    throw new AppError({
      code: 'batches_need_anthropic',
      status: 422,
      message: 'Message Batches are an Anthropic feature, but this workspace generates with ' + (opts.provider.name === 'offline' ? 'the offline generator.' : 'an OpenAI-compatible server.'),
      hint: 'Configure an Anthropic API key, or start the run without the batch option.',
    });
  }
  const spendingLimitUsd = runSpendingLimit(body.spendingLimitUsd, opts);
  return db.transaction(async (tx) => {
    const [run] = await tx
      .insert(generationRuns)
      .values({
        kind: kindOf(selector),
        selector: selector as Record<string, unknown>,
        provider: opts.provider.name,
        model: opts.provider.model,
        concurrency: body.concurrency ?? opts.settings.generation.concurrency,
        spendingLimitUsd,
        estimatedCostUsd: estimate.estimatedCostUsd,
        estimatedSeconds: estimate.estimatedSeconds,
        notifyEmail: body.notifyEmail ?? false,
        retryPolicy: body.retryPolicy ?? null,
        resumeOnStart: body.resumeOnStart ?? true,
        useBatchApi: body.useBatchApi ?? false,
        createdBy: opts.userId,
      })
      .returning({ id: generationRuns.id });
    const inserted = await tx.execute(sql`
      insert into run_items (run_id, conversation_id, previous_status)
      select ${run.id}, conversations.id, conversations.status from conversations where ${generatableWhere(selector)}
      order by conversations.conversation_id
      on conflict do nothing`);
    const total = (inserted as unknown as { affectedRows?: number; rowCount?: number }).affectedRows ?? (inserted as unknown as { rowCount?: number }).rowCount ?? 0;
    await tx.update(generationRuns).set({ total }).where(eq(generationRuns.id, run.id));
    return { runId: run.id, total, estimate };
  });
}
