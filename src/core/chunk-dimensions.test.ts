import { describe, expect, it } from 'vitest';
import { chunkDimensionsPatchSchema, dimensionsPrompt, parseChunkDimensions } from './chunk-dimensions';
import { estimateDimensionRun } from './chunk-dimensions-estimate';

const valid = { summary: 'How to build an emergency fund.', key_terms: ['emergency fund', 'savings'], expertise_level: 'beginner', emotional_valence: 'positive', audience_level: 'general', confidence: 8 };

describe('chunk dimension schema', () => {
  it('accepts a complete answer', () => {
    expect(parseChunkDimensions(valid)).toEqual({ ok: true, value: valid });
  });

  it.each([
    [{ ...valid, expertise_level: 'expert-ish' }, /^expertise_level: /],
    [{ ...valid, key_terms: 'a, b' }, /^key_terms: /],
    [{ ...valid, key_terms: [] }, /^key_terms: must name at least one term/],
    [{ ...valid, confidence: 12 }, /^confidence: must be 10 or less/],
    [{ ...valid, summary: '   ' }, /^summary: must not be empty/],
    [{ ...valid, extra: 1 }, /extra/],
    ['not an object', /^output: /],
  ])('names the first problem of %j', (answer, problem) => {
    const parsed = parseChunkDimensions(answer);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });

  it('lets a hand edit give any subset of fields, checked the same way', () => {
    expect(chunkDimensionsPatchSchema.safeParse({ confidence: 3 }).success).toBe(true);
    expect(chunkDimensionsPatchSchema.safeParse({ valence: 'negative' }).success).toBe(false);
    expect(chunkDimensionsPatchSchema.safeParse({ audience_level: 'kids' }).success).toBe(false);
  });

  it('puts the passage, title and category in the prompt', () => {
    const prompt = dimensionsPrompt({ heading: 'Buckets', content: 'Keep three buckets.', documentTitle: 'Retirement guide', category: 'Complete Systems' });
    expect(prompt).toContain('<passage>\nKeep three buckets.\n</passage>');
    expect(prompt).toContain('"Retirement guide" (category: Complete Systems)');
    expect(prompt).toContain('Section: Buckets');
  });
});

describe('estimateDimensionRun', () => {
  it('is free with the offline model and priced with a known one', () => {
    const base = { count: 10, contentChars: 20_000, secondsPerChunk: 2, concurrency: 2, requestsPerMinute: null };
    expect(estimateDimensionRun({ ...base, model: 'offline' })).toEqual({ count: 10, estimatedCostUsd: 0, estimatedSeconds: 10 });
    expect(estimateDimensionRun({ ...base, model: 'claude-haiku-4-5' }).estimatedCostUsd).toBeGreaterThan(0);
  });

  it('is bounded by the request rate when that is slower than the concurrency', () => {
    expect(estimateDimensionRun({ count: 120, contentChars: 0, model: 'offline', secondsPerChunk: 1, concurrency: 20, requestsPerMinute: 60 }).estimatedSeconds).toBe(120);
  });
});
