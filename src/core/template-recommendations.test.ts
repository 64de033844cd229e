import { describe, expect, it } from 'vitest';
import { bestPerTier, filterTemplates, MIN_REVIEWED, MIN_SCORED, performers, recommend, sortTemplates, underperformingVersions, type TemplateFigures, type UsageFigures } from './template-recommendations';

/** Figures for `generated` conversations of which `approved`/`rejected` were reviewed. */
const usage = (generated: number, averageQuality: number | null, approved = 0, rejected = 0): UsageFigures => ({
  planned: generated,
  generated,
  approved,
  rejected,
  averageQuality,
  approvalRate: approved + rejected > 0 ? approved / (approved + rejected) : null,
});

const template = (name: string, u: UsageFigures, extra: Partial<TemplateFigures> = {}): TemplateFigures => ({
  templateId: `id-${name}`,
  key: name.toLowerCase(),
  name,
  tier: 'template',
  active: true,
  currentVersion: 1,
  usage: u,
  versions: [{ version: 1, usage: u }],
  ...extra,
});

describe('sortTemplates', () => {
  const items = [template('A', usage(10, 7)), template('B', usage(30, 9)), template('C', usage(0, null)), template('D', usage(20, 8))];

  it('sorts by usage, quality or approval in either direction', () => {
    expect(sortTemplates(items, 'usage', 'desc').map((t) => t.name)).toEqual(['B', 'D', 'A', 'C']);
    expect(sortTemplates(items, 'usage', 'asc').map((t) => t.name)).toEqual(['C', 'A', 'D', 'B']);
    expect(sortTemplates(items, 'quality', 'desc').map((t) => t.name)).toEqual(['B', 'D', 'A', 'C']);
  });

  it('puts templates without a figure last in both directions', () => {
    expect(sortTemplates(items, 'quality', 'asc').map((t) => t.name)).toEqual(['A', 'D', 'B', 'C']);
    const reviewed = [template('A', usage(10, 7, 5, 5)), template('B', usage(10, 7)), template('C', usage(10, 7, 9, 1))];
    expect(sortTemplates(reviewed, 'approval', 'asc').map((t) => t.name)).toEqual(['A', 'C', 'B']);
    expect(sortTemplates(reviewed, 'approval', 'desc').map((t) => t.name)).toEqual(['C', 'A', 'B']);
  });

  it('breaks ties by usage, then by name', () => {
    const tied = [template('Zed', usage(10, 8)), template('Amy', usage(10, 8)), template('Max', usage(40, 8))];
    expect(sortTemplates(tied, 'quality', 'desc').map((t) => t.name)).toEqual(['Max', 'Amy', 'Zed']);
    expect(sortTemplates(tied, 'quality', 'asc').map((t) => t.name)).toEqual(['Max', 'Amy', 'Zed']);
  });
});

describe('filterTemplates', () => {
  it('keeps a tier and the templates at or above a quality threshold; unscored ones fail a threshold', () => {
    const items = [template('A', usage(10, 7)), template('B', usage(10, 8), { tier: 'scenario' }), template('C', usage(0, null))];
    expect(filterTemplates(items, { tier: 'scenario' }).map((t) => t.name)).toEqual(['B']);
    expect(filterTemplates(items, { minQuality: 7 }).map((t) => t.name)).toEqual(['A', 'B']);
    expect(filterTemplates(items, { minQuality: 0 }).map((t) => t.name)).toEqual(['A', 'B']);
    expect(filterTemplates(items, {}).map((t) => t.name)).toEqual(['A', 'B', 'C']);
  });
});

describe('performers', () => {
  it('ranks by quality only the templates with enough scored conversations, top and bottom never overlapping', () => {
    const items = [
      template('A', usage(MIN_SCORED, 9)),
      template('B', usage(MIN_SCORED, 6)),
      template('C', usage(MIN_SCORED - 1, 9.9)),
      template('D', usage(50, 7.5)),
      template('E', usage(50, 8)),
    ];
    const { top, bottom } = performers(items, 3);
    expect(top.map((t) => t.name)).toEqual(['A', 'E']);
    expect(bottom.map((t) => t.name)).toEqual(['B', 'D']);
    const many = [...items, template('F', usage(30, 5)), template('G', usage(30, 9.5)), template('H', usage(30, 7))];
    expect(performers(many, 3)).toMatchObject({ top: [{ name: 'G' }, { name: 'A' }, { name: 'E' }], bottom: [{ name: 'F' }, { name: 'B' }, { name: 'H' }] });
    expect(performers([template('A', usage(30, 8))], 3)).toMatchObject({ top: [{ name: 'A' }], bottom: [] });
  });

  it('breaks a quality tie by approval rate, then by the sample size', () => {
    const items = [template('A', usage(30, 8, 10, 10)), template('B', usage(30, 8, 18, 2)), template('C', usage(60, 8, 10, 10))];
    expect(performers(items, 3).top.map((t) => t.name)).toEqual(['B', 'C']);
    expect(performers(items, 3).bottom.map((t) => t.name)).toEqual(['A']);
  });
});

