import { describe, expect, it } from 'vitest';
import { activeReviewFilters, activityApiQuery, parseConversationList, reviewLogApiQuery, validateAuditSearch } from './audit-search';

/** What the page reads: the router lays the validated search over the raw one. */
const seen = (raw: Record<string, unknown>) => ({ ...raw, ...validateAuditSearch(raw) });

describe('audit page URL state', () => {
  it('keeps valid keys and drops bad ones one by one', () => {
    expect(seen({ tab: 'activity', conversationId: 'conv-00001, conv-00002', action: 'undo', from: '2026-05-01', to: '2026-05-31', page: '3', reviewerId: 'abcDEF123' })).toEqual({
      tab: 'activity',
      conversationId: ['conv-00001', 'conv-00002'],
      action: 'undo',
      from: '2026-05-01',
      to: '2026-05-31',
      page: 3,
      reviewerId: 'abcDEF123',
    });
    const bad = seen({ tab: 'nope', conversationId: 'a;b', action: 'delete', from: 'yesterday', page: '0', reviewerId: '' });
    expect(Object.values(bad).filter((v) => v !== undefined)).toEqual([]);
    // The default tab is not written out, and a backwards range keeps only its start.
    expect(seen({ tab: 'reviews', from: '2026-06-01', to: '2026-05-01' })).toMatchObject({ tab: undefined, from: '2026-06-01', to: undefined });
  });

  it('leaves no bad date for the page to read: ?from=abc opens every event (the page used to crash)', () => {
    const search = seen({ from: 'abc', to: '2026-02-31' });
    expect(search.from).toBeUndefined();
    expect(search.to).toBeUndefined();
    expect(() => reviewLogApiQuery(search, { paged: true })).not.toThrow();
    expect(activityApiQuery(search)).toEqual({});
  });

  it('turns typed lists into conversation ids', () => {
    expect(parseConversationList(' conv-00001,, conv-00002  conv-00003 ')).toEqual(['conv-00001', 'conv-00002', 'conv-00003']);
  });

  it('builds the API query with whole local days', () => {
    const q = reviewLogApiQuery({ conversationId: ['conv-00001'], from: '2026-05-01', to: '2026-05-01', page: 2 }, { paged: true });
    expect(q).toMatchObject({ conversationId: ['conv-00001'], page: 2, pageSize: 50 });
    expect(new Date(q.to as string).getTime() - new Date(q.from as string).getTime()).toBe(24 * 3600 * 1000 - 1);
    expect(reviewLogApiQuery({ action: 'approve', page: 4 }, { paged: false })).toEqual({ action: 'approve' });
    expect(activeReviewFilters({ tab: 'activity', action: 'approve', from: '2026-05-01', page: 2 })).toBe(2);
  });
});
