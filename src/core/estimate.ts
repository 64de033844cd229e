import { costOf } from './pricing';
import type { Tier } from './tiers';

export interface TierHistory {
  samples: number;
  avgCostUsd: number;
  avgSeconds: number;
}

export interface EstimateInput {
  counts: Record<Tier, number>;
  /** Past successful generations with the same model, per tier; used when there are enough. */
  history: Partial<Record<Tier, TierHistory>>;
  model: string;
  /** Token guesses for a conversation when there is no history. */
  fallbackTokens: { input: number; output: number };
  fallbackSeconds: number;
  concurrency: number;
  requestsPerMinute: number | null;
}

/** Enough past samples in a tier to trust its averages over token guesses. */
export const MIN_HISTORY_SAMPLES = 5;
const COST_WARNING_USD = 100;
const TIME_WARNING_SECONDS = 2 * 3600;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function formatDuration(seconds: number) {
  if (seconds < 90) return `${Math.round(seconds)} seconds`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} minutes`;
  return `${(seconds / 3600).toFixed(1)} hours`;
}

/**
 * Cost and time of a run (US1.3.1, US13.1.1): per-tier averages from history where there are
 * enough samples, else token estimates at the model's price. Time is bounded by both the
 * concurrency and the provider's request rate.
 */
export function estimateRun(input: EstimateInput) {
  const tiers = Object.keys(input.counts) as Tier[];
  const fallbackCost = costOf(input.model, { inputTokens: input.fallbackTokens.input, outputTokens: input.fallbackTokens.output });
  let usedHistory = false;
  const byTier = Object.fromEntries(
    tiers.map((tier) => {
      const h = input.history[tier];
      const trusted = h && h.samples >= MIN_HISTORY_SAMPLES;
      if (trusted) usedHistory = true;
      const cost = (trusted ? h.avgCostUsd : fallbackCost) * input.counts[tier];
      const seconds = (trusted ? h.avgSeconds : input.fallbackSeconds) * input.counts[tier];
      return [tier, { count: input.counts[tier], costUsd: round(cost, 4), seconds: round(seconds, 1) }];
    }),
  ) as Record<Tier, { count: number; costUsd: number; seconds: number }>;
  const count = tiers.reduce((n, t) => n + input.counts[t], 0);
  const cost = tiers.reduce((n, t) => n + byTier[t].costUsd, 0);
  const workSeconds = tiers.reduce((n, t) => n + byTier[t].seconds, 0);
  const byConcurrency = workSeconds / Math.max(1, input.concurrency);
  const byRateLimit = input.requestsPerMinute ? (count / input.requestsPerMinute) * 60 : 0;
  const seconds = Math.ceil(Math.max(byConcurrency, byRateLimit));
  const warnings: string[] = [];
  if (cost > COST_WARNING_USD) warnings.push(`This would cost about $${cost.toFixed(2)}, more than $${COST_WARNING_USD}. Consider a spending limit.`);
  if (seconds > TIME_WARNING_SECONDS) warnings.push(`This would take about ${formatDuration(seconds)}, more than 2 hours. It keeps running if you close the browser.`);
  return {
    count,
    estimatedCostUsd: round(cost, 4),
    estimatedSeconds: seconds,
    perConversationUsd: count ? round(cost / count, 4) : 0,
    byTier,
    basis: usedHistory ? ('history' as const) : ('token_estimate' as const),
    warnings,
  };
}
