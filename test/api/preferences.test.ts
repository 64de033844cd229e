import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('user preferences', () => {
  it('starts from the defaults and keeps each user their own', async () => {
    expect((await t.as('viewer', { method: 'GET', url: '/api/me/preferences' })).json()).toEqual({ toastSeconds: 5, infiniteScroll: false, autoAdvance: false });
    const changed = await t.as('reviewer', { method: 'PATCH', url: '/api/me/preferences', payload: { toastSeconds: 12, autoAdvance: true } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ toastSeconds: 12, infiniteScroll: false, autoAdvance: true });
    // A later change keeps what it does not name.
    expect((await t.as('reviewer', { method: 'PATCH', url: '/api/me/preferences', payload: { infiniteScroll: true } })).json()).toEqual({ toastSeconds: 12, infiniteScroll: true, autoAdvance: true });
    expect((await t.as('viewer', { method: 'GET', url: '/api/me/preferences' })).json().toastSeconds).toBe(5);
  });

  it('refuses bad values with the field named, changing nothing', async () => {
    for (const payload of [{ toastSeconds: 1 }, { toastSeconds: 2.5 }, { infiniteScroll: 'yes' }, { theme: 'dark' }, []]) {
      const res = await t.as('admin', { method: 'PATCH', url: '/api/me/preferences', payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await t.as('admin', { method: 'PATCH', url: '/api/me/preferences', payload: { toastSeconds: 1 } })).json().error.message).toMatch(/toastSeconds/);
    expect((await t.as('admin', { method: 'GET', url: '/api/me/preferences' })).json()).toEqual({ toastSeconds: 5, infiniteScroll: false, autoAdvance: false });
  });

  it('needs a signed-in user', async () => {
    expect((await t.as(null, { method: 'GET', url: '/api/me/preferences' })).statusCode).toBe(401);
  });
});
