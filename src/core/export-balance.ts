import { TIER_LABELS, TIERS, type Tier } from './tiers';

/**
 * Balance at export: how an export's conversations spread over tier, persona and emotion, and
 * plain-word warnings when the spread is lopsided (an export of 36 template, 1 scenario and 1
 * edge-case conversation should never go out without a word).
 */

export type BalanceDimension = 'tier' | 'persona' | 'emotion';

export interface BalanceBucket {
  key: string;
  label: string;
  count: number;
  /** count / total, 0–1. */
  share: number;
}

export interface BalanceWarning {
  dimension: BalanceDimension;
  /** Which rule fired: a tier below the plan, one value far above or below an even share, too few distinct values. */
  rule: 'tier_below_plan' | 'share_above_even' | 'share_below_even' | 'few_values';
  message: string;
  /** What to do about it. */
  hint: string;
}

export interface ExportBalance {
  total: number;
  byTier: BalanceBucket[];
  byPersona: BalanceBucket[];
  byEmotion: BalanceBucket[];
  warnings: BalanceWarning[];
}

export interface BalanceInput {
  /** Conversations per key, for each dimension. */
  counts: Record<BalanceDimension, Record<string, number>>;
  /** The workspace's planned tier split, as weights. */
  tierSplit: Record<Tier, number>;
  /** The catalog's active values per dimension, key → label (their order is kept). */
  catalog: { persona: Map<string, string>; emotion: Map<string, string> };
  /** Dimensions the selection chose on purpose (an export by tier or persona): their spread is the user's choice, not a problem. */
  restricted?: Partial<Record<BalanceDimension, boolean>>;
}

/** A tier under this share of the export is "thin" when the plan expects more of it. */
export const THIN_TIER_SHARE = 0.1;
/** A value is far from even above this many times the even share, or below the even share divided by it. */
export const EVEN_FACTOR = 2;
/** Shares say little about a handful of conversations: no share warnings below this many. */
export const MIN_TOTAL_FOR_SHARES = 10;
/** Fewer distinct personas or emotions than this (when the catalog has more) is too little variety. */
export const MIN_DISTINCT_VALUES = 3;

const percent = (share: number) => `${Math.round(share * 100)} %`;
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const listOf = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

function buckets(counts: Record<string, number>, total: number, order: string[], label: (key: string) => string): BalanceBucket[] {
  const keys = [...new Set([...order.filter((k) => (counts[k] ?? 0) > 0), ...Object.keys(counts).filter((k) => counts[k] > 0)])];
  return keys.map((key) => ({ key, label: label(key), count: counts[key], share: total ? counts[key] / total : 0 })).sort((a, b) => b.count - a.count);
}

function tierWarnings(byTier: BalanceBucket[], total: number, split: Record<Tier, number>): BalanceWarning[] {
  const weights = TIERS.reduce((s, t) => s + Math.max(0, split[t]), 0);
  if (!weights) return [];
  const warnings: BalanceWarning[] = [];
  for (const tier of TIERS) {
    const expected = Math.max(0, split[tier]) / weights;
    const count = byTier.find((b) => b.key === tier)?.count ?? 0;
    const share = count / total;
    if (share >= THIN_TIER_SHARE || expected <= share) continue;
    const name = TIER_LABELS[tier].toLowerCase();
    warnings.push({
      dimension: 'tier',
      rule: 'tier_below_plan',
      message: `${count === 0 ? 'None' : `Only ${count.toLocaleString('en-US')}`} of the ${total.toLocaleString('en-US')} conversations (${percent(share)}) ${count === 1 ? (/^[aeiou]/.test(name) ? 'is an' : 'is a') : 'are'} ${name} conversation${count === 1 ? '' : 's'}, while the plan's tier split expects ${percent(expected)}.`,
      hint: `Generate more ${name} conversations or export by tier.`,
    });
  }
  return warnings;
}

function valueWarnings(dimension: 'persona' | 'emotion', list: BalanceBucket[], catalog: Map<string, string>): BalanceWarning[] {
  const noun = dimension;
  const nouns = dimension === 'persona' ? 'personas' : 'emotions';
  const warnings: BalanceWarning[] = [];
  const available = new Set([...catalog.keys(), ...list.map((b) => b.key)]).size;
  if (list.length < Math.min(MIN_DISTINCT_VALUES, available)) {
    warnings.push({
      dimension,
      rule: 'few_values',
      message: `Only ${plural(list.length, noun, nouns)} ${list.length === 1 ? 'appears' : 'appear'} in this export (${listOf(list.map((b) => b.label))}), out of ${available} in the catalog: a model trained on it sees little variety.`,
      hint: `Generate conversations for the other ${nouns} (the Coverage page lists the gaps), or widen the selection.`,
    });
    return warnings;
  }
  if (list.length < 2) return warnings;
  const even = 1 / list.length;
  const above = list.filter((b) => b.share > even * EVEN_FACTOR);
  const below = list.filter((b) => b.share < even / EVEN_FACTOR);
  for (const b of above) {
    warnings.push({
      dimension,
      rule: 'share_above_even',
      message: `${b.label} makes up ${percent(b.share)} of this export; an even spread over its ${list.length} ${nouns} would be ${percent(even)} each.`,
      hint: `Generate more conversations for the other ${nouns}, or export by ${noun} so each gets its own file.`,
    });
  }
  if (below.length) {
    warnings.push({
      dimension,
      rule: 'share_below_even',
      message: `${listOf(below.map((b) => `${b.label} (${percent(b.share)})`))} ${below.length === 1 ? 'has' : 'have'} far fewer conversations than an even ${percent(even)}.`,
      hint: `Generate more conversations for ${below.length === 1 ? 'it' : 'them'} (the Coverage page's recommendations fill such gaps).`,
    });
  }
  return warnings;
}

/** The export's spread by tier, persona and emotion, with what is lopsided and what to do about it. */
export function exportBalance(input: BalanceInput): ExportBalance {
  const total = Object.values(input.counts.tier).reduce((s, n) => s + n, 0);
  const byTier = buckets(input.counts.tier, total, [...TIERS], (k) => TIER_LABELS[k as Tier] ?? k);
  const byPersona = buckets(input.counts.persona, total, [...input.catalog.persona.keys()], (k) => input.catalog.persona.get(k) ?? k);
  const byEmotion = buckets(input.counts.emotion, total, [...input.catalog.emotion.keys()], (k) => input.catalog.emotion.get(k) ?? k);
  const warnings: BalanceWarning[] = [];
  if (total >= MIN_TOTAL_FOR_SHARES) {
    const restricted = input.restricted ?? {};
    if (!restricted.tier) warnings.push(...tierWarnings(byTier, total, input.tierSplit));
    if (!restricted.persona) warnings.push(...valueWarnings('persona', byPersona, input.catalog.persona));
    if (!restricted.emotion) warnings.push(...valueWarnings('emotion', byEmotion, input.catalog.emotion));
  }
  return { total, byTier, byPersona, byEmotion, warnings };
}
