import { describe, expect, it } from 'vitest';
import { activeFilterCount, parseViewState, serializeViewState } from './view-state';
import { pageWindow } from './pagination';

describe('conversation view state in the URL', () => {
  it('reads lists, numbers and the open preview, with defaults', () => {
    const view = parseViewState({ persona: 'anxious_investor,skeptical_beginner', page: '3', pageSize: '50', sort: 'qualityScore', dir: 'desc', open: 'conv-00042' });
    expect(view).toMatchObject({ persona: ['anxious_investor', 'skeptical_beginner'], page: 3, pageSize: 50, sort: 'qualityScore', dir: 'desc', open: 'conv-00042' });
    expect(parseViewState({})).toMatchObject({ page: 1, pageSize: 25, sort: 'conversationId', dir: 'asc' });
  });

  it('drops a bad value from a shared link instead of failing the page', () => {
    const view = parseViewState({ pageSize: '1000', status: 'done', persona: 'anxious_investor' });
    expect(view.pageSize).toBe(25);
    expect(view.status).toBeUndefined();
    expect(view.persona).toEqual(['anxious_investor']);
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
