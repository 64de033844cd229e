import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env';
import { buildApp } from '../../src/server/app';
import { startServices, type Services } from '../../src/server/start';
import { openTestDatabase } from '../support/databases';
import type { FastifyInstance } from 'fastify';

let services: Services | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  await services?.close();
  app = services = undefined;
});

async function start(env: Record<string, string> = {}) {
  const database = await openTestDatabase('pglite', { demo: false });
  services = await startServices(loadConfig({ CONVGEN_DEMO: '0', CONVGEN_WORKER: '0', CONVGEN_SECRET: 'test-secret-test-secret-test-secret', ...env }), () => {}, database);
  app = await buildApp(services.ctx);
  return app;
}

const cookieOf = (res: { headers: Record<string, unknown> }) => {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : [String(raw)];
  return list.map((c) => c.split(';')[0]).join('; ');
};

describe('first run and sign-in', () => {
  it('creates the first admin, then signs in and out with a session cookie', async () => {
    const a = await start();
    expect((await a.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: true });
    const created = await a.inject({ method: 'POST', url: '/api/setup', payload: { name: 'Ada', email: 'ada@example.test', password: 'correct-horse' } });
    expect(created.statusCode).toBe(201);
    expect((await a.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: false });

    const again = await a.inject({ method: 'POST', url: '/api/setup', payload: { name: 'Eve', email: 'eve@example.test', password: 'correct-horse' } });
    expect(again.statusCode).toBe(409);

    const wrong = await a.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: 'ada@example.test', password: 'wrong-password' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toMatch(/do not match/);

    const signIn = await a.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: 'ada@example.test', password: 'correct-horse' } });
    expect(signIn.statusCode).toBe(200);
    const cookie = cookieOf(signIn);
    const me = await a.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ email: 'ada@example.test', role: 'admin', name: 'Ada' });
    expect((await a.inject({ method: 'GET', url: '/api/conversations', headers: { cookie } })).statusCode).toBe(200);

    const out = await a.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie, origin: 'http://localhost:3000' }, payload: {} });
    expect(out.statusCode).toBe(200);
    expect((await a.inject({ method: 'GET', url: '/api/conversations', headers: { cookie } })).statusCode).toBe(401);
  });

  it('validates the first-run form, naming the field', async () => {
    const a = await start();
    const res = await a.inject({ method: 'POST', url: '/api/setup', payload: { name: 'Ada', email: 'not-an-email', password: 'short' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("'email'");
    expect((await a.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: true });
  });

  it('takes the admin and an API token from the environment', async () => {
    const a = await start({ CONVGEN_ADMIN_EMAIL: 'ops@example.test', CONVGEN_ADMIN_PASSWORD: 'env-password', CONVGEN_API_TOKEN: 'ci-token-0123456789' });
    const me = await a.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Bearer ci-token-0123456789' } });
    expect(me.json()).toMatchObject({ email: 'ops@example.test', role: 'admin' });
    const signIn = await a.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: 'ops@example.test', password: 'env-password' } });
    expect(signIn.statusCode).toBe(200);
  });

  it('lets an admin create users with roles, refusing duplicates and unknown roles', async () => {
    const a = await start({ CONVGEN_ADMIN_EMAIL: 'ops@example.test', CONVGEN_ADMIN_PASSWORD: 'env-password', CONVGEN_API_TOKEN: 'ci-token-0123456789' });
    const auth = { authorization: 'Bearer ci-token-0123456789' };
    const created = await a.inject({ method: 'POST', url: '/api/users', headers: auth, payload: { email: 'rev@example.test', name: 'Rev', role: 'reviewer', password: 'reviewer-pass' } });
    expect(created.statusCode).toBe(201);
    expect((await a.inject({ method: 'POST', url: '/api/users', headers: auth, payload: { email: 'rev@example.test', name: 'Rev', role: 'reviewer' } })).statusCode).toBe(409);
    const badRole = await a.inject({ method: 'POST', url: '/api/users', headers: auth, payload: { email: 'x@example.test', name: 'X', role: 'owner' } });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.message).toContain("'role'");
    const signIn = await a.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: 'rev@example.test', password: 'reviewer-pass' } });
    const me = await a.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieOf(signIn) } });
    expect(me.json().role).toBe('reviewer');
  });
});

