import { describe, expect, it } from 'vitest';
import { fillBuckets, suggestThreshold, thresholdOutcomes } from './quality-distribution';

describe('score distribution against reviewers', () => {
  const buckets = fillBuckets([
    { bucket: 3, status: 'rejected', n: 4 },
    { bucket: 5, status: 'rejected', n: 4 },
    { bucket: 7, status: 'rejected', n: 2 },
    { bucket: 5, status: 'approved', n: 1 },
    { bucket: 9, status: 'approved', n: 19 },
    { bucket: 10, status: 'unreviewed', n: 3 },
  ]);

  it('fills nine 1-point buckets and puts a 10 in the last one', () => {
    expect(buckets.map((b) => b.min)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(buckets[8]).toEqual({ min: 9, approved: 19, rejected: 0, unreviewed: 3 });
  });

  it('says what each threshold would have caught', () => {
    const outcomes = thresholdOutcomes(buckets);
    expect(outcomes.find((o) => o.threshold === 6)).toEqual({ threshold: 6, rejectionsCaught: 0.8, approvalsCaught: 0.05 });
    expect(outcomes.at(-1)).toEqual({ threshold: 10, rejectionsCaught: 1, approvalsCaught: 1 });
  });

  it('suggests the threshold that separates best, in a plain sentence', () => {
    const suggestion = suggestThreshold(thresholdOutcomes(buckets), { approved: 20, rejected: 10 });
    expect(suggestion).toEqual({ threshold: 8, sentence: 'Flagging score < 8 would have caught 100 % of rejections and 5 % of approvals.' });
  });

  it('suggests nothing before there are both approvals and rejections', () => {
    expect(suggestThreshold(thresholdOutcomes(buckets), { approved: 20, rejected: 0 })).toBeNull();
  });
});
