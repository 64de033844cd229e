import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderStatus } from '../../src/contract/system';
import { createTestApp, type TestApp } from '../support/app';

/** What the offline banner says rests on this: a key saved in Settings is used by the next run, no restart. */
describe('GET /api/provider says why the offline generator is used', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const provider = async () => (await t.as('viewer', { method: 'GET', url: '/api/provider' })).json<ProviderStatus>();
  const patch = async (payload: object) => expect((await t.as('admin', { method: 'PATCH', url: '/api/settings', payload })).statusCode).toBe(200);

  it('for want of a key, which a key saved in Settings ends at once, without a restart', async () => {
    expect(await provider()).toMatchObject({ name: 'offline', offlineCause: 'no_key' });
    await patch({ anthropicApiKey: 'sk-ant-test-0123456789-offline-cause' });
    expect(await provider()).toMatchObject({ name: 'anthropic', offlineCause: null });
    await patch({ anthropicApiKey: null });
    expect(await provider()).toMatchObject({ name: 'offline', offlineCause: 'no_key' });
  });

  it('because the workspace chose it in Settings, even with a key saved', async () => {
    await patch({ anthropicApiKey: 'sk-ant-test-0123456789-offline-cause', generation: { provider: 'offline' } });
    expect(await provider()).toMatchObject({ name: 'offline', offlineCause: 'settings' });
    await patch({ generation: { provider: 'auto' } });
    expect(await provider()).toMatchObject({ name: 'anthropic', offlineCause: null });
    await patch({ anthropicApiKey: null });
  });
});

describe('GET /api/provider with CONVGEN_PROVIDER=offline', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CONVGEN_PROVIDER: 'offline' } });
  });
  afterAll(() => t.close());

  it('names the environment, which overrides a key and a provider chosen in Settings', async () => {
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { anthropicApiKey: 'sk-ant-test-0123456789-offline-cause', generation: { provider: 'anthropic' } } });
    expect((await t.as('viewer', { method: 'GET', url: '/api/provider' })).json()).toMatchObject({ name: 'offline', offlineCause: 'environment' });
  });
});
