import { AppError } from './errors';
import { splitByWeights } from './tiers';

/** One arc's place in the template tier: on or off, and its share in whole percent. */
export interface ArcShare {
  key: string;
  enabled: boolean;
  percent: number;
}

export interface DistributionProblem {
  field: string;
  message: string;
  hint: string;
}

/**
 * What is wrong with a distribution, or null when it can be saved: at least one arc enabled,
 * whole percentages 0–100, each arc once, and the enabled arcs adding up to exactly 100.
 * Disabled arcs keep their percentage (so switching one back on restores it) but do not count.
 */
export function distributionProblem(shares: readonly ArcShare[]): DistributionProblem | null {
  const seen = new Set<string>();
  for (const s of shares) {
    if (seen.has(s.key)) return { field: 'items', message: `The arc "${s.key}" is listed twice.`, hint: 'List each arc once.' };
    seen.add(s.key);
    if (!Number.isInteger(s.percent) || s.percent < 0 || s.percent > 100) {
      return { field: `${s.key}.percent`, message: `The percentage of "${s.key}" must be a whole number from 0 to 100.`, hint: 'Use whole percentages such as 20.' };
    }
  }
  const enabled = shares.filter((s) => s.enabled);
  if (!enabled.length) return { field: 'items', message: 'At least one arc must be enabled.', hint: 'Tick at least one arc, then give the enabled arcs percentages that add up to 100.' };
  const total = enabledTotal(shares);
  if (total !== 100) {
    return {
      field: 'items',
      message: `The enabled arcs add up to ${total} %, not 100 %.`,
      hint: total < 100 ? `Add ${100 - total} % to one of the enabled arcs, or spread 100 % evenly over them.` : `Take ${total - 100} % away from the enabled arcs, or spread 100 % evenly over them.`,
    };
  }
  return null;
}

export const enabledTotal = (shares: readonly ArcShare[]) => shares.filter((s) => s.enabled).reduce((sum, s) => sum + s.percent, 0);

/** Throws the problem as a 400, naming the field, for the API. */
export function assertValidDistribution(shares: readonly ArcShare[]): void {
  const problem = distributionProblem(shares);
  if (problem) throw new AppError({ code: 'invalid_arc_distribution', status: 400, message: problem.message, hint: problem.hint, details: { field: problem.field, total: enabledTotal(shares) } });
}

/**
 * How `count` template conversations share out over the enabled arcs, by largest remainders so
 * the parts always add up to `count`. Disabled arcs get 0. Keys keep the order given.
 */
export function arcCounts(count: number, shares: readonly ArcShare[]): Record<string, number> {
  const result = Object.fromEntries(shares.map((s) => [s.key, 0])) as Record<string, number>;
  const weights = Object.fromEntries(shares.filter((s) => s.enabled && s.percent > 0).map((s) => [s.key, s.percent]));
  if (!Object.keys(weights).length || count <= 0) return result;
  return { ...result, ...splitByWeights(count, weights) };
}

/** "40 conversations = 8 Triumph + 8 Struggle-to-Success + …": the enabled arcs that get any. */
export function distributionPreview(count: number, shares: readonly ArcShare[], labelOf: (key: string) => string): string {
  const counts = arcCounts(count, shares);
  const parts = shares.filter((s) => s.enabled && counts[s.key] > 0).map((s) => `${counts[s.key]} ${labelOf(s.key)}`);
  const head = `${count} conversation${count === 1 ? '' : 's'}`;
  return parts.length ? `${head} = ${parts.join(' + ')}` : `${head} = no arc enabled`;
}

/** Whole percentages as even as they can be over the enabled arcs (the first ones get the leftover points). */
export function evenDistribution(shares: readonly ArcShare[]): ArcShare[] {
  const enabled = shares.filter((s) => s.enabled);
  if (!enabled.length) return shares.map((s) => ({ ...s }));
  const base = Math.floor(100 / enabled.length);
  let left = 100 - base * enabled.length;
  return shares.map((s) => {
    if (!s.enabled) return { ...s };
    const extra = left > 0 ? 1 : 0;
    left -= extra;
    return { ...s, percent: base + extra };
  });
}
