/** Dollars per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

export const MODEL_PRICES: Record<string, ModelPrice> = {
  offline: { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 },
  // Published list prices per million tokens; check the provider's pricing page for changes.
  'claude-sonnet-4-6': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-sonnet-4-5': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-haiku-4-5': { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
  'claude-opus-4-1': { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5 },
  'gpt-4o-mini': { input: 0.15, output: 0.6, cacheWrite: 0.15, cacheRead: 0.075 },
  'gpt-4o': { input: 2.5, output: 10, cacheWrite: 2.5, cacheRead: 1.25 },
};

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
}

/**
 * The price of a model: an exact match, else the longest known name it starts with, since
 * providers answer with dated snapshots ("gpt-4o-mini-2024-07-18" is priced as "gpt-4o-mini").
 */
export function priceOf(model: string): ModelPrice | undefined {
  if (MODEL_PRICES[model]) return MODEL_PRICES[model];
  const base = Object.keys(MODEL_PRICES)
    .filter((known) => model.startsWith(`${known}-`))
    .sort((a, b) => b.length - a.length)[0];
  return base ? MODEL_PRICES[base] : undefined;
}

/** Cost of one call in dollars; models with no known price cost nothing rather than a guess. */
export function costOf(model: string, usage: TokenUsage): number {
  const price = priceOf(model);
  if (!price) return 0;
  const dollars =
    (usage.inputTokens * price.input +
      usage.outputTokens * price.output +
      (usage.cacheReadTokens ?? 0) * price.cacheRead +
      (usage.cacheWriteTokens ?? 0) * price.cacheWrite) /
    1_000_000;
  return Math.round(dollars * 1e6) / 1e6;
}

/** About four characters per token for English text: good enough for estimates. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** "$0.0031" under a cent, "$1.25" above: money as the UI, logs and audit trail show it. */
export function formatUsd(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return n < 0.01 && n > 0 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`;
}
