import { describe, expect, it } from 'vitest';
import { describeReview } from './describe-event';

const judged = (score: number | null) => ({ action: 'judge' as const, fromStatus: 'generated', toStatus: 'generated', judge: { score, costUsd: 0.0042, model: 'claude-haiku-4-5' } });

describe('describeReview', () => {
  it('gives a judgement its score and cost', () => {
    expect(describeReview(judged(7.25))).toMatch(/^Judged with the LLM judge: 7\.3\/10, \$0\.0042$/);
  });

  it('says a billed judgement that failed failed, with what it cost', () => {
    expect(describeReview(judged(null))).toMatch(/^Judged with the LLM judge: failed, \$0\.0042$/);
  });
});
