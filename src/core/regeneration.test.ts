import { describe, expect, it } from 'vitest';
import { regenerationSkip } from './regeneration';

const generated = { status: 'generated', isSeed: false, turnCount: 12, replacedBy: null };

describe('which conversations reject and regenerate can act on', () => {
  it('takes a generated, approved or rejected conversation with text that nothing replaced yet', () => {
    for (const status of ['generated', 'approved', 'rejected']) expect(regenerationSkip({ ...generated, status })).toBeNull();
  });

  it('skips the rest with the reason, seeds first', () => {
    expect(regenerationSkip({ ...generated, status: 'not_generated', turnCount: 0 })).toBe('not_generated');
    expect(regenerationSkip({ ...generated, status: 'failed', turnCount: 0 })).toBe('not_generated');
    expect(regenerationSkip({ ...generated, status: 'generating' })).toBe('generating');
    expect(regenerationSkip({ ...generated, replacedBy: 'conv-00100' })).toBe('replaced');
    expect(regenerationSkip({ ...generated, isSeed: true, replacedBy: 'conv-00100' })).toBe('seed');
  });
});
