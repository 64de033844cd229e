import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashKey, partialMatchKey, type QueryKey } from '@tanstack/react-query';
import { endpoints, queries, queryKeys } from './endpoints';

/** Whether invalidating `prefix` reaches `key` (what invalidateQueries({ queryKey: prefix }) matches). */
const covers = (prefix: QueryKey, key: QueryKey) => partialMatchKey(key, prefix);

describe('query-key factory', () => {
  it('keeps every conversation list under conversations.all, and nothing else there', () => {
    const all = queryKeys.conversations.all;
    for (const key of [
      queryKeys.conversations.list({ persona: ['anxious_investor'], page: 2 }),
      queryKeys.conversations.pages({ status: ['failed'] }),
      queryKeys.conversations.total(),
      queryKeys.conversations.failedCount(),
      queryKeys.conversations.sample({ tier: ['template'] }),
    ]) {
      expect(covers(all, key)).toBe(true);
    }
    // A single conversation is refreshed on its own: a list refresh must not refetch every open detail.
    expect(covers(all, queryKeys.conversation.detail('conv-00001'))).toBe(false);
    expect(covers(all, queryKeys.runs.recent())).toBe(false);
  });

  it("puts a conversation's audit trail under its detail, so a review refreshes an open trail", () => {
    const detail = queryKeys.conversation.detail('conv-00042');
    expect(covers(detail, queryKeys.conversation.audit('conv-00042'))).toBe(true);
    expect(covers(queryKeys.conversation.all, queryKeys.conversation.audit('conv-00042'))).toBe(true);
    expect(covers(detail, queryKeys.conversation.detail('conv-00043'))).toBe(false);
    expect(covers(queryKeys.conversation.detail('conv-0004'), queryKeys.conversation.detail('conv-00042'))).toBe(false);
  });

  it('groups each family under its prefix', () => {
    expect(covers(queryKeys.runs.all, queryKeys.runs.recent())).toBe(true);
    expect(covers(queryKeys.runs.all, queryKeys.runs.detail('r1'))).toBe(true);
    expect(covers(queryKeys.generationLogs.all, queryKeys.generationLogs.list({ status: 'error' }))).toBe(true);
    expect(covers(queryKeys.generationLogs.all, queryKeys.generationLogs.detail('l1'))).toBe(true);
    expect(covers(queryKeys.audit.all, queryKeys.audit.reviews({ page: 1 }))).toBe(true);
    expect(covers(queryKeys.settings.history.all, queryKeys.settings.history.page({ page: 3 }))).toBe(true);
    // Saving settings refreshes the history, not the settings it has just put in the cache.
    expect(covers(queryKeys.settings.history.all, queryKeys.settings.current())).toBe(false);
    expect(covers(queryKeys.exports.all, queryKeys.exports.history({ page: 1 }))).toBe(true);
  });

  it('gives equal queries one key whatever the key order or unset values, and different queries different keys', () => {
    const a = hashKey(queryKeys.conversations.list({ persona: ['a'], page: 2, q: undefined }));
    const b = hashKey(queryKeys.conversations.list({ page: 2, persona: ['a'] }));
    expect(a).toBe(b);
    expect(hashKey(queryKeys.conversations.list({ page: 3, persona: ['a'] }))).not.toBe(a);
    expect(hashKey(queryKeys.conversations.list({ page: 2 }))).not.toBe(hashKey(queryKeys.conversations.pages({})));
  });

  it('pairs each read with its own key', () => {
    expect(queries.conversation('conv-00001').queryKey).toEqual(queryKeys.conversation.detail('conv-00001'));
    expect(queries.conversationAudit('conv-00001').queryKey).toEqual(queryKeys.conversation.audit('conv-00001'));
    expect(queries.failedCount().queryKey).toEqual(queryKeys.conversations.failedCount());
    expect(queries.settingsHistory({ page: 2, pageSize: 20 }).queryKey).toEqual(queryKeys.settings.history.page({ page: 2, pageSize: 20 }));
  });
});

describe('endpoints', () => {
  const calls: { url: string; method: string; body: unknown }[] = [];
  const fetchStub = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method ?? 'GET', body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    return new Response(JSON.stringify({ ok: true }), { status: 200 });
  });

  afterEach(() => {
    calls.length = 0;
    vi.unstubAllGlobals();
  });

  it('writes list queries as the API reads them: lists comma-separated, unset values left out', async () => {
    vi.stubGlobal('fetch', fetchStub);
    await endpoints.conversations.list({ persona: ['anxious_investor', 'skeptical_beginner'], status: [], q: '', page: 2, pageSize: 50 });
    await endpoints.generationLogs.list({ status: 'error', errorKind: ['auth', 'timeout'], from: undefined });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/conversations?persona=anxious_investor%2Cskeptical_beginner&page=2&pageSize=50', 'GET /api/generation-logs?status=error&errorKind=auth%2Ctimeout']);
  });

  it('escapes ids in paths and sends bodies as JSON', async () => {
    vi.stubGlobal('fetch', fetchStub);
    await endpoints.conversations.detail('conv/../1');
    await endpoints.conversations.review('c1', { action: 'reject', notes: 'too short' });
    await endpoints.runs.control('r1', 'pause');
    await endpoints.runs.create({ filter: { status: ['failed'] }, notifyEmail: true });
    expect(calls).toEqual([
      { url: '/api/conversations/conv%2F..%2F1', method: 'GET', body: undefined },
      { url: '/api/conversations/c1/review', method: 'POST', body: { action: 'reject', notes: 'too short' } },
      { url: '/api/runs/r1/pause', method: 'POST', body: {} },
      { url: '/api/runs', method: 'POST', body: { filter: { status: ['failed'] }, notifyEmail: true } },
    ]);
  });

  it('builds the CSV download links from the same queries', () => {
    expect(endpoints.generationLogs.csvUrl({ status: 'error', conversationId: 'conv-00004' })).toBe('/api/generation-logs.csv?status=error&conversationId=conv-00004');
    expect(endpoints.audit.reviewsCsvUrl({ conversationId: ['conv-1', 'conv-2'], action: 'undo' })).toBe('/api/audit/reviews.csv?conversationId=conv-1%2Cconv-2&action=undo');
    expect(endpoints.audit.activityCsvUrl({})).toBe('/api/reports/activity.csv');
    expect(endpoints.exports.historyCsvUrl({ sort: 'user', minCount: 5 })).toBe('/api/exports.csv?sort=user&minCount=5');
  });
});
