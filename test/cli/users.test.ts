import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { convgen, listenForCli } from '../support/cli';

let t: TestApp;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  env = await listenForCli(t, 'admin');
});
afterAll(() => t.close());

const cli = (...args: string[]) => convgen(env, ['users', ...args]);

describe('convgen users', () => {
  it('lists users, changes a role, and takes access away at once', async () => {
    expect((await cli()).stdout).toMatch(/reviewer@example\.test\s+reviewer\s+active/);

    const promoted = await cli('set-role', 'viewer@example.test', 'generator');
    expect(promoted.stdout).toContain('viewer@example.test: generator, active');

    const tokens = await cli('tokens', 'reviewer@example.test');
    expect(tokens.stdout).toMatch(/test\s+created \d{4}-\d\d-\d\d/);
    expect(tokens.stdout).not.toContain(t.tokens.reviewer);

    expect((await t.as('reviewer', { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const gone = await cli('deactivate', 'reviewer@example.test');
    expect(gone.code).toBe(0);
    expect(gone.stdout).toContain('reviewer@example.test: reviewer, deactivated (ended 0 session(s), revoked 1 API token(s))');
    expect((await t.as('reviewer', { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await cli()).stdout).toMatch(/reviewer@example\.test\s+reviewer\s+deactivated \d{4}/);
    // Seven convgen processes one after the other: slow on a busy machine.
  }, 120_000);

  it('explains mistakes: unknown user, unknown role, the last admin', async () => {
    const unknown = await cli('deactivate', 'nobody@example.test');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no user with the email nobody@example.test');
    const badRole = await cli('set-role', 'viewer@example.test', 'owner');
    expect(badRole.stderr).toContain('Unknown role "owner"');
    const lastAdmin = await cli('set-role', 'admin@example.test', 'viewer');
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toContain('only active admin');
  }, 120_000);
});
