import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/contract/runs';
import type { RateLimitsView } from '../../src/contract/settings';
import { providerRateLimits } from '../../src/db/schema';
import { accountFingerprint } from '../../src/generation/providers/account';
import { limiterState } from '../../src/generation/provider-limiters';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-fake';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-fake';
import { createTestApp, type TestApp } from '../support/app';
import { waitFor } from '../support/wait';

/**
 * Nothing configured: the workspace learns each provider's limits from the headers of its
 * answers, shows them on the Settings page and in run progress, and an admin's value wins.
 */
let anthropic: FakeAnthropic;
let openai: FakeOpenAI;
let t: TestApp;
const KEY = 'sk-ant-learned-limits-test';
beforeAll(async () => {
  anthropic = await startFakeAnthropic({ latencyMs: 30, requestsPerMinute: 30, inputTokensPerMinute: 200_000, outputTokensPerMinute: 100_000 });
  openai = await startFakeOpenAI({ latencyMs: 30, requestsPerMinute: 40, inputTokensPerMinute: 60_000 });
  t = await createTestApp({ worker: true, env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: anthropic.url } });
  // The model only; the rate-limit settings stay as a new workspace has them.
  expect((await patch({ anthropicModel: 'claude-haiku-4-5' })).statusCode).toBe(200);
}, 120_000);
afterAll(async () => {
  await t.close();
  await anthropic.close();
  await openai.close();
});

const view = async () => (await t.as('admin', { method: 'GET', url: '/api/settings/rate-limits' })).json<RateLimitsView>();
const field = (v: RateLimitsView, name: RateLimitsView['fields'][number]['field']) => v.fields.find((f) => f.field === name);
const patch = (generation: Record<string, unknown>) => t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { generation } });

async function generate(conversationIds: string[]): Promise<RunProgress> {
  const res = await t.as('admin', { method: 'POST', url: '/api/runs', payload: { conversationIds, regenerate: true } });
  expect(res.statusCode, res.body).toBe(201);
  const { runId } = res.json<{ runId: string }>();
  return waitFor(
    async () => {
      const p = (await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress>();
      return p.status === 'completed' && p.inProgress === 0 ? p : null;
    },
    { timeoutMs: 30_000 },
  );
}

describe('rate limits learned from the provider', () => {
  it('starts from Anthropic’s tier 1 as an assumption, to be replaced by what the first answer says', async () => {
    expect((await t.as('admin', { method: 'GET', url: '/api/settings' })).json().generation).toMatchObject({ rateLimitPreset: 'learn', rateLimitOverrides: {} });
    const before = await view();
    expect(before).toMatchObject({ provider: 'anthropic', model: 'claude-haiku-4-5', mode: 'learn', announced: null, others: [] });
    expect(field(before, 'requestsPerMinute')).toEqual({ field: 'requestsPerMinute', value: 50, source: 'fallback' });
  });

  it('learns Anthropic’s limits from its headers: one call first, then as many at a time as the workspace allows', async () => {
    const done = await generate(['conv-00061', 'conv-00062', 'conv-00063']);
    expect(done).toMatchObject({ succeeded: 3, failed: 0 });
    const calls = anthropic.requests.filter((r) => r.path === '/v1/messages');
    expect(calls).toHaveLength(3);
    // The first call went alone; the other two together once its answer had told the limits.
    expect(calls[0].finishedAt!).toBeLessThanOrEqual(calls[1].arrivedAt);
    expect(anthropic.stats().maxConcurrent).toBe(2);
    expect(done.providerLimits).toMatchObject({ requestsPerMinute: 30, inputTokensPerMinute: 200_000, outputTokensPerMinute: 100_000, tokensPerMinute: null });

    const after = await view();
    expect(after.announced).toMatchObject({ requestsPerMinute: 30, inputTokensPerMinute: 200_000, outputTokensPerMinute: 100_000, tokensPerMinute: null });
    expect(Date.now() - Date.parse(after.announced!.observedAt)).toBeLessThan(60_000);
    expect(after.fields.map((f) => [f.field, f.value, f.source])).toEqual([
      ['requestsPerMinute', 30, 'provider'],
      ['inputTokensPerMinute', 200_000, 'provider'],
      ['outputTokensPerMinute', 100_000, 'provider'],
      ['tokensPerMinute', null, 'none'],
    ]);
    // Stored under a fingerprint of the key, never the key.
    const rows = await t.services.ctx.database.db.select().from(providerRateLimits);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ provider: 'anthropic', model: 'claude-haiku-4-5', account: accountFingerprint(KEY, anthropic.url), requestsPerMinute: 30 });
    expect(JSON.stringify(rows)).not.toContain(KEY.slice(7));
  });

  it('lets an admin’s own value win while it is below what the provider allows', async () => {
    expect((await patch({ rateLimitOverrides: { requestsPerMinute: 12 } })).statusCode).toBe(200);
    expect(field(await view(), 'requestsPerMinute')).toEqual({ field: 'requestsPerMinute', value: 12, source: 'override' });
    await generate(['conv-00064']);
    const limiter = limiterState({ provider: 'anthropic', account: accountFingerprint(KEY, anthropic.url), model: 'claude-haiku-4-5' });
    expect(limiter?.limits).toMatchObject({ requestsPerMinute: 12, inputTokensPerMinute: 200_000 });
    expect(limiter?.sources.requestsPerMinute).toBe('override');
    // Above what the provider allows, the provider's limit holds: it would refuse the rest.
    expect((await patch({ rateLimitOverrides: { requestsPerMinute: 500 } })).statusCode).toBe(200);
    expect(field(await view(), 'requestsPerMinute')).toEqual({ field: 'requestsPerMinute', value: 30, source: 'provider' });
    expect((await patch({ rateLimitOverrides: {} })).statusCode).toBe(200);
  });

  it('refuses values that are not limits, naming the field', async () => {
    const negative = await patch({ rateLimitOverrides: { requestsPerMinute: -5 } });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details.field).toBe('generation.rateLimitOverrides.requestsPerMinute');
    expect((await patch({ rateLimitOverrides: { requestsPerHour: 5 } })).statusCode).toBe(400);
    expect((await patch({ rateLimitPreset: 'anthropic-tier-9' })).statusCode).toBe(400);
  });

  it('learns an OpenAI-compatible server’s requests and token limits from x-ratelimit headers', async () => {
    expect((await patch({ provider: 'openai', openaiBaseUrl: `${openai.url}/v1`, openaiModel: 'gpt-4o-mini' })).statusCode).toBe(200);
    const before = await view();
    // Its own fallback, not Anthropic's tier 1.
    expect(field(before, 'requestsPerMinute')).toEqual({ field: 'requestsPerMinute', value: 500, source: 'fallback' });
    const done = await generate(['conv-00065', 'conv-00066']);
    expect(done.providerLimits).toMatchObject({ requestsPerMinute: 40, tokensPerMinute: 60_000, inputTokensPerMinute: null });
    const after = await view();
    expect(after).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(after.fields.filter((f) => f.value !== null).map((f) => [f.field, f.value, f.source])).toEqual([
      ['requestsPerMinute', 40, 'provider'],
      ['tokensPerMinute', 60_000, 'provider'],
    ]);
    expect(after.others).toEqual([expect.objectContaining({ provider: 'anthropic', model: 'claude-haiku-4-5', requestsPerMinute: 30 })]);
  });
});
