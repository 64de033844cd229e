import { describe, expect, it } from 'vitest';
import { binWidth, summarizePreflight, tokenHistogram, type PreflightItem } from './preflight-summary';

const item = (n: number, tokens: number | null, assistantTokens: number | null = tokens === null ? null : Math.floor(tokens / 2), refusedReason: string | null = null): PreflightItem => ({
  id: `id-${n}`,
  conversationId: `conv-${String(n).padStart(5, '0')}`,
  tokens,
  assistantTokens,
  refusedReason,
});

describe('summarizePreflight', () => {
  it('takes percentiles over rendered conversations and counts those over the limit', () => {
    const items = [100, 200, 300, 400, 5000].map((t, i) => item(i, t));
    const s = summarizePreflight(items, 4096);
    expect(s.count).toBe(5);
    expect(s.tokens).toEqual({ p50: 300, p95: 5000, max: 5000 });
    expect(s.overLimit).toBe(1);
    expect(s.overLimitItems).toEqual([{ id: 'id-4', conversationId: 'conv-00004', tokens: 5000 }]);
  });

  it('lists refusals with their reason and leaves them out of the percentiles and the share', () => {
    const s = summarizePreflight([item(1, 100, 25), item(2, null, null, 'Conversation roles must alternate')], 4096);
    expect(s.count).toBe(2);
    expect(s.refused).toEqual([{ id: 'id-2', conversationId: 'conv-00002', reason: 'Conversation roles must alternate' }]);
    expect(s.tokens.max).toBe(100);
    expect(s.assistantTokenShare).toBe(0.25);
  });

  it('weighs the assistant share by tokens, not by conversation', () => {
    const s = summarizePreflight([item(1, 100, 10), item(2, 900, 600)], 4096);
    expect(s.assistantTokenShare).toBeCloseTo(0.61);
  });

  it('answers zeros for nothing', () => {
    const s = summarizePreflight([], 4096);
    expect(s).toMatchObject({ count: 0, tokens: { p50: 0, p95: 0, max: 0 }, overLimit: 0, assistantTokenShare: 0, histogram: [] });
  });

  it('a conversation exactly at the limit fits', () => {
    expect(summarizePreflight([item(1, 4096)], 4096).overLimit).toBe(0);
  });
});

describe('tokenHistogram', () => {
  it('covers the limit and the longest conversation, the limit on a bin edge', () => {
    const bins = tokenHistogram([10, 500, 900, 5000], 4096);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(4);
    expect(bins.some((b) => b.from === 4096)).toBe(true);
    expect(bins.filter((b) => b.overLimit).reduce((s, b) => s + b.count, 0)).toBe(1);
    expect(bins.at(-1)!.to).toBeGreaterThan(5000);
  });

  it('keeps whole-token bins with a limit such as 512 on an edge', () => {
    const bins = tokenHistogram([900, 1107], 512);
    expect(bins.every((b) => Number.isInteger(b.from) && Number.isInteger(b.to))).toBe(true);
    expect(bins.some((b) => b.from === 512)).toBe(true);
    expect(bins.length).toBeLessThanOrEqual(31);
  });

  it('rounds bin widths to 1, 2 or 5 times a power of ten', () => {
    expect(binWidth(3000)).toBe(100);
    expect(binWidth(4096)).toBe(200);
    expect(binWidth(10)).toBe(1);
  });
});
