import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { arcCounts, assertValidDistribution, distributionPreview, distributionProblem, evenDistribution, type ArcShare } from './arc-distribution';

const five: ArcShare[] = ['triumph', 'struggle', 'steady', 'anxiety', 'discovery'].map((key) => ({ key, enabled: true, percent: 20 }));
const labels: Record<string, string> = { triumph: 'Triumph', struggle: 'Struggle-to-Success', steady: 'Steady Confidence', anxiety: 'Anxiety-to-Relief', discovery: 'Discovery' };

describe('distributionProblem', () => {
  it('accepts enabled arcs adding up to 100, ignoring disabled ones', () => {
    expect(distributionProblem(five)).toBeNull();
    expect(distributionProblem([...five.slice(0, 4).map((s) => ({ ...s, percent: 25 })), { key: 'discovery', enabled: false, percent: 40 }])).toBeNull();
  });

  it('refuses 99 % and says how much is missing', () => {
    const problem = distributionProblem([{ ...five[0], percent: 19 }, ...five.slice(1)]);
    expect(problem?.message).toBe('The enabled arcs add up to 99 %, not 100 %.');
    expect(problem?.hint).toContain('Add 1 %');
  });

  it('refuses more than 100 %', () => {
    expect(distributionProblem([{ ...five[0], percent: 30 }, ...five.slice(1)])?.hint).toContain('Take 10 %');
  });

  it('refuses a distribution with every arc disabled', () => {
    expect(distributionProblem(five.map((s) => ({ ...s, enabled: false })))?.message).toBe('At least one arc must be enabled.');
  });

  it('refuses fractions, out-of-range values and repeated arcs', () => {
    expect(distributionProblem([{ ...five[0], percent: 20.5 }, ...five.slice(1)])?.field).toBe('triumph.percent');
    expect(distributionProblem([{ ...five[0], percent: 120 }])?.field).toBe('triumph.percent');
    expect(distributionProblem([...five, five[0]])?.message).toContain('listed twice');
  });

  it('throws a 400 naming the field', () => {
    try {
      assertValidDistribution(five.slice(1));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(400);
      expect((err as AppError).details).toMatchObject({ field: 'items', total: 80 });
    }
  });
});

describe('arcCounts', () => {
  it('shares 40 conversations equally over five arcs', () => {
    expect(arcCounts(40, five)).toEqual({ triumph: 8, struggle: 8, steady: 8, anxiety: 8, discovery: 8 });
  });

  it('uses largest remainders so the parts add up to the total', () => {
    const shares: ArcShare[] = [
      { key: 'triumph', enabled: true, percent: 25 },
      { key: 'struggle', enabled: true, percent: 20 },
      { key: 'steady', enabled: true, percent: 20 },
      { key: 'anxiety', enabled: true, percent: 20 },
      { key: 'discovery', enabled: true, percent: 15 },
    ];
    // 7 × .25 = 1.75, 7 × .2 = 1.4 (×3), 7 × .15 = 1.05: the floors give 5, the two largest remainders get one more.
    const counts = arcCounts(7, shares);
    expect(counts).toEqual({ triumph: 2, struggle: 2, steady: 1, anxiety: 1, discovery: 1 });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('gives disabled arcs nothing', () => {
    const shares = five.map((s, i) => (i < 2 ? { ...s, percent: 50 } : { ...s, enabled: false }));
    expect(arcCounts(10, shares)).toEqual({ triumph: 5, struggle: 5, steady: 0, anxiety: 0, discovery: 0 });
  });
});

describe('distributionPreview', () => {
  it('reads like the product spec', () => {
    expect(distributionPreview(40, five, (k) => labels[k])).toBe('40 conversations = 8 Triumph + 8 Struggle-to-Success + 8 Steady Confidence + 8 Anxiety-to-Relief + 8 Discovery');
  });

  it('leaves out arcs that get none', () => {
    const shares = [{ key: 'triumph', enabled: true, percent: 90 }, { key: 'struggle', enabled: true, percent: 10 }, { key: 'steady', enabled: false, percent: 20 }];
    expect(distributionPreview(1, shares, (k) => labels[k])).toBe('1 conversation = 1 Triumph');
  });
});

describe('evenDistribution', () => {
  it('spreads 100 over the enabled arcs in whole percentages', () => {
    const shares = evenDistribution([...five.slice(0, 3), ...five.slice(3).map((s) => ({ ...s, enabled: false, percent: 5 }))]);
    expect(shares.map((s) => s.percent)).toEqual([34, 33, 33, 5, 5]);
    expect(distributionProblem(shares)).toBeNull();
  });
});
