import { describe, expect, it } from 'vitest';
import { compareValue, parseCompareEntry, toggleCompare, validateAnalyticsSearch } from './analytics-search';

describe('template analytics URL state', () => {
  it('reads sort, filters, plotted templates and compared entries, dropping bad values', () => {
    expect(validateAnalyticsSearch({ sort: 'quality', order: 'asc', tier: 'scenario', minQuality: '7.5', plot: 'a,b', compare: 'a,b@2', bucket: 'week' })).toMatchObject({
      sort: 'quality',
      order: 'asc',
      tier: 'scenario',
      minQuality: 7.5,
      plot: ['a', 'b'],
      compare: ['a', 'b@2'],
      bucket: 'week',
    });
    expect(validateAnalyticsSearch({ sort: 'name', tier: 'tier9', minQuality: '12', compare: 'a,b,c,d,e', bucket: 'year' })).toEqual({
      sort: undefined,
      order: undefined,
      tier: undefined,
      minQuality: undefined,
      plot: undefined,
      compare: undefined,
      bucket: undefined,
    });
  });

  it('toggles compared entries up to four', () => {
    expect(toggleCompare(undefined, 'a')).toEqual(['a']);
    expect(toggleCompare(['a'], 'a')).toBeUndefined();
    expect(toggleCompare(['a', 'b', 'c', 'd'], 'e')).toEqual(['a', 'b', 'c', 'd']);
    expect(parseCompareEntry('triumph@3')).toEqual({ key: 'triumph', version: 3 });
    expect(compareValue(parseCompareEntry('triumph'))).toBe('triumph');
  });
});