describe('bestPerTier', () => {
  const reviewed = (name: string, approved: number, rejected: number, extra: Partial<TemplateFigures> = {}) => template(name, usage(approved + rejected, 8, approved, rejected), extra);

  it('names the active template with the highest approval rate per tier, as Tier 1–3', () => {
    const recs = bestPerTier([reviewed('Triumph', 23, 2), reviewed('Discovery', 15, 10), reviewed('Scenario A', 30, 0, { tier: 'scenario' }), reviewed('Scenario B', 20, 5, { tier: 'scenario' })]);
    expect(recs.map((r) => r.message)).toEqual(['Use Triumph for Tier 1 (highest approval rate: 92%)', 'Use Scenario A for Tier 2 (highest approval rate: 100%)']);
    expect(recs[0]).toMatchObject({ templateId: 'id-Triumph', evidence: { tier: 'template', reviewed: 25, runnerUp: { name: 'Discovery', approvalRate: 0.6 } } });
  });

  it('needs two active templates with enough reviews in the tier', () => {
    expect(bestPerTier([reviewed('A', 19, 0), reviewed('B', 10, 9)])).toEqual([]);
    expect(bestPerTier([reviewed('A', MIN_REVIEWED, 0), reviewed('B', 10, MIN_REVIEWED - 11)])).toEqual([]);
    expect(bestPerTier([reviewed('A', 25, 0), reviewed('B', 20, 5, { active: false })])).toEqual([]);
    expect(bestPerTier([reviewed('A', 25, 0), reviewed('B', 20, 5)])).toHaveLength(1);
  });

  it('breaks an approval tie by quality, and gives no advice when both tie', () => {
    const a = template('A', usage(20, 8.5, 18, 2));
    const b = template('B', usage(20, 7.5, 18, 2));
    expect(bestPerTier([b, a]).map((r) => r.templateId)).toEqual(['id-A']);
    expect(bestPerTier([template('A', usage(20, 8, 18, 2)), template('B', usage(20, 8, 18, 2))])).toEqual([]);
  });
});

describe('underperformingVersions', () => {
  const withVersions = (current: number, ...versions: UsageFigures[]) =>
    template('Triumph', versions[versions.length - 1], { currentVersion: current, versions: versions.map((u, i) => ({ version: i + 1, usage: u })) });

  it('flags the active version when its average falls half a point or more below its predecessor', () => {
    const [rec] = underperformingVersions([withVersions(3, usage(40, 9), usage(31, 8.4), usage(24, 7.1))]);
    expect(rec).toMatchObject({ kind: 'version_underperforms', version: 3, previousVersion: 2, evidence: { metric: 'quality', current: { generated: 24 }, previous: { generated: 31 } } });
    expect(rec.message).toBe('Version 3 of Triumph underperforms version 2 (average 7.1 vs 8.4 over 24 and 31 conversations): roll back?');
    expect(underperformingVersions([withVersions(2, usage(40, 8.4), usage(40, 7.9))])).toHaveLength(1);
    expect(underperformingVersions([withVersions(2, usage(40, 8.4), usage(40, 8))])).toEqual([]);
  });

  it('needs enough conversations on both sides, skipping predecessors with too few', () => {
    expect(underperformingVersions([withVersions(2, usage(40, 9), usage(MIN_SCORED - 1, 5))])).toEqual([]);
    expect(underperformingVersions([withVersions(2, usage(MIN_SCORED - 1, 9), usage(40, 5))])).toEqual([]);
    const [rec] = underperformingVersions([withVersions(3, usage(40, 9), usage(3, 4), usage(40, 7))]);
    expect(rec).toMatchObject({ version: 3, previousVersion: 1 });
  });

  it('judges only the active version: a rolled-back template asks for nothing', () => {
    expect(underperformingVersions([withVersions(1, usage(40, 9), usage(40, 6))])).toEqual([]);
  });

  it('falls back to approval rate when quality holds but approvals drop ten points', () => {
    const [rec] = underperformingVersions([withVersions(2, usage(40, 8, 36, 4), usage(40, 8, 28, 12))]);
    expect(rec).toMatchObject({ evidence: { metric: 'approval' } });
    expect(rec.message).toBe('Version 2 of Triumph underperforms version 1 (approval 70% vs 90% over 40 and 40 reviewed conversations): roll back?');
    expect(underperformingVersions([withVersions(2, usage(40, 8, 36, 4), usage(40, 8, 33, 7))])).toEqual([]);
  });
});

describe('recommend', () => {
  it('lists version regressions before the best per tier', () => {
    const regressed = template('Old', usage(80, 8, 30, 10), {
      currentVersion: 2,
      versions: [
        { version: 1, usage: usage(40, 9, 20, 0) },
        { version: 2, usage: usage(40, 7, 10, 10) },
      ],
    });
    const recs = recommend([regressed, template('New', usage(40, 8, 38, 2))]);
    expect(recs.map((r) => r.kind)).toEqual(['version_underperforms', 'best_in_tier']);
  });
});
