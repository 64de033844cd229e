/** p-th percentile (0–100) of a list of numbers, by nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[rank];
}

export function formatMs(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}
