import { describe, expect, it } from 'vitest';
import { DiversityCounter, diversityOf } from './diversity';

describe('diversityOf', () => {
  it('counts unique words and bigrams over all words and bigrams', () => {
    // words: the cat sat the cat ran → 6 words, 4 types; bigrams within each text: 2 + 2, distinct: "the cat", "cat sat", "cat ran" = 3
    const stats = diversityOf(['The cat sat.', 'the CAT ran']);
    expect(stats).toEqual({ conversations: 2, words: 6, vocabulary: 4, typeTokenRatio: 0.6667, distinct1: 0.6667, distinct2: 0.75, averageWords: 3 });
  });

  it('does not join the last word of one text to the first of the next', () => {
    expect(diversityOf(['a b', 'c d']).distinct2).toBe(1);
    expect(diversityOf(['a b', 'a b']).distinct2).toBe(0.5);
  });

  it('gives repeated text a lower distinct-2 than varied text', () => {
    const same = diversityOf(Array.from({ length: 5 }, () => 'I understand how stressful this must be for you'));
    const varied = diversityOf(['I understand how stressful this is', 'Let us look at your budget together', 'An emergency fund covers three months', 'Your employer may match contributions', 'Check the fees before you invest']);
    expect(same.distinct2).toBeLessThan(varied.distinct2);
    expect(varied.distinct2).toBe(1);
  });

  it('is all zeros for nothing', () => {
    expect(new DiversityCounter().stats()).toEqual({ conversations: 0, words: 0, vocabulary: 0, typeTokenRatio: 0, distinct1: 0, distinct2: 0, averageWords: 0 });
    expect(diversityOf(['']).averageWords).toBe(0);
  });
});
