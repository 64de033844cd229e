import { describe, expect, it } from 'vitest';
import { categoryEntries, chunkCoverage, chunkRecommendation, HIGH_CONFIDENCE_KEY, type ChunkCountRow } from './coverage-chunks';

let n = 0;
const chunk = (confidence: number | null, count: number, expertise: string | null = 'beginner'): ChunkCountRow => ({
  chunkId: `c${++n}`,
  documentId: 'd1',
  documentTitle: 'Budget basics',
  category: 'Frameworks',
  ordinal: n,
  heading: n % 2 ? 'Why it matters' : null,
  confidence,
  expertise,
  count,
});

describe('chunkCoverage', () => {
  const rows = [chunk(9, 9, 'advanced'), chunk(9.5, 0, 'advanced'), chunk(8, 4), chunk(5, 2), chunk(null, 1), chunk(10, 0)];

  it('shares conversations out by the confidence of their chunk', () => {
    const c = chunkCoverage(rows);
    expect(c).toMatchObject({ chunks: 6, usedChunks: 4, grounded: 16, highConfidence: 9, lowConfidence: 2, unknownConfidence: 1 });
    expect(c.highConfidenceShare).toBeCloseTo(9 / 16);
  });

  it('lists the least and most used chunks, the priority ones (advanced and confidence above 8) and the low-confidence ones', () => {
    const c = chunkCoverage(rows);
    expect(c.fewest.map((x) => x.count)).toEqual([0, 0, 1, 2, 4, 9]);
    expect(c.most.map((x) => x.count)).toEqual([9, 4, 2, 1]);
    expect(c.priority.map((x) => x.confidence)).toEqual([9.5, 9]);
    expect(c.priorityCount).toBe(2);
    expect(c.lowConfidenceChunks.map((x) => x.confidence)).toEqual([5]);
    expect(c.most[0].label).toMatch(/^Budget basics §\d+/);
  });

  it('warns about conversations from low-confidence and unanalysed chunks', () => {
    const [low, unknown] = chunkCoverage(rows).warnings;
    expect(low).toMatch(/^2 conversations come from 1 low-confidence chunk \(confidence below 6\)/);
    expect(unknown).toMatch(/^1 conversations come from chunks with no confidence yet/);
    expect(chunkCoverage([chunk(9, 3)]).warnings).toEqual([]);
    expect(chunkCoverage([]).highConfidenceShare).toBeNull();
  });

  it('recommends generating from the high-confidence chunks that have fewer than the minimum, unless dismissed', () => {
    const c = chunkCoverage(rows);
    const rec = chunkRecommendation(rows, c, 3, new Set());
    expect(rec).toMatchObject({ key: HIGH_CONFIDENCE_KEY, title: 'Generate from chunks with confidence > 8', toPlan: 2 });
    expect(rec?.reason).toBe('56 % of conversations come from high-confidence chunks. 2 of the 3 chunks with confidence above 8 have fewer than 3 conversations: one more from each.');
    expect(chunkRecommendation(rows, c, 3, new Set([HIGH_CONFIDENCE_KEY]))).toBeNull();
    expect(chunkRecommendation([chunk(9, 3)], c, 3, new Set())).toBeNull();
  });
});

describe('categoryEntries', () => {
  it('merges rows per category, largest first, with conversations without a document last', () => {
    expect(categoryEntries([{ category: 'A', n: 2 }, { category: null, n: 5 }, { category: 'B', n: 3 }, { category: 'A', n: 2 }, { category: 'C', n: 0 }])).toEqual([
      { key: 'A', label: 'A', count: 4 },
      { key: 'B', label: 'B', count: 3 },
      { key: null, label: 'No source document', count: 5 },
    ]);
  });
});
