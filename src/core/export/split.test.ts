import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { fnv1a32, hash32, planSplit, splitRank, validationQuotas, validationTotal, type SplitItem } from './split';

const tiers = (counts: Record<string, number>) => new Map(Object.entries(counts));
const items = (counts: Record<string, number>): SplitItem[] =>
  Object.entries(counts).flatMap(([tier, n]) => Array.from({ length: n }, (_, i) => ({ conversationId: `${tier}-${String(i).padStart(5, '0')}`, tier })));

describe('validationQuotas', () => {
  it('splits 44/36/16 at 10 % as 4/4/2: shares 4.4/3.6/1.6 rounded down to 4/3/1, the two missing to the largest remainders', () => {
    expect(Object.fromEntries(validationQuotas(tiers({ template: 44, scenario: 36, edge_case: 16 }), 0.1))).toEqual({ template: 4, scenario: 4, edge_case: 2 });
  });

  it('gives exact shares when they are whole, whatever floating point makes of them', () => {
    expect(Object.fromEntries(validationQuotas(tiers({ template: 100, scenario: 50, edge_case: 30 }), 0.1))).toEqual({ template: 10, scenario: 5, edge_case: 3 });
    // 0.29 × 100 is 28.999999999999996 in floating point.
    expect(Object.fromEntries(validationQuotas(tiers({ template: 100 }), 0.29))).toEqual({ template: 29 });
  });

  it('breaks tied remainders towards the larger tier, then by name', () => {
    // Shares 0.5 / 0.5 / 2.5 (total 3.5 → 4): floors 0/0/2, two missing; all remainders are 0.5.
    expect(Object.fromEntries(validationQuotas(tiers({ a: 5, b: 5, c: 25 }), 0.1))).toEqual({ a: 1, b: 0, c: 3 });
  });

  it('keeps one conversation on each side when there are two or more, so no file is empty', () => {
    expect(validationTotal(4, 0.1)).toBe(1);
    expect(validationTotal(2, 0.5)).toBe(1);
    expect(validationTotal(1, 0.1)).toBe(0);
    expect(validationTotal(0, 0.1)).toBe(0);
    expect(Object.fromEntries(validationQuotas(tiers({ template: 3, scenario: 1 }), 0.1))).toEqual({ template: 1, scenario: 0 });
    expect(validationTotal(10, 0)).toBe(0);
    expect(validationTotal(10, 1)).toBe(10);
  });

  it('refuses fractions outside 0 to 1', () => {
    expect(() => validationTotal(10, 1.5)).toThrow(/between 0 and 1/);
    expect(() => validationQuotas(tiers({ a: 1 }), Number.NaN)).toThrow(/between 0 and 1/);
  });
});

describe('validationQuotas, property: 5,000 random tier mixes', () => {
  it('totals the fraction of the whole, keeps every tier within one of its share, and never exceeds a tier', () => {
    const rng = seededRandom(11);
    const failures: string[] = [];
    for (let run = 0; run < 5000; run++) {
      const counts: Record<string, number> = {};
      const tierCount = 1 + Math.floor(rng() * 5);
      for (let t = 0; t < tierCount; t++) counts[`tier${t}`] = Math.floor(rng() * (rng() < 0.2 ? 5 : 3000));
      const fraction = Math.round(rng() * 500) / 1000; // 0 to 0.5, as the API allows
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const quotas = validationQuotas(tiers(counts), fraction);
      const sum = [...quotas.values()].reduce((a, b) => a + b, 0);
      const where = `${JSON.stringify(counts)} at ${fraction}`;
      if (sum !== validationTotal(total, fraction)) failures.push(`${where}: total ${sum}`);
      const rounded = Math.floor(total * fraction + 0.5 + 1e-9);
      for (const [tier, n] of Object.entries(counts)) {
        const q = quotas.get(tier)!;
        if (q < 0 || q > n) failures.push(`${where}: ${tier} gets ${q} of ${n}`);
        // The minimum of one per side may add one where the share rounds to none; otherwise within one.
        if (rounded === sum && Math.abs(q - n * fraction) >= 1) failures.push(`${where}: ${tier} gets ${q}, share ${n * fraction}`);
        if (n * fraction >= 1 - 1e-9 && q === 0) failures.push(`${where}: ${tier} with a share of ${n * fraction} gets none`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});

describe('planSplit', () => {
  const set = items({ template: 44, scenario: 36, edge_case: 16 });

  it('puts 4/4/2 of 44/36/16 in validation, the lowest seeded ranks of each tier', () => {
    const plan = planSplit(set, 0.1, 42);
    expect(plan.byTier).toEqual({ template: { train: 40, validation: 4 }, scenario: { train: 32, validation: 4 }, edge_case: { train: 14, validation: 2 } });
    expect([plan.train, plan.validationCount]).toEqual([86, 10]);
    expect(plan.validation.reduce((a, b) => a + b, 0)).toBe(10);
    const chosen = set.filter((_, i) => plan.validation[i] === 1 && set[i].tier === 'template').map((x) => splitRank(x.conversationId, 'template', 42));
    const notChosen = set.filter((_, i) => plan.validation[i] === 0 && set[i].tier === 'template').map((x) => splitRank(x.conversationId, 'template', 42));
    expect(Math.max(...chosen)).toBeLessThan(Math.min(...notChosen));
  });

  it('is deterministic for a seed and does not depend on the order', () => {
    const ids = (plan: ReturnType<typeof planSplit>, list: SplitItem[]) => list.filter((_, i) => plan.validation[i] === 1).map((x) => x.conversationId).sort();
    const reversed = [...set].reverse();
    expect(ids(planSplit(reversed, 0.1, 42), reversed)).toEqual(ids(planSplit(set, 0.1, 42), set));
    expect(ids(planSplit(set, 0.1, 42), set)).toEqual(ids(planSplit(set, 0.1, 42), set));
    const shuffled = [...set].sort((a, b) => hash32(a.conversationId) - hash32(b.conversationId));
    expect(ids(planSplit(shuffled, 0.1, 42), shuffled)).toEqual(ids(planSplit(set, 0.1, 42), set));
  });

  it('a different seed draws other conversations, in the same proportions', () => {
    const big = items({ template: 500, scenario: 300 });
    const a = planSplit(big, 0.2, 1);
    const b = planSplit(big, 0.2, 2);
    expect(b.byTier).toEqual(a.byTier);
    let differ = 0;
    for (let i = 0; i < big.length; i++) if (a.validation[i] !== b.validation[i]) differ++;
    expect(differ).toBeGreaterThan(50);
  });

  it('adding conversations to a tier moves few of the ones already there', () => {
    const before = items({ template: 1000 });
    const after = items({ template: 1010 });
    const a = planSplit(before, 0.1, 7);
    const b = planSplit(after, 0.1, 7);
    let moved = 0;
    for (let i = 0; i < before.length; i++) if (a.validation[i] !== b.validation[i]) moved++;
    expect(moved).toBeLessThanOrEqual(11);
  });

  it('splits nothing at 0 and an empty list to nothing', () => {
    expect(planSplit(set, 0, 1).validationCount).toBe(0);
    expect(planSplit([], 0.1, 1)).toEqual({ validation: new Uint8Array(0), train: 0, validationCount: 0, byTier: {} });
  });
});

describe('hashes', () => {
  it('hash32 is the stable 32-bit hash the splits rely on', () => {
    // Pinned: changing the hash would move conversations between splits of a re-run export.
    expect([hash32('conv-00001'), hash32('conv-00002')]).toEqual([2375966663, 1980883727]);
  });

  it('fnv1a32 matches the published FNV-1a test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
});