describe('invitations', () => {
  it('gives a one-time link for a user created without a password', async () => {
    const a = await start({ CONVGEN_ADMIN_EMAIL: 'ops@example.test', CONVGEN_ADMIN_PASSWORD: 'env-password', CONVGEN_API_TOKEN: 'ci-token-0123456789' });
    // The link is built from the configured address, never from the Host header the client sent.
    const created = await a.inject({ method: 'POST', url: '/api/users', headers: { authorization: 'Bearer ci-token-0123456789', host: 'attacker.example.test' }, payload: { email: 'new@example.test', name: 'Newcomer', role: 'viewer' } });
    expect(created.statusCode).toBe(201);
    const inviteUrl: string = created.json().inviteUrl;
    expect(inviteUrl).toMatch(/^http:\/\/localhost:3000\/invite\?token=/);
    expect(created.json().invitePath).toBe(new URL(inviteUrl).pathname + new URL(inviteUrl).search);
    const token = new URL(inviteUrl).searchParams.get('token')!;

    expect((await a.inject({ method: 'GET', url: `/api/invitations/${token}` })).json()).toEqual({ email: 'new@example.test', name: 'Newcomer' });
    const short = await a.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'short' } });
    expect(short.statusCode).toBe(400);

    const accepted = await a.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'my-new-password' } });
    expect(accepted.json()).toEqual({ email: 'new@example.test' });
    const signIn = await a.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: 'new@example.test', password: 'my-new-password' } });
    expect(signIn.statusCode).toBe(200);

    const reused = await a.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'another-password' } });
    expect(reused.statusCode).toBe(404);
    expect(reused.json().error.hint).toMatch(/new one/);
  });
});

describe('sign-in protection', () => {
  it('limits repeated sign-in attempts from one address and says how long to wait', async () => {
    const a = await start({ CONVGEN_ADMIN_EMAIL: 'ops@example.test', CONVGEN_ADMIN_PASSWORD: 'env-password' });
    // Each test uses its own client address: better-auth keeps its counters per process.
    const attempt = () => a.inject({ method: 'POST', url: '/api/auth/sign-in/email', remoteAddress: '10.0.0.1', payload: { email: 'ops@example.test', password: 'guess-guess' } });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt()).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'too_many_attempts', retryable: true });
    expect(limited.json().error.hint).toMatch(/Wait \d+ seconds/);
    // Another address is not affected.
    const other = await a.inject({ method: 'POST', url: '/api/auth/sign-in/email', remoteAddress: '10.0.0.3', payload: { email: 'ops@example.test', password: 'env-password' } });
    expect(other.statusCode).toBe(200);
  });

  it('ignores a client-supplied address header', async () => {
    const a = await start({ CONVGEN_ADMIN_EMAIL: 'ops@example.test', CONVGEN_ADMIN_PASSWORD: 'env-password' });
    for (let i = 0; i < 10; i++) {
      const res = await a.inject({ method: 'POST', url: '/api/auth/sign-in/email', remoteAddress: '10.0.0.2', payload: { email: 'ops@example.test', password: 'guess-guess' } });
      expect(res.statusCode).toBe(401);
    }
    const spoofed = await a.inject({ method: 'POST', url: '/api/auth/sign-in/email', remoteAddress: '10.0.0.2', headers: { 'x-convgen-client-ip': '10.9.9.9', 'x-forwarded-for': '10.9.9.9' }, payload: { email: 'ops@example.test', password: 'guess-guess' } });
    expect(spoofed.statusCode).toBe(429);
  });

  it('answers other auth errors in the standard shape', async () => {
    const a = await start();
    const res = await a.inject({ method: 'GET', url: '/api/auth/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
