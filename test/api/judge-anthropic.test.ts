import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../src/contract/conversations';
import type { RunProgress } from '../../src/contract/runs';
import { generationLogs } from '../../src/db/schema';
import { resetProviderLimiters } from '../../src/generation/provider-limiters';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-fake';
import { JUDGE_TOOL } from '../fakes/judge-output';
import { createTestApp, type TestApp } from '../support/app';
import { waitFor } from '../support/wait';

let fake: FakeAnthropic;
let t: TestApp;
beforeAll(async () => {
  fake = await startFakeAnthropic({ latencyMs: 20, requestsPerMinute: 1000 });
  t = await createTestApp({ worker: true, env: { ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: fake.url, CONVGEN_MODEL: 'claude-haiku-4-5' } });
  await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { generation: { rateLimitPreset: 'anthropic-tier-4' } } });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  resetProviderLimiters();
});

const detail = async (id: string) => (await t.as('viewer', { method: 'GET', url: `/api/conversations/${id}` })).json<ConversationDetail>();
const judgeCalls = () => fake.requests.filter((r) => (r.body as { tool_choice?: { name?: string } } | null)?.tool_choice?.name === JUDGE_TOOL);
const runToEnd = async (payload: Record<string, unknown>) => {
  const res = await t.as('admin', { method: 'POST', url: '/api/runs', payload });
  expect(res.statusCode, res.body).toBe(201);
  const { runId } = res.json<{ runId: string }>();
  return waitFor(async () => {
    const p = (await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress & { id: string }>();
    return p.status === 'completed' && p.inProgress === 0 ? { ...p, runId } : null;
  }, { timeoutMs: 30_000 });
};

describe('the LLM judge with Claude (fake Messages API)', () => {
  it('judges each conversation a run stores when enabled, through a forced tool, and counts its cost in the run', async () => {
    const enable = await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { quality: { judgeEnabled: true } } });
    expect(enable.statusCode, enable.body).toBe(200);
    const done = await runToEnd({ conversationIds: ['conv-00010', 'conv-00011'] });
    expect(done).toMatchObject({ succeeded: 2, failed: 0 });
    expect(judgeCalls()).toHaveLength(2);
    for (const id of ['conv-00010', 'conv-00011']) {
      const c = await detail(id);
      expect(c.judge).toMatchObject({ rationale: expect.any(String) });
      expect(c.judge!.criteria).toHaveLength(5);
      expect(c.judgeScore).toBe(c.judge!.score);
    }
    const logs = await t.services.ctx.database.db.select().from(generationLogs).where(eq(generationLogs.runId, done.runId));
    const generationCost = logs.reduce((sum, l) => sum + l.costUsd, 0);
    expect(done.spentUsd).toBeGreaterThan(generationCost);
  });

  it('leaves a conversation unjudged, not failed, when the judge call fails', async () => {
    // The first request (the conversation) answers; the second (the judge) fails.
    fake.fail({ kind: 'slow', ms: 1 }, { kind: 'status', status: 400 });
    const done = await runToEnd({ conversationIds: ['conv-00012'] });
    expect(done).toMatchObject({ succeeded: 1, failed: 0 });
    const c = await detail('conv-00012');
    expect(c.status).toBe('generated');
    expect(c.judgeScore).toBeNull();
    expect(c.judge).toBeNull();
  });

  it('judges on demand, and answers a provider failure with what to do, changing nothing', async () => {
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { quality: { judgeEnabled: false } } });
    fake.fail({ kind: 'status', status: 500 });
    const failed = await t.as('generator', { method: 'POST', url: '/api/conversations/conv-00012/judge' });
    expect(failed.statusCode).toBe(502);
    expect(failed.json().error).toMatchObject({ code: 'provider_server' });
    expect(failed.json().error.hint).toMatch(/stays unjudged/);
    expect((await detail('conv-00012')).judgeScore).toBeNull();
    const ok = await t.as('generator', { method: 'POST', url: '/api/conversations/conv-00012/judge' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ model: 'claude-haiku-4-5' });
    expect(ok.json().costUsd).toBeGreaterThan(0);
    expect((await detail('conv-00012')).judgeScore).toBe(ok.json().score);
  });
});
