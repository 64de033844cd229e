import { describe, expect, it } from 'vitest';
import { activeReviewFilters, normalizeConversationList, reviewLogApiQuery, validateAuditSearch } from './audit-search';

describe('audit page URL state', () => {
  it('keeps valid keys and drops bad ones one by one', () => {
    expect(validateAuditSearch({ tab: 'activity', conversationId: 'conv-00001, conv-00002', action: 'undo', from: '2026-05-01', to: '2026-05-31', page: '3', reviewerId: 'abcDEF123' })).toEqual({
      tab: 'activity',
      conversationId: 'conv-00001,conv-00002',
      action: 'undo',
      from: '2026-05-01',
      to: '2026-05-31',
      page: 3,
      reviewerId: 'abcDEF123',
    });
    expect(validateAuditSearch({ tab: 'nope', conversationId: 'a;b', action: 'delete', from: 'yesterday', page: '0', reviewerId: 'x y' })).toEqual({});
    // The default tab is not written out, and a backwards range keeps only its start.
    expect(validateAuditSearch({ tab: 'reviews', from: '2026-06-01', to: '2026-05-01' })).toEqual({ from: '2026-06-01' });
  });

  it('turns typed lists into the canonical comma list', () => {
    expect(normalizeConversationList(' conv-00001,, conv-00002  conv-00003 ')).toBe('conv-00001,conv-00002,conv-00003');
  });

  it('builds the API query with whole local days', () => {
    const q = reviewLogApiQuery({ conversationId: 'conv-00001', from: '2026-05-01', to: '2026-05-01', page: 2 }, { paged: true });
    expect(q).toMatchObject({ conversationId: 'conv-00001', page: 2, pageSize: 50 });
    expect(new Date(q.to as string).getTime() - new Date(q.from as string).getTime()).toBe(24 * 3600 * 1000 - 1);
    expect(reviewLogApiQuery({ action: 'approve', page: 4 }, { paged: false })).toEqual({ action: 'approve' });
    expect(activeReviewFilters({ tab: 'activity', action: 'approve', from: '2026-05-01', page: 2 })).toBe(2);
  });
});
