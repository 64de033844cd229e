import { describe, expect, it } from 'vitest';
import { coverage, sentences, stems, toScore } from './text';

describe('text helpers', () => {
  it('stems content words and drops stop words and numbers', () => {
    expect(stems('Sizing the funds, and 3 surprises for the user')).toEqual(['size', 'fund', 'surpris']);
  });

  it('splits sentences with their offsets and keeps decimals whole', () => {
    const text = 'The rate is 3.5 % today! Is it?\nYes.';
    const found = sentences(text);
    expect(found.map((s) => s.text)).toEqual(['The rate is 3.5 % today!', 'Is it?', 'Yes.']);
    for (const s of found) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('measures coverage and maps shares to 1–10', () => {
    expect(coverage(['a', 'b', 'b', 'c'], new Set(['a'])).share).toBeCloseTo(1 / 3);
    expect([toScore(0), toScore(1), toScore(0.5)]).toEqual([1, 10, 5.5]);
  });
});
