import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { signInCookie } from '../support/sign-in';

/**
 * Every write a session cookie can authenticate must come from convgen's own origin. The routes
 * come from the OpenAPI document, and the document is checked against the routes the server
 * really has, so a new route cannot escape this test.
 */
let t: TestApp;
let cookie: string;
const OWN_ORIGIN = 'http://localhost:3000';
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

beforeAll(async () => {
  t = await createTestApp();
  cookie = await signInCookie(t.app, 'admin@example.test', 'admin-password');
});
afterAll(() => t.close());

async function documentedWrites(): Promise<{ method: string; url: string }[]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([route, methods]) =>
    Object.keys(methods)
      .filter((m) => WRITE_METHODS.includes(m))
      .map((m) => ({ method: m.toUpperCase(), url: route.replace(/\{[^}]+\}/g, 'some-id') })),
  );
}

describe('cross-site request forgery', () => {
  it('documents every write route the server has, sign-in and sign-out included', async () => {
    const documented = new Set((await documentedWrites()).map((r) => `${r.method} ${r.url}`));
    const registered = t.app.routeList.filter((r) => WRITE_METHODS.includes(r.method.toLowerCase()) && !r.hidden);
    expect(registered.length).toBeGreaterThan(20);
    for (const r of registered) expect(documented, `${r.method} ${r.url}`).toContain(`${r.method} ${r.url.replace(/:[^/]+/g, 'some-id')}`);
    expect(documented).toContain('POST /api/auth/sign-in/email');
    expect(documented).toContain('POST /api/auth/sign-out');
    // The only hidden write is better-auth's own catch-all, checked separately below.
    expect(t.app.routeList.filter((r) => WRITE_METHODS.includes(r.method.toLowerCase()) && r.hidden).map((r) => r.url)).toEqual(['/api/auth/*']);
  });

  it('refuses a form posted with the session cookie from another origin, on every write route', async () => {
    const routes = [...(await documentedWrites()), { method: 'POST', url: '/api/auth/get-session' }];
    for (const route of routes) {
      const res = await t.app.inject({
        method: route.method as 'POST',
        url: route.url,
        headers: { cookie, origin: 'http://localhost:3001', 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'email=evil%40example.test&role=admin&password=correct-horse-battery',
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().error.code, `${route.method} ${route.url}`).toBe('cross_origin_request');
    }
  });

  it('refuses a cookie write the browser marks as cross-site, or that names no origin', async () => {
    for (const route of await documentedWrites()) {
      const sameSite = await t.app.inject({ method: route.method as 'POST', url: route.url, headers: { cookie, 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }, payload: '{}' });
      expect(sameSite.json().error?.code, `${route.method} ${route.url}`).toBe('cross_origin_request');
      const noOrigin = await t.app.inject({ method: route.method as 'POST', url: route.url, headers: { cookie, 'content-type': 'application/json' }, payload: '{}' });
      expect(noOrigin.json().error?.code, `${route.method} ${route.url}`).toBe('cross_origin_request');
    }
  });

  it('made no change: the forged admin does not exist', async () => {
    const users = await t.as('admin', { method: 'GET', url: '/api/users' });
    expect(users.json().items.map((u: { email: string }) => u.email)).not.toContain('evil@example.test');
  });

  it('lets the same writes through from convgen\'s own origin, and from API tokens', async () => {
    const own = await t.app.inject({ method: 'POST', url: '/api/notifications/read', headers: { cookie, origin: OWN_ORIGIN }, payload: { ids: 'all' } });
    expect(own.statusCode).toBe(200);
    const byHost = await t.app.inject({ method: 'POST', url: '/api/notifications/read', headers: { cookie, origin: 'http://convgen.internal:8080', host: 'convgen.internal:8080', 'sec-fetch-site': 'same-origin' }, payload: { ids: 'all' } });
    expect(byHost.statusCode).toBe(200);
    const token = await t.as('admin', { method: 'POST', url: '/api/notifications/read', headers: { origin: 'http://elsewhere.example.test' }, payload: { ids: 'all' } });
    expect(token.statusCode).toBe(200);
  });

  it('accepts form bodies only on the export download', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const users = await t.as('admin', { method: 'POST', url: '/api/users', headers: form, payload: 'email=x%40example.test&name=X&role=admin&password=correct-horse-battery' });
    expect(users.statusCode).toBe(415);
    const plain = await t.as('admin', { method: 'POST', url: '/api/users', headers: { 'content-type': 'text/plain' }, payload: '{"email":"x@example.test","name":"X","role":"admin"}' });
    expect(plain.statusCode).toBe(415);
    const download = await t.as('admin', { method: 'POST', url: '/api/exports/download', headers: form, payload: `request=${encodeURIComponent(JSON.stringify({ format: 'openai' }))}` });
    expect(download.statusCode).toBe(200);
  });
});
