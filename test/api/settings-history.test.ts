import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/settings/history', () => {
  it('lists a change with who made it and the old and new values, newest first', async () => {
    expect((await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { retention: { logsDays: 30 } } })).statusCode).toBe(200);
    expect((await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { quality: { minApprovalScore: 7 } } })).statusCode).toBe(200);
    const res = await t.as('admin', { method: 'GET', url: '/api/settings/history' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items.map((i: { key: string }) => i.key)).toEqual(['quality.minApprovalScore', 'retention.logsDays']);
    expect(body.items[1]).toMatchObject({ key: 'retention.logsDays', oldValue: 90, newValue: 30, changedBy: { name: 'Test admin', email: 'admin@example.test' } });
    expect(Date.parse(body.items[1].changedAt)).not.toBeNaN();
  });

  it('shows an API key change without its value or last characters', async () => {
    const key = 'sk-ant-history-0123456789-WXYZ';
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { anthropicApiKey: key } });
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { anthropicApiKey: null } });
    const res = await t.as('admin', { method: 'GET', url: '/api/settings/history?pageSize=2' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(key);
    expect(res.body).not.toContain('WXYZ');
    const body = res.json();
    expect(body.total).toBe(4);
    expect(body.items).toEqual([
      expect.objectContaining({ key: 'anthropicApiKey', oldValue: null, newValue: 'removed' }),
      expect.objectContaining({ key: 'anthropicApiKey', oldValue: null, newValue: 'set' }),
    ]);
  });

  it('pages', async () => {
    const res = await t.as('admin', { method: 'GET', url: '/api/settings/history?page=2&pageSize=3' });
    expect(res.json().items.map((i: { key: string }) => i.key)).toEqual(['retention.logsDays']);
  });

  it.each(['generator', 'reviewer', 'viewer'] as const)('is refused to a %s', async (role) => {
    expect((await t.as(role, { method: 'GET', url: '/api/settings/history' })).statusCode).toBe(403);
  });

  it.each(['page=0', 'pageSize=1000', 'page=abc', 'sort=key'])('refuses %s', async (qs) => {
    const res = await t.as('admin', { method: 'GET', url: `/api/settings/history?${qs}` });
    expect(res.statusCode).toBe(400);
  });
});
