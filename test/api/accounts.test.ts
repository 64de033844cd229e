import { sql } from 'drizzle-orm';
import { session } from '../../src/db/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashStoredSessionTokens } from '../../src/accounts/sessions';
import { createTestApp, type TestApp } from '../support/app';
import { signInCookie } from '../support/sign-in';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ demo: false });
});
afterEach(() => t.close());

const userId = async (email: string) => {
  const users = (await t.as('admin', { method: 'GET', url: '/api/users' })).json().items as { id: string; email: string; role: string; active: boolean }[];
  return users.find((u) => u.email === email)!;
};
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
const sessionTokens = async () => (await t.services.ctx.database.db.select({ token: session.token }).from(session)).map((r) => r.token);

describe('taking access away', () => {
  it('deactivating a user ends their sessions and API tokens at once, and they cannot sign in again', async () => {
    const cookie = await signInCookie(t.app, 'reviewer@example.test', 'reviewer-password');
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await t.as('reviewer', { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const reviewer = await userId('reviewer@example.test');

    const res = await t.as('admin', { method: 'PATCH', url: `/api/users/${reviewer.id}`, payload: { active: false } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: reviewer.id, active: false, endedSessions: 1, revokedTokens: 1 });

    expect((await me(cookie)).statusCode).toBe(401);
    expect((await t.as('reviewer', { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await userId('reviewer@example.test')).active).toBe(false);

    // With the right password they are told why; with a wrong one, nothing about the account.
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: 'reviewer@example.test', password: 'reviewer-password' } });
    expect(right.statusCode).toBe(403);
    expect(right.json().error.code).toBe('account_deactivated');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: 'reviewer@example.test', password: 'not-the-password' } });
    expect(wrong.statusCode).toBe(401);
    expect(await sessionTokens()).toHaveLength(0);

    const back = await t.as('admin', { method: 'PATCH', url: `/api/users/${reviewer.id}`, payload: { active: true } });
    expect(back.json().active).toBe(true);
    expect((await me(await signInCookie(t.app, 'reviewer@example.test', 'reviewer-password'))).json().role).toBe('reviewer');
  });

  it('changes a role, which takes effect on the next request', async () => {
    const cookie = await signInCookie(t.app, 'viewer@example.test', 'viewer-password');
    const viewer = await userId('viewer@example.test');
    expect((await t.as('viewer', { method: 'POST', url: '/api/runs/estimate', payload: { all: true } })).statusCode).toBe(403);
    const res = await t.as('admin', { method: 'PATCH', url: `/api/users/${viewer.id}`, payload: { role: 'generator' } });
    expect(res.json()).toMatchObject({ role: 'generator', active: true, endedSessions: 0, revokedTokens: 0 });
    expect((await me(cookie)).json().role).toBe('generator');
    expect((await t.as('viewer', { method: 'POST', url: '/api/runs/estimate', payload: { all: true } })).statusCode).toBe(200);
  });

  it('keeps the workspace administrable: no self-deactivation, never zero active admins', async () => {
    const admin = await userId('admin@example.test');
    const self = await t.as('admin', { method: 'PATCH', url: `/api/users/${admin.id}`, payload: { active: false } });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('cannot_deactivate_self');
    const demote = await t.as('admin', { method: 'PATCH', url: `/api/users/${admin.id}`, payload: { role: 'viewer' } });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error).toMatchObject({ code: 'last_admin', hint: expect.stringMatching(/another user an admin/) });
    expect((await userId('admin@example.test')).role).toBe('admin');

    // With a second admin, the first may step down.
    const generator = await userId('generator@example.test');
    await t.as('admin', { method: 'PATCH', url: `/api/users/${generator.id}`, payload: { role: 'admin' } });
    expect((await t.as('admin', { method: 'PATCH', url: `/api/users/${admin.id}`, payload: { role: 'viewer' } })).statusCode).toBe(200);
  });

  it('validates the change and refuses it to non-admins', async () => {
    const viewer = await userId('viewer@example.test');
    const cases = [{}, { role: 'owner' }, { active: 'no' }, { role: 'admin', extra: 1 }];
    for (const payload of cases) {
      const res = await t.as('admin', { method: 'PATCH', url: `/api/users/${viewer.id}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.message).toMatch(/^The (field|request)/);
    }
    expect((await t.as('admin', { method: 'PATCH', url: '/api/users/no-such-user', payload: { active: false } })).statusCode).toBe(404);
    expect((await t.as('reviewer', { method: 'PATCH', url: `/api/users/${viewer.id}`, payload: { role: 'admin' } })).statusCode).toBe(403);
    expect((await userId('viewer@example.test')).role).toBe('viewer');
  });

  it('signs a user out everywhere, and lists and revokes single API tokens', async () => {
    const cookie = await signInCookie(t.app, 'generator@example.test', 'generator-password');
    const generator = await userId('generator@example.test');
    const ended = await t.as('admin', { method: 'DELETE', url: `/api/users/${generator.id}/sessions` });
    expect(ended.json()).toEqual({ endedSessions: 1 });
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await t.as('generator', { method: 'GET', url: '/api/me' })).statusCode).toBe(200);

    const tokens = (await t.as('admin', { method: 'GET', url: `/api/users/${generator.id}/tokens` })).json().items;
    expect(tokens).toHaveLength(1);
    expect(JSON.stringify(tokens)).not.toContain('token-generator');
    expect((await t.as('admin', { method: 'DELETE', url: `/api/users/${generator.id}/tokens/${tokens[0].id}` })).statusCode).toBe(204);
    expect((await t.as('generator', { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await t.as('admin', { method: 'DELETE', url: `/api/users/${generator.id}/tokens/${tokens[0].id}` })).statusCode).toBe(404);
  });
});

describe('sessions', () => {
  it('stores only a hash of each session token and never shows the token to the page', async () => {
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: 'admin@example.test', password: 'admin-password' } });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).not.toHaveProperty('token');
    expect(signIn.json().user.email).toBe('admin@example.test');
    const setCookie = String(signIn.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    const cookie = setCookie.split(';')[0];
    const rawToken = decodeURIComponent(cookie.split('=')[1]).split('.')[0];

    const stored = await sessionTokens();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(stored[0]).not.toContain(rawToken);

    const session = await t.app.inject({ method: 'GET', url: '/api/auth/get-session', headers: { cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.body).not.toContain(rawToken);
    expect(session.json().user.email).toBe('admin@example.test');
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it('converts sessions stored before hashing without signing anyone out', async () => {
    const cookie = await signInCookie(t.app, 'admin@example.test', 'admin-password');
    const rawToken = decodeURIComponent(cookie.split('=')[1]).split('.')[0];
    // As an older version stored it: the raw token.
    await t.services.ctx.database.db.execute(sql`update session set token = ${rawToken}`);
    expect((await me(cookie)).statusCode).toBe(401);
    expect(await hashStoredSessionTokens(t.services.ctx.database.db)).toBe(1);
    expect(await hashStoredSessionTokens(t.services.ctx.database.db)).toBe(0);
    expect((await me(cookie)).statusCode).toBe(200);
  });
});

describe('passwords and sign-in limits', () => {
  it('refuses common, blank and repetitive passwords with the reason', async () => {
    for (const password of ['password', '        ', 'aaaaaaaaaaaa', 'Password123']) {
      const res = await t.as('admin', { method: 'POST', url: '/api/users', payload: { email: 'new@example.test', name: 'New', role: 'viewer', password } });
      expect(res.statusCode, JSON.stringify(password)).toBe(400);
      expect(res.json().error.code).toBe('weak_password');
    }
    expect((await t.as('admin', { method: 'GET', url: '/api/users' })).json().items.map((u: { email: string }) => u.email)).not.toContain('new@example.test');
  });

  it('one guesser does not lock out others signing in from the same address', async () => {
    const attempt = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', remoteAddress: '10.1.1.1', payload: { email, password } });
    for (let i = 0; i < 10; i++) expect((await attempt('admin@example.test', 'guess-guess')).statusCode).toBe(401);
    expect((await attempt('admin@example.test', 'admin-password')).statusCode).toBe(429);
    expect((await attempt('reviewer@example.test', 'reviewer-password')).statusCode).toBe(200);
  });
});
