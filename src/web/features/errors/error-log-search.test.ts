import { describe, expect, it } from 'vitest';
import { activeErrorFilters, dateBoundary, errorLogApiQuery, validateErrorLogSearch } from './error-log-search';

describe('validateErrorLogSearch', () => {
  it('keeps valid filters and drops malformed ones, key by key', () => {
    expect(
      validateErrorLogSearch({
        conversationId: 'conv-00004',
        runId: '0B5E7F5A-1C2D-4E3F-8A9B-0C1D2E3F4A5B',
        templateId: 'not-a-uuid',
        errorKind: 'auth,rate_limited',
        from: '2026-05-01',
        to: 'yesterday',
        page: '3',
      }),
    ).toEqual({ conversationId: 'conv-00004', runId: '0b5e7f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b', errorKind: 'auth,rate_limited', from: '2026-05-01', page: 3 });
  });

  it('drops page 1, odd kinds and injected text', () => {
    expect(validateErrorLogSearch({ page: 1, errorKind: 'auth; drop', conversationId: 'a b' })).toEqual({});
  });
});

describe('errorLogApiQuery', () => {
  it('always asks for failed calls, and turns local dates into whole-day ISO bounds', () => {
    const q = errorLogApiQuery({ errorKind: 'server', from: '2026-05-01', to: '2026-05-02' }, { paged: true });
    expect(q).toMatchObject({ status: 'error', errorKind: 'server', page: 1, pageSize: 50 });
    expect(new Date(q.from as string).getTime()).toBe(new Date('2026-05-01T00:00:00').getTime());
    expect(new Date(q.to as string).getTime()).toBe(new Date('2026-05-02T23:59:59.999').getTime());
  });

  it('leaves paging out of the CSV query', () => {
    expect(errorLogApiQuery({ page: 4 }, { paged: false })).toEqual({ status: 'error' });
  });

  it('counts active filters but not the page', () => {
    expect(activeErrorFilters({ page: 2, errorKind: 'auth', from: '2026-01-01' })).toBe(2);
    expect(dateBoundary('2026-01-01', 'start')).toMatch(/Z$/);
  });
});
