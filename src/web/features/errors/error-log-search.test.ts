import { describe, expect, it } from 'vitest';
import { activeErrorFilters, errorLogApiQuery, validateErrorLogSearch } from './error-log-search';

/** What the page reads: the router lays the validated search over the raw one. */
const seen = (raw: Record<string, unknown>) => ({ ...raw, ...validateErrorLogSearch(raw) });

describe('validateErrorLogSearch', () => {
  it('keeps valid filters and drops malformed ones, key by key', () => {
    expect(
      seen({
        conversationId: 'conv-00004',
        runId: '0b5e7f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
        templateId: 'not-a-uuid',
        errorKind: 'auth,rate_limited',
        from: '2026-05-01',
        to: 'yesterday',
        page: '3',
      }),
    ).toEqual({ conversationId: 'conv-00004', runId: '0b5e7f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b', templateId: undefined, errorKind: ['auth', 'rate_limited'], from: '2026-05-01', to: undefined, page: 3 });
  });

  it('leaves no bad date for the page to read: ?from=abc opens the unfiltered log (the page used to crash)', () => {
    for (const bad of ['abc', '2026-02-30', '2026-13-01', '20260501', '']) {
      const search = seen({ from: bad, to: bad });
      expect(search.from).toBeUndefined();
      expect(search.to).toBeUndefined();
      expect(() => errorLogApiQuery(search, { paged: true })).not.toThrow();
    }
  });

  it('drops page 1, bad pages, odd kinds; a range the wrong way round keeps its start', () => {
    expect(validateErrorLogSearch({ page: 1, errorKind: 'auth; drop' })).toMatchObject({ page: undefined, errorKind: undefined });
    expect(seen({ page: 'abc' }).page).toBeUndefined();
    expect(seen({ page: '0' }).page).toBeUndefined();
    expect(validateErrorLogSearch({ from: '2026-06-01', to: '2026-05-01' })).toMatchObject({ from: '2026-06-01', to: undefined });
  });

  it('reads its own output again unchanged (lists come back as arrays after navigation)', () => {
    const once = validateErrorLogSearch({ errorKind: 'auth,timeout', page: '2' });
    expect(validateErrorLogSearch(once)).toEqual(once);
  });
});

describe('errorLogApiQuery', () => {
  it('always asks for failed calls, and turns local dates into whole-day ISO bounds', () => {
    const q = errorLogApiQuery({ errorKind: ['server'], from: '2026-05-01', to: '2026-05-02' }, { paged: true });
    expect(q).toMatchObject({ status: 'error', errorKind: ['server'], page: 1, pageSize: 50 });
    expect(new Date(q.from as string).getTime()).toBe(new Date('2026-05-01T00:00:00').getTime());
    expect(new Date(q.to as string).getTime()).toBe(new Date('2026-05-02T23:59:59.999').getTime());
  });

  it('leaves paging out of the CSV query', () => {
    expect(errorLogApiQuery({ page: 4 }, { paged: false })).toEqual({ status: 'error' });
  });

  it('counts active filters but not the page', () => {
    expect(activeErrorFilters({ page: 2, errorKind: ['auth'], from: '2026-01-01' })).toBe(2);
  });
});
