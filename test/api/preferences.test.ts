import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUTS } from '../../src/core/shortcuts';
import { createTestApp, type TestApp } from '../support/app';
import { userPreferences } from '../../src/db/schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('user preferences', () => {
  it('starts from the defaults and keeps each user their own', async () => {
    expect((await t.as('viewer', { method: 'GET', url: '/api/me/preferences' })).json()).toEqual({ toastSeconds: 5, infiniteScroll: false, autoAdvance: false, shortcuts: DEFAULT_SHORTCUTS, checklistDismissed: false });
    const changed = await t.as('reviewer', { method: 'PATCH', url: '/api/me/preferences', payload: { toastSeconds: 12, autoAdvance: true } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ toastSeconds: 12, infiniteScroll: false, autoAdvance: true, shortcuts: DEFAULT_SHORTCUTS, checklistDismissed: false });
    // A later change keeps what it does not name.
    expect((await t.as('reviewer', { method: 'PATCH', url: '/api/me/preferences', payload: { infiniteScroll: true } })).json()).toEqual({ toastSeconds: 12, infiniteScroll: true, autoAdvance: true, shortcuts: DEFAULT_SHORTCUTS, checklistDismissed: false });
    expect((await t.as('viewer', { method: 'GET', url: '/api/me/preferences' })).json().toastSeconds).toBe(5);
  });

  it('refuses bad values with the field named, changing nothing', async () => {
    for (const payload of [{ toastSeconds: 1 }, { toastSeconds: 2.5 }, { infiniteScroll: 'yes' }, { theme: 'dark' }, []]) {
      const res = await t.as('admin', { method: 'PATCH', url: '/api/me/preferences', payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await t.as('admin', { method: 'PATCH', url: '/api/me/preferences', payload: { toastSeconds: 1 } })).json().error.message).toMatch(/toastSeconds/);
    expect((await t.as('admin', { method: 'GET', url: '/api/me/preferences' })).json()).toEqual({ toastSeconds: 5, infiniteScroll: false, autoAdvance: false, shortcuts: DEFAULT_SHORTCUTS, checklistDismissed: false });
  });

  it('remaps the review shortcuts, refusing a key used twice', async () => {
    const remapped = { ...DEFAULT_SHORTCUTS, approve: 'Y', reject: 'n' };
    const ok = await t.as('reviewer', { method: 'PATCH', url: '/api/me/preferences', payload: { shortcuts: remapped } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().shortcuts).toEqual({ ...DEFAULT_SHORTCUTS, approve: 'y', reject: 'n' });
    const clash = await t.as('reviewer', { method: 'PATCH', url: '/api/me/preferences', payload: { shortcuts: { ...DEFAULT_SHORTCUTS, reject: 'a' } } });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.message).toMatch(/used for both/);
    expect((await t.as('reviewer', { method: 'GET', url: '/api/me/preferences' })).json().shortcuts.approve).toBe('y');
  });

  it('keeps keys saved before reject-and-regenerate had one, giving it its default, and lets it be rebound with Shift', async () => {
    const id = (await t.as('generator', { method: 'GET', url: '/api/me' })).json().id as string;
    const saved = { approve: 'y', reject: 'n', previous: 'ArrowLeft', next: 'ArrowRight', help: '?' };
    await t.services.ctx.database.db.insert(userPreferences).values({ userId: id, values: { shortcuts: saved } }).onConflictDoUpdate({ target: userPreferences.userId, set: { values: { shortcuts: saved } } });
    expect((await t.as('generator', { method: 'GET', url: '/api/me/preferences' })).json().shortcuts).toEqual({ ...saved, regenerate: 'Shift+g' });
    const rebound = await t.as('generator', { method: 'PATCH', url: '/api/me/preferences', payload: { shortcuts: { ...saved, regenerate: 'shift+X' } } });
    expect(rebound.statusCode, rebound.body).toBe(200);
    expect(rebound.json().shortcuts.regenerate).toBe('Shift+x');
    const clash = await t.as('generator', { method: 'PATCH', url: '/api/me/preferences', payload: { shortcuts: { ...saved, regenerate: 'Y' } } });
    expect(clash.statusCode).toBe(400);
  });

  it('needs a signed-in user', async () => {
    expect((await t.as(null, { method: 'GET', url: '/api/me/preferences' })).statusCode).toBe(401);
  });
});
