import { describe, expect, it } from 'vitest';
import { costOf, priceOf } from './pricing';

describe('pricing', () => {
  it('prices dated snapshots like their model, and unknown models at nothing', () => {
    expect(priceOf('gpt-4o-mini-2024-07-18')).toBe(priceOf('gpt-4o-mini'));
    expect(priceOf('gpt-4o-2024-08-06')).toBe(priceOf('gpt-4o'));
    expect(priceOf('llama3:8b')).toBeUndefined();
    expect(costOf('claude-sonnet-4-6', { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe(18);
    expect(costOf('llama3:8b', { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe(0);
  });
});
