import { describe, expect, it } from 'vitest';
import type { RegeneratePreview } from '../../../contract/regenerate';
import { regenerateHeadline, regenerateLines } from './regenerate-many-summary';

const preview = (over: Partial<RegeneratePreview> = {}): RegeneratePreview => ({
  selected: 6,
  notFound: 1,
  conversationIds: ['conv-00001', 'conv-00002', 'conv-00003'],
  toReject: 2,
  skippedByReason: { not_generated: 2, generating: 0, seed: 1, replaced: 0 },
  tooMany: false,
  max: 500,
  ...over,
});

describe('the bulk reject-and-regenerate preview in words', () => {
  it('says which will be rejected, which keep their rejection, and which are skipped and why', () => {
    expect(regenerateHeadline(preview())).toBe('7 selected: 3 will be regenerated, 4 skipped.');
    expect(regenerateLines(preview()).map((l) => l.text)).toEqual([
      '2 will be rejected with your note and regenerated',
      '1 is already rejected: it keeps its rejection and will be regenerated',
      '2 are not generated yet, so there is nothing to reject (generate them instead): skipped',
      '1 is a seed, written by hand and never regenerated: skipped',
      '1 no longer exists (deleted since selected?): skipped',
    ]);
  });

  it('says when there is nothing to do, or too much for one request', () => {
    expect(regenerateHeadline(preview({ conversationIds: [], toReject: 0 }))).toMatch(/^Nothing to regenerate: none of the 7 selected/);
    expect(regenerateHeadline(preview({ tooMany: true }))).toMatch(/at most 500 conversations/);
  });
});
