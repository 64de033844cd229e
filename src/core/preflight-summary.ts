/** One conversation's preflight result: its token counts, or why the chat template refused it. */
export type PreflightItem = { id: string; conversationId: string; tokens: number | null; assistantTokens: number | null; refusedReason: string | null };

export type HistogramBin = { from: number; to: number; count: number; overLimit: boolean };

export type PreflightSummary = {
  count: number;
  tokens: { p50: number; p95: number; max: number };
  overLimit: number;
  refused: { id: string; conversationId: string; reason: string }[];
  overLimitItems: { id: string; conversationId: string; tokens: number }[];
  assistantTokenShare: number;
  histogram: HistogramBin[];
};

/** How many refused and over-limit conversations the answer names one by one; the counts are always whole. */
export const MAX_LISTED = 200;

/** Nearest-rank percentile of sorted numbers; 0 for none. */
function percentileOfSorted(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A bin width that is a round number (1, 2, 5 × 10^k) giving at most `maxBins` bins up to `top`. */
export function binWidth(top: number, maxBins = 30): number {
  const raw = Math.max(1, top / maxBins);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) if (step * power >= raw) return step * power;
  return 10 * power;
}

/**
 * The token-length distribution against the limit. The bins reach past both the longest
 * conversation and the limit, and the limit falls on a bin edge when it can, so a bar is either
 * wholly inside or wholly over it.
 */
export function tokenHistogram(tokens: number[], maxSeqLen: number): HistogramBin[] {
  if (!tokens.length) return [];
  const top = tokens.reduce((m, t) => (t > m ? t : m), maxSeqLen);
  const round = binWidth(top);
  // Whole-token bins with the limit on an edge: the widest divisor-step of the limit not
  // narrower than the round width's minimum, else the round width itself.
  let width = round;
  if (maxSeqLen % round !== 0) {
    const floor = Math.max(1, top / 30);
    for (let parts = 1; parts <= maxSeqLen; parts++) {
      if (maxSeqLen % parts !== 0) continue;
      if (maxSeqLen / parts < floor) break;
      width = maxSeqLen / parts;
    }
  }
  const bins = Math.floor(top / width) + 1;
  const counts = new Array<number>(bins).fill(0);
  for (const t of tokens) counts[Math.min(bins - 1, Math.floor(t / width))]++;
  return counts.map((count, i) => {
    const from = i * width;
    return { from, to: (i + 1) * width, count, overLimit: from >= maxSeqLen };
  });
}

/**
 * The selection against the limit: percentiles over the conversations the template rendered,
 * those longer than the limit (a trainer truncates them), those refused, and the assistant's
 * share of all tokens — what an assistant-only loss trains on.
 */
export function summarizePreflight(items: readonly PreflightItem[], maxSeqLen: number): PreflightSummary {
  const counted = items.filter((i): i is PreflightItem & { tokens: number } => i.tokens !== null && i.refusedReason === null);
  const sorted = counted.map((i) => i.tokens).sort((a, b) => a - b);
  const total = sorted.reduce((s, t) => s + t, 0);
  const assistant = counted.reduce((s, i) => s + (i.assistantTokens ?? 0), 0);
  const over = counted.filter((i) => i.tokens > maxSeqLen).sort((a, b) => b.tokens - a.tokens);
  const refused = items.filter((i) => i.refusedReason !== null);
  return {
    count: items.length,
    tokens: { p50: percentileOfSorted(sorted, 50), p95: percentileOfSorted(sorted, 95), max: sorted.at(-1) ?? 0 },
    overLimit: over.length,
    refused: refused.slice(0, MAX_LISTED).map((i) => ({ id: i.id, conversationId: i.conversationId, reason: i.refusedReason as string })),
    overLimitItems: over.slice(0, MAX_LISTED).map((i) => ({ id: i.id, conversationId: i.conversationId, tokens: i.tokens })),
    assistantTokenShare: total ? assistant / total : 0,
    histogram: tokenHistogram(sorted, maxSeqLen),
  };
}
