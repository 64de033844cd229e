import { describe, expect, it } from 'vitest';
import { buildCoverage, type CoverageCountRow, type CoverageInput } from './coverage';

const personas = [
  { key: 'anxious', label: 'Anxious Investor', active: true },
  { key: 'planner', label: 'Confident Planner', active: true },
  { key: 'retired', label: 'Retired Persona', active: false },
];
const emotions = [
  { key: 'fear', label: 'Fear', active: true },
  { key: 'hope', label: 'Hope', active: true },
];
const arcs = [
  { key: 'triumph', label: 'Triumph', enabled: true },
  { key: 'discovery', label: 'Discovery', enabled: false },
];
const row = (persona: string, emotion: string, status: string, n: number, tier = 'template', arcKey: string | null = 'triumph'): CoverageCountRow => ({ persona, emotion, status, n, tier, arcKey });

const input = (rows: CoverageCountRow[], over: Partial<CoverageInput> = {}): CoverageInput => ({ scope: 'generated', rows, personas, emotions, arcs, minPerCombination: 3, ...over });

const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);

describe('buildCoverage', () => {
  const rows = [
    row('anxious', 'fear', 'approved', 4),
    row('anxious', 'fear', 'generated', 1),
    row('anxious', 'hope', 'rejected', 2),
    row('planner', 'hope', 'generated', 1, 'scenario', null),
    row('planner', 'fear', 'not_generated', 6),
    row('retired', 'fear', 'approved', 2, 'edge_case', null),
    row('ghost', 'hope', 'generated', 1),
    row('planner', 'hope', 'generating', 2),
  ];

  it('counts generated and approved conversations by default, and every breakdown adds up to the total', () => {
    const c = buildCoverage(input(rows));
    expect(c.total).toBe(4 + 1 + 1 + 2 + 1);
    expect(sum(c.personaEmotion)).toBe(c.total);
    expect(sum(c.byPersona)).toBe(c.total);
    expect(sum(c.byEmotion)).toBe(c.total);
    expect(sum(c.byTier)).toBe(c.total);
    expect(sum(c.byArc)).toBe(c.total);
    expect(c.generating).toBe(2);
  });

  it('counts approved only, or every slot, when asked', () => {
    expect(buildCoverage(input(rows, { scope: 'approved' })).total).toBe(6);
    const all = buildCoverage(input(rows, { scope: 'all' }));
    expect(all.total).toBe(rows.reduce((s, r) => s + r.n, 0));
    expect(sum(all.personaEmotion)).toBe(all.total);
  });

  it('lists every active persona × emotion with its catalog labels, zeros included, and inactive or unknown values only while used', () => {
    const c = buildCoverage(input(rows));
    expect(c.byPersona.map((p) => [p.key, p.label, p.count, p.active])).toEqual([
      ['anxious', 'Anxious Investor', 5, true],
      ['planner', 'Confident Planner', 1, true],
      ['retired', 'Retired Persona', 2, false],
      ['ghost', 'ghost', 1, false],
    ]);
    const cell = (p: string, e: string) => c.personaEmotion.find((x) => x.persona === p && x.emotion === e);
    expect(cell('planner', 'fear')).toMatchObject({ count: 0, belowMinimum: true, personaLabel: 'Confident Planner', emotionLabel: 'Fear' });
    expect(cell('anxious', 'fear')).toMatchObject({ count: 5, belowMinimum: false });
    expect(cell('retired', 'fear')).toMatchObject({ count: 2, belowMinimum: false });
    expect(cell('retired', 'hope')).toBeUndefined();
  });

  it('finds the gaps among active pairs under the minimum, thinnest first', () => {
    const c = buildCoverage(input(rows));
    expect(c.gaps.map((g) => [g.persona, g.emotion, g.count, g.missing])).toEqual([
      ['anxious', 'hope', 0, 3],
      ['planner', 'fear', 0, 3],
      ['planner', 'hope', 1, 2],
    ]);
    expect(buildCoverage(input(rows, { minPerCombination: 1 })).gaps.map((g) => `${g.persona}:${g.emotion}`)).toEqual(['anxious:hope', 'planner:fear']);
  });

  it('stacks every slot of a tier by status whatever the scope, and names conversations without an arc', () => {
    const c = buildCoverage(input(rows, { scope: 'approved' }));
    expect(c.byTier[0]).toMatchObject({ key: 'template', label: 'Template', count: 4 });
    expect(c.byTier[0].byStatus).toMatchObject({ approved: 4, generated: 2, rejected: 2, not_generated: 6, generating: 2 });
    expect(c.byArc).toEqual([
      { key: 'triumph', label: 'Triumph', count: 4, active: true },
      { key: null, label: 'No arc (scenario and edge-case tiers)', count: 2, active: true },
    ]);
  });

  it('an empty workspace has every active pair as a gap and a total of 0', () => {
    const c = buildCoverage(input([]));
    expect(c.total).toBe(0);
    expect(c.personaEmotion).toHaveLength(4);
    expect(c.gaps).toHaveLength(4);
    expect(c.byArc).toEqual([{ key: 'triumph', label: 'Triumph', count: 0, active: true }]);
  });
});
