import { describe, expect, it } from 'vitest';
import { jaccard, scenarioDiversity, titleWords, type DiversityScenario } from './scenario-diversity';

const s = (id: string, title: string, over: Partial<DiversityScenario> = {}): DiversityScenario => ({
  id,
  title,
  category: 'financial',
  documentId: null,
  documentTitle: null,
  documentCategory: null,
  persona: null,
  emotion: null,
  topic: null,
  conversations: 0,
  ...over,
});

describe('scenario diversity', () => {
  it('compares titles by their words, ignoring small words and case', () => {
    expect(titleWords('A Grieving Heir and the Windfall (copy)')).toEqual(['grieving', 'heir', 'windfall']);
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it('counts by category (all four, even at zero), document and dimension, and the unused ones', () => {
    const report = scenarioDiversity(
      [
        s('1', 'Layoff to consulting', { category: 'career', documentId: 'd1', documentTitle: 'Stories', documentCategory: 'Client Stories', persona: 'p1', conversations: 3 }),
        s('2', 'Inherited IRA choices', { category: 'estate_planning', documentId: 'd1', documentTitle: 'Stories', documentCategory: 'Client Stories', persona: 'p1' }),
        s('3', 'Paying off debt first'),
      ],
      { documentCategories: ['Client Stories', 'Frameworks'], labels: (d, k) => `${d}:${k}` },
    );
    expect(report.total).toBe(3);
    expect(report.unused).toBe(2);
    expect(report.byCategory.map((c) => [c.key, c.count])).toEqual([
      ['career', 1],
      ['estate_planning', 1],
      ['financial', 1],
      ['personal', 0],
    ]);
    expect(report.byDocument).toEqual([
      { key: 'd1', label: 'Stories', count: 2 },
      { key: '', label: 'Written by hand (no source)', count: 1 },
    ]);
    expect(report.byPersona).toEqual([
      { key: 'p1', label: 'persona:p1', count: 2 },
      { key: '', label: 'None', count: 1 },
    ]);
    expect(report.uncoveredDocumentCategories).toEqual(['Frameworks']);
  });

  it('flags near-duplicate titles and measures how much titles repeat', () => {
    const report = scenarioDiversity([s('1', 'Grieving heir facing a windfall'), s('2', 'Grieving heir facing a windfall (copy)'), s('3', 'Career change at fifty')], { documentCategories: [] });
    expect(report.nearDuplicates).toEqual([{ a: { id: '1', title: 'Grieving heir facing a windfall' }, b: { id: '2', title: 'Grieving heir facing a windfall (copy)' }, similarity: 1 }]);
    // 11 title words, 7 distinct.
    expect(report.distinctWordRatio).toBeCloseTo(0.64, 2);
    expect(scenarioDiversity([], { documentCategories: [] })).toMatchObject({ total: 0, unused: 0, distinctWordRatio: 1, nearDuplicates: [] });
  });
});
