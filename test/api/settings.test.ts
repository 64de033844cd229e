import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsHistory } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('workspace settings', () => {
  it('has defaults: 3 at a time, 3 attempts, 90/365 days retention', async () => {
    const res = await t.as('viewer', { method: 'GET', url: '/api/settings' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.generation).toMatchObject({ provider: 'auto', concurrency: 3, maxTokens: 4096 });
    expect(body.generation.retryPolicy.maxAttempts).toBe(3);
    expect(body.retention).toEqual({ logsDays: 90, exportsDays: 365 });
    expect(body.secrets.anthropicApiKey).toEqual({ configured: false, last4: null, source: 'none' });
  });

  it('lets only admins change settings', async () => {
    const res = await t.as('generator', { method: 'PATCH', url: '/api/settings', payload: { generation: { concurrency: 5 } } });
    expect(res.statusCode).toBe(403);
  });

  it('stores an API key encrypted, never returns it, and switches the provider', async () => {
    const key = 'sk-ant-test-0123456789-secret-tail';
    const res = await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { anthropicApiKey: key, generation: { concurrency: 5 } } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(key);
    expect(res.json().secrets.anthropicApiKey).toEqual({ configured: true, last4: 'tail', source: 'settings' });
    expect(res.json().generation.concurrency).toBe(5);
    const stored = JSON.stringify(await t.services.ctx.database.db.select().from((await import('../../src/db/schema')).workspaceSettings));
    expect(stored).not.toContain(key);
    const provider = (await t.as('viewer', { method: 'GET', url: '/api/provider' })).json();
    expect(provider).toMatchObject({ name: 'anthropic', model: 'claude-sonnet-4-6' });
    const history = await t.services.ctx.database.db.select().from(settingsHistory);
    expect(history.map((h) => h.key)).toEqual(expect.arrayContaining(['generation.concurrency', 'anthropicApiKey']));
    expect(JSON.stringify(history)).not.toContain(key);
    // Removing the key goes back to the offline generator.
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { anthropicApiKey: null } });
    expect((await t.as('viewer', { method: 'GET', url: '/api/provider' })).json().name).toBe('offline');
  });

  it.each([
    [{ generation: { concurrency: 0 } }, 'generation'],
    [{ generation: { provider: 'gemini' } }, 'generation'],
    [{ retention: { logsDays: -1 } }, 'retention'],
    [{ nonsense: true }, 'nonsense'],
  ])('refuses %j, naming the field, and changes nothing', async (payload, field) => {
    const before = (await t.as('admin', { method: 'GET', url: '/api/settings' })).json();
    const res = await t.as('admin', { method: 'PATCH', url: '/api/settings', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(`'${field}`);
    expect((await t.as('admin', { method: 'GET', url: '/api/settings' })).json()).toEqual(before);
  });
});

describe('partial updates', () => {
  it('changes only the fields named, keeping the others', async () => {
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { budget: { defaultSpendingLimitUsd: 25 }, generation: { concurrency: 4, rateLimitPreset: 'anthropic-tier-2' } } });
    const after = (await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { budget: { warnAtPercent: 90 }, generation: { maxTokens: 2048 } } })).json();
    expect(after.budget).toEqual({ defaultSpendingLimitUsd: 25, warnAtPercent: 90 });
    expect(after.generation).toMatchObject({ concurrency: 4, rateLimitPreset: 'anthropic-tier-2', maxTokens: 2048 });
  });
});
