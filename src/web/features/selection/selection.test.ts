import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, filterOfView, isSelected, selectedCount, selectorOf, toggleRow, toggleVisible, visibleState, type Selection } from './selection';
import { parseViewState } from '../conversations/view-state';

const row = (n: number) => ({ id: `id-${n}`, conversationId: `conv-${n}`, status: 'generated' });
const page = [row(1), row(2), row(3)];

describe('table selection', () => {
  it('keeps rows picked on another page when the header checkbox adds this page', () => {
    let s = toggleRow(EMPTY_SELECTION, row(9), [row(9)]);
    s = toggleVisible(s, page);
    expect(selectedCount(s)).toBe(4);
    expect(visibleState(s, page)).toBe(true);
    s = toggleVisible(s, page);
    expect(selectedCount(s)).toBe(1);
    expect(isSelected(s, 'id-9')).toBe(true);
  });

  it('shows a partly selected page as indeterminate', () => {
    expect(visibleState(toggleRow(EMPTY_SELECTION, row(2), page), page)).toBe('indeterminate');
    expect(visibleState(EMPTY_SELECTION, page)).toBe(false);
  });

  it('turns a whole-filter selection into the visible rows minus the one unchecked', () => {
    const all: Selection = { kind: 'filter', filter: { status: ['generated'] }, total: 500 };
    expect(selectedCount(all)).toBe(500);
    expect(isSelected(all, 'anything')).toBe(true);
    const s = toggleRow(all, row(2), page);
    expect(s.kind).toBe('rows');
    expect(Object.keys(s.kind === 'rows' ? s.rows : {})).toEqual(['id-1', 'id-3']);
  });

  it('sends ids, a filter, or all', () => {
    expect(selectorOf(toggleRow(EMPTY_SELECTION, row(1), page))).toEqual({ conversationIds: ['id-1'] });
    expect(selectorOf({ kind: 'filter', filter: { tier: ['scenario'] }, total: 3 })).toEqual({ filter: { tier: ['scenario'] } });
    expect(selectorOf({ kind: 'filter', filter: {}, total: 3 })).toEqual({ all: true });
  });

  it('takes only the filters from a view, not its sort, page or preview', () => {
    const view = parseViewState({ persona: 'a,b', status: 'failed', q: 'refund', sort: 'status', page: '3', open: 'conv-00001', qualityMin: '6' });
    expect(filterOfView(view)).toEqual({ persona: ['a', 'b'], status: ['failed'], q: 'refund', qualityMin: 6 });
  });
});
