import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationListResponse, ConversationPosition, StatusCounts } from '../../src/contract/conversations';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = async <T>(url: string) => {
  const res = await t.as('viewer', { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};

describe('GET /api/conversations/:id/position', () => {
  it('gives the position and page of a conversation in the sorted list, matching the list itself', async () => {
    const page3 = await get<ConversationListResponse>('/api/conversations?sort=topic&dir=desc&page=3&pageSize=25');
    const target = page3.items[7];
    const found = await get<ConversationPosition>(`/api/conversations/${target.conversationId}/position?sort=topic&dir=desc&pageSize=25`);
    expect(found).toEqual({ position: 2 * 25 + 8, total: page3.total, page: 3 });
  });

  it('counts only the rows the filter keeps', async () => {
    const filtered = await get<ConversationListResponse>('/api/conversations?tier=scenario&pageSize=100');
    const last = filtered.items.at(-1)!;
    const found = await get<ConversationPosition>(`/api/conversations/${last.id}/position?tier=scenario&pageSize=25`);
    expect(found.total).toBe(filtered.total);
    expect(found.position).toBe(filtered.total);
    expect(found.page).toBe(Math.ceil(filtered.total / 25));
  });

  it('answers null when the filter leaves the conversation out', async () => {
    const template = (await get<ConversationListResponse>('/api/conversations?tier=template')).items[0];
    const found = await get<ConversationPosition>(`/api/conversations/${template.conversationId}/position?tier=edge_case`);
    expect(found.position).toBeNull();
    expect(found.page).toBeNull();
    expect(found.total).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown conversation and 400 for a bad query', async () => {
    expect((await t.as('viewer', { method: 'GET', url: '/api/conversations/conv-99999/position' })).statusCode).toBe(404);
    const bad = await t.as('viewer', { method: 'GET', url: '/api/conversations/conv-00001/position?sort=nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/sort/);
  });
});

describe('GET /api/conversations/status-counts', () => {
  it('counts every status within the other filters, ignoring the status filter', async () => {
    const all = await get<StatusCounts>('/api/conversations/status-counts');
    expect(all.total).toBe(96);
    expect(Object.values(all.counts).reduce((a, b) => a + b, 0)).toBe(96);
    expect(all.counts.not_generated).toBe(90);
    const scenario = await get<StatusCounts>('/api/conversations/status-counts?tier=scenario&status=approved');
    const listed = await get<ConversationListResponse>('/api/conversations?tier=scenario');
    expect(scenario.total).toBe(listed.total);
    for (const [status, n] of Object.entries(scenario.counts)) {
      expect((await get<ConversationListResponse>(`/api/conversations?tier=scenario&status=${status}`)).total).toBe(n);
    }
  });

  it('refuses paging keys and bad values', async () => {
    expect((await t.as('viewer', { method: 'GET', url: '/api/conversations/status-counts?page=2' })).statusCode).toBe(400);
    expect((await t.as('viewer', { method: 'GET', url: '/api/conversations/status-counts?qualityMin=9&qualityMax=2' })).statusCode).toBe(400);
    expect((await t.as(null, { method: 'GET', url: '/api/conversations/status-counts' })).statusCode).toBe(401);
  });
});
