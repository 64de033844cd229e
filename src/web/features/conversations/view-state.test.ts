import { describe, expect, it } from 'vitest';
import { activeFilterCount, parseViewState, serializeViewState, validateViewSearch } from './view-state';
import { pageWindow } from './pagination';

describe('conversation view state in the URL', () => {
  it('reads lists, numbers and the open preview, with defaults', () => {
    const view = parseViewState({ persona: 'anxious_investor,skeptical_beginner', page: '3', pageSize: '50', sort: 'qualityScore', dir: 'desc', open: 'conv-00042' });
    expect(view).toMatchObject({ persona: ['anxious_investor', 'skeptical_beginner'], page: 3, pageSize: 50, sort: 'qualityScore', dir: 'desc', open: 'conv-00042' });
    expect(parseViewState({})).toMatchObject({ page: 1, pageSize: 25, sort: 'conversationId', dir: 'asc' });
  });

  it('drops a bad value from a shared link instead of failing the page', () => {
    const view = parseViewState({ pageSize: '1000', status: 'done', persona: 'anxious_investor', page: 'abc', sort: 'nope', qualityMin: 'high' });
    expect(view).toMatchObject({ pageSize: 25, page: 1, sort: 'conversationId', persona: ['anxious_investor'] });
    expect(view.status).toBeUndefined();
    expect(view.qualityMin).toBeUndefined();
  });

  it('overrides every bad raw value the router would otherwise pass through', () => {
    const raw: Record<string, unknown> = { pageSize: '1000', status: 'done', page: '1', qualityMax: '11', open: 'x'.repeat(65) };
    const seen: Record<string, unknown> = { ...raw, ...validateViewSearch(raw) };
    for (const key of Object.keys(raw)) expect(seen[key], key).toBeUndefined();
  });

  it('keeps the lower bound of a quality range the wrong way round', () => {
    expect(validateViewSearch({ qualityMin: '8', qualityMax: '3' })).toMatchObject({ qualityMin: 8, qualityMax: undefined });
  });

  it('leaves defaults and empty filters out of the URL', () => {
    expect(serializeViewState(parseViewState({ persona: 'a', page: '1' }))).toEqual({ persona: ['a'] });
    expect(serializeViewState({ persona: [], q: '', page: 2 })).toEqual({ page: 2 });
  });

  it('counts active filters', () => {
    expect(activeFilterCount(parseViewState({ persona: 'a,b', tier: 'template', q: 'x' }))).toBe(4);
  });
});

describe('pageWindow', () => {
  it('shows the first, last and neighbouring pages with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 4)).toEqual([1, 2, 'gap', 4]);
    expect(pageWindow(10, 20)).toEqual([1, 'gap', 9, 10, 11, 'gap', 20]);
  });
});
