import { fmix32, fnv1a32 } from '../hash32';
export type Split = 'train' | 'validation';

export { fnv1a32 };

/** FNV-1a finished with murmur3's mixer: FNV alone spreads ids that differ in the last digit poorly. */
export function hash32(text: string): number {
  return fmix32(fnv1a32(text));
}

/** A conversation's place in its tier's seeded order: the lowest ones go to validation. */
export function splitRank(conversationId: string, tier: string, seed: number | string): number {
  return hash32(`${seed}\u0000${tier}\u0000${conversationId}`);
}

function checkFraction(fraction: number) {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`The validation fraction must be between 0 and 1, not ${fraction}.`);
}

// Shares like 0.29 × 100 come out as 28.999999999999996 in floating point.
const EPSILON = 1e-9;

/**
 * How many conversations of the whole go to validation: the fraction of it, rounded half up.
 * With two or more conversations and a fraction strictly between 0 and 1 there is at least one
 * on each side, because an empty file breaks the loaders (🤗 Datasets cannot infer a schema
 * from no rows, so LLaMA-Factory and TRL stop on it).
 */
export function validationTotal(total: number, fraction: number): number {
  checkFraction(fraction);
  if (fraction === 0 || total === 0) return 0;
  if (fraction === 1) return total;
  const rounded = Math.floor(total * fraction + 0.5 + EPSILON);
  if (total < 2) return rounded;
  return Math.min(total - 1, Math.max(1, rounded));
}

/**
 * Validation conversations per tier, proportional to each tier's size (stratified): every tier
 * gets its share `fraction × size` rounded down, and the conversations still missing from
 * `validationTotal` go one each to the tiers with the largest remainders (the largest-remainder
 * method). So the total is the fraction of the whole, and each tier is off from its exact share
 * by less than one conversation: a tier whose share is one conversation or more always has one.
 * Remainders that tie go to the larger tier, then to the tier whose name sorts first.
 */
export function validationQuotas(counts: ReadonlyMap<string, number>, fraction: number): Map<string, number> {
  checkFraction(fraction);
  let total = 0;
  for (const n of counts.values()) total += n;
  const target = validationTotal(total, fraction);
  const quotas = new Map<string, number>();
  const rows: { tier: string; size: number; remainder: number }[] = [];
  let assigned = 0;
  for (const [tier, size] of counts) {
    const share = size * fraction;
    const floor = Math.min(size, Math.floor(share + EPSILON));
    quotas.set(tier, floor);
    assigned += floor;
    rows.push({ tier, size, remainder: share - floor });
  }
  rows.sort((a, b) => (Math.abs(b.remainder - a.remainder) > EPSILON ? b.remainder - a.remainder : b.size - a.size || (a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : 0)));
  // One pass settles it: at most one more per tier. The passes repeat only when the minimum of
  // one per side (validationTotal) moved the target away from the plain rounded share.
  while (assigned < target) {
    const before = assigned;
    for (const row of rows) {
      const q = quotas.get(row.tier)!;
      if (assigned < target && q < row.size) {
        quotas.set(row.tier, q + 1);
        assigned++;
      }
    }
    if (assigned === before) break;
  }
  while (assigned > target) {
    const before = assigned;
    for (let i = rows.length - 1; i >= 0; i--) {
      const q = quotas.get(rows[i].tier)!;
      if (assigned > target && q > 0) {
        quotas.set(rows[i].tier, q - 1);
        assigned--;
      }
    }
    if (assigned === before) break;
  }
  return quotas;
}

export interface SplitItem {
  conversationId: string;
  tier: string;
}

export interface SplitPlan {
  /** 1 where the item at that index goes to validation, 0 for train. */
  validation: Uint8Array;
  train: number;
  validationCount: number;
  byTier: Record<string, { train: number; validation: number }>;
}

/**
 * Train or validation for every exported conversation: per tier, the `validationQuotas` count of
 * conversations with the lowest seeded rank (a hash of seed, tier and id; ties by id). The same
 * conversations with the same seed always split the same way, whatever order they come in; a
 * different seed draws others. Adding conversations moves few: only where a tier's count or the
 * new ones' ranks change who is lowest.
 */
export function planSplit(items: readonly SplitItem[], fraction: number, seed: number | string): SplitPlan {
  const byTierIndex = new Map<string, number[]>();
  for (let i = 0; i < items.length; i++) {
    const list = byTierIndex.get(items[i].tier);
    if (list) list.push(i);
    else byTierIndex.set(items[i].tier, [i]);
  }
  const sizes = new Map([...byTierIndex].map(([tier, list]) => [tier, list.length]));
  const quotas = validationQuotas(sizes, fraction);
  const validation = new Uint8Array(items.length);
  const byTier: SplitPlan['byTier'] = {};
  let validationCount = 0;
  for (const [tier, list] of byTierIndex) {
    const quota = quotas.get(tier) ?? 0;
    const ranked = list.map((index) => ({ index, rank: splitRank(items[index].conversationId, tier, seed), id: items[index].conversationId }));
    ranked.sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let k = 0; k < quota; k++) validation[ranked[k].index] = 1;
    byTier[tier] = { train: list.length - quota, validation: quota };
    validationCount += quota;
  }
  return { validation, train: items.length - validationCount, validationCount, byTier };
}
