/**
 * Summaries of repeated timings, formatted the way every bench prints them in its Markdown
 * tables, so the same figure reads the same in every bench's output.
 */

/** p-th percentile (0–100) of a list of numbers, by nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[rank];
}

export function formatMs(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}

/** A summary a table column can show: nearest-rank percentiles, the slowest, or the first (cold) try. */
export type LatencyColumn = 'p50' | 'p95' | 'max' | 'first';

const summaries: Record<LatencyColumn, (times: number[]) => number> = {
  p50: (times) => percentile(times, 50),
  p95: (times) => percentile(times, 95),
  max: (times) => Math.max(...times),
  first: (times) => times[0],
};

/** Table cells for `times`, one per column, joined with ` | ` (the row's outer pipes are the caller's). */
export function latencyCells(times: number[], columns: LatencyColumn[] = ['p50', 'p95']): string {
  return columns.map((column) => formatMs(summaries[column](times))).join(' | ');
}
