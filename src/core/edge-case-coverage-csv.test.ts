import { describe, expect, it } from 'vitest';
import { edgeCaseCoverageCsv } from './edge-case-coverage-csv';

describe('edgeCaseCoverageCsv', () => {
  it('writes a row per category, the totals and the persona grid', () => {
    const zero = { definitions: 0, conversations: 0, generated: 0, approved: 0, belowBar: 0 };
    const csv = edgeCaseCoverageCsv({
      edgeCaseMinScore: 8,
      categories: [
        { category: 'emotional_overwhelm', label: 'Extreme emotions', definitions: 2, conversations: 3, generated: 2, approved: 1, belowBar: 1 },
        { category: 'ethical_dilemma', label: 'Ethical dilemmas', ...zero },
      ],
      personas: [{ persona: 'retiree', label: 'Retiree, careful', counts: { emotional_overwhelm: 3 }, total: 3 }],
      totals: { definitions: 2, conversations: 3, generated: 2, approved: 1, belowBar: 1 },
    });
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('section,name,definitions,conversations,generated,approved,below bar (< 8)');
    expect(lines[1]).toBe('category,Extreme emotions,2,3,2,1,1');
    expect(lines[3]).toBe('category,All categories,2,3,2,1,1');
    expect(lines).toContain('persona,"Retiree, careful",3,0,0,0,0,3');
  });
});
