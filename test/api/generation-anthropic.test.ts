import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/contract/runs';
import { generationLogs, notifications } from '../../src/db/schema';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-fake';
import { createTestApp, type TestApp } from '../support/app';
import { resetClaudeApp, startClaudeApp, stopClaudeApp } from '../support/claude-app';
import { waitFor } from '../support/wait';

let fake: FakeAnthropic;
let t: TestApp;
beforeAll(async () => {
  ({ fake, t } = await startClaudeApp({ latencyMs: 60 }));
});
afterAll(() => stopClaudeApp({ fake, t }));
beforeEach(() => resetClaudeApp({ fake }));

const progress = async (runId: string) => (await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress>();
const startRun = async (payload: Record<string, unknown>) => {
  const res = await t.as('admin', { method: 'POST', url: '/api/runs', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ runId: string; total: number }>();
};
const settle = (runId: string, statuses = ['completed', 'cancelled', 'paused']) =>
  waitFor(async () => {
    const p = await progress(runId);
    return statuses.includes(p.status) && p.inProgress === 0 ? p : null;
  }, { timeoutMs: 30_000 });

describe('runs with Claude (fake Messages API)', () => {
  it('reports Claude as the provider and prices the estimate', async () => {
    expect((await t.as('viewer', { method: 'GET', url: '/api/provider' })).json()).toMatchObject({ name: 'anthropic', model: 'claude-haiku-4-5' });
    const estimate = (await t.as('admin', { method: 'POST', url: '/api/runs/estimate', payload: { tier: 'edge_case' } })).json();
    expect(estimate.estimatedCostUsd).toBeGreaterThan(0);
    expect(estimate.byTier.edge_case.costUsd).toBeCloseTo(estimate.estimatedCostUsd, 6);
  });

  it('never runs more calls at once than the concurrency, and costs reconcile', async () => {
    const { runId, total } = await startRun({ filter: { persona: ['confident_planner'] }, concurrency: 2 });
    const done = await settle(runId);
    expect(done).toMatchObject({ status: 'completed', succeeded: total, failed: 0 });
    expect(fake.stats().maxConcurrent).toBeLessThanOrEqual(2);
    expect(fake.stats().maxConcurrent).toBeGreaterThanOrEqual(1);
    const logs = await t.services.ctx.database.db.select().from(generationLogs).where(eq(generationLogs.runId, runId));
    const logged = logs.reduce((sum, l) => sum + l.costUsd, 0);
    expect(logged).toBeCloseTo(done.spentUsd, 9);
    expect(done.spentUsd).toBeGreaterThan(0);
  });

  it('waits out a 429, says it is throttled, and still generates everything', async () => {
    fake.fail({ kind: 'status', status: 429, retryAfterSeconds: 1 });
    const { runId, total } = await startRun({ filter: { persona: ['skeptical_analyst'], tier: ['template'] } });
    const throttled = await waitFor(async () => {
      const p = await progress(runId);
      return p.throttledUntil || p.status === 'completed' ? p : null;
    });
    expect(throttled.throttledUntil).not.toBeNull();
    const done = await settle(runId);
    expect(done).toMatchObject({ status: 'completed', succeeded: total, failed: 0 });
    const errors = await t.services.ctx.database.db.select().from(generationLogs).where(eq(generationLogs.runId, runId));
    expect(errors.filter((l) => l.status === 'error').map((l) => l.errorKind)).toEqual(['rate_limited']);
  });

  it('counts a billed but unusable answer in the cost, then retries it', async () => {
    fake.fail({ kind: 'malformed' });
    const { runId } = await startRun({ conversationIds: ['conv-00061'], regenerate: true });
    const done = await settle(runId);
    expect(done).toMatchObject({ status: 'completed', succeeded: 1, failed: 0 });
    const logs = await t.services.ctx.database.db.select().from(generationLogs).where(eq(generationLogs.runId, runId));
    expect(logs.map((l) => l.status).sort()).toEqual(['error', 'success']);
    const malformed = logs.find((l) => l.status === 'error')!;
    expect(malformed.errorKind).toBe('malformed_output');
    expect(malformed.costUsd).toBeGreaterThan(0);
    expect(done.spentUsd).toBeCloseTo(logs.reduce((n, l) => n + l.costUsd, 0), 9);
    const conv = (await t.as('viewer', { method: 'GET', url: '/api/conversations/conv-00061' })).json();
    expect(conv.costUsd).toBeCloseTo(done.spentUsd, 9);
  });

  it('fails an item for good on a 400 without retrying, and the run still completes', async () => {
    fake.fail({ kind: 'status', status: 400 });
    const { runId, total } = await startRun({ filter: { persona: ['expert_consultant'], tier: ['template'] }, concurrency: 1 });
    const done = await settle(runId);
    expect(done.status).toBe('completed');
    expect(done.failed).toBe(1);
    expect(done.succeeded).toBe(total - 1);
  });

  it('never spends past a spending limit, warns at 80 % and pauses itself', async () => {
    const { runId } = await startRun({ tier: 'scenario', spendingLimitUsd: 0.05 });
    const paused = await settle(runId, ['paused', 'completed']);
    expect(paused.status).toBe('paused');
    expect(paused.spentUsd).toBeGreaterThan(0);
    expect(paused.spentUsd).toBeLessThanOrEqual(0.05);
    expect(paused.error).toMatch(/spending limit/);
    const kinds = (await t.services.ctx.database.db.select().from(notifications)).map((n) => n.kind);
    expect(kinds).toContain('budget_reached');
  });
});

describe('Message Batches', () => {
  let batchFake: FakeAnthropic;
  let b: TestApp;
  beforeAll(async () => {
    batchFake = await startFakeAnthropic({ batchProcessingMs: 150, requestsPerMinute: 1000 });
    b = await createTestApp({ worker: true, env: { ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: batchFake.url, CONVGEN_MODEL: 'claude-haiku-4-5', CONVGEN_BATCH_POLL_MS: '100' } });
  });
  afterAll(async () => {
    await b.close();
    await batchFake.close();
  });

  it('sends a run as one batch, stores every result at half price and completes', async () => {
    const res = await b.as('admin', { method: 'POST', url: '/api/runs', payload: { tier: 'edge_case', useBatchApi: true } });
    expect(res.statusCode, res.body).toBe(201);
    const { runId, total } = res.json();
    const done = await waitFor(async () => {
      const p = (await b.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress>();
      return p.status === 'completed' ? p : null;
    }, { timeoutMs: 20_000 });
    expect(done).toMatchObject({ succeeded: total, failed: 0 });
    expect(batchFake.requests.filter((r) => r.path === '/v1/messages/batches')).toHaveLength(1);
    expect(batchFake.requests.some((r) => r.path === '/v1/messages')).toBe(false);
    const logs = await b.services.ctx.database.db.select().from(generationLogs).where(eq(generationLogs.runId, runId));
    expect(logs).toHaveLength(total);
    // Each result is logged with the prompt that was sent in the batch.
    const sent = batchFake.requests.find((r) => r.path === '/v1/messages/batches')!.body as { requests: { params: { messages: { content: string }[] } }[] };
    const sentPrompts = new Set(sent.requests.map((r) => r.params.messages[0].content));
    for (const log of logs) {
      expect(sentPrompts.has((log.requestPayload as { prompt: string }).prompt)).toBe(true);
      expect(log.templateVersion).toBe(1);
    }
    const { costOf } = await import('../../src/core/pricing');
    for (const log of logs) {
      const full = costOf('claude-haiku-4-5', { inputTokens: log.inputTokens, outputTokens: log.outputTokens, cacheReadTokens: log.cacheReadTokens, cacheWriteTokens: log.cacheWriteTokens });
      expect(log.costUsd).toBeCloseTo(full / 2, 9);
    }
    expect(done.spentUsd).toBeCloseTo(logs.reduce((n, l) => n + l.costUsd, 0), 9);
  });

  it('refuses batches without Claude', async () => {
    const offline = await createTestApp();
    try {
      const res = await offline.as('admin', { method: 'POST', url: '/api/runs', payload: { tier: 'edge_case', useBatchApi: true } });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('batches_need_anthropic');
    } finally {
      await offline.close();
    }
  });
});

describe('cancelling a run on Message Batches', () => {
  let slowFake: FakeAnthropic;
  let c: TestApp;
  beforeAll(async () => {
    slowFake = await startFakeAnthropic({ batchProcessingMs: 60_000, requestsPerMinute: 1000 });
    c = await createTestApp({ worker: true, env: { ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: slowFake.url, CONVGEN_MODEL: 'claude-haiku-4-5', CONVGEN_BATCH_POLL_MS: '100' } });
  });
  afterAll(async () => {
    await c.close();
    await slowFake.close();
  });

  it('cancels the batch at the provider and returns its conversations to where they were', async () => {
    const { runId } = (await c.as('admin', { method: 'POST', url: '/api/runs', payload: { tier: 'edge_case', useBatchApi: true } })).json();
    await waitFor(async () => (slowFake.requests.some((r) => r.path === '/v1/messages/batches') ? true : null));
    await waitFor(async () => ((await c.as('viewer', { method: 'GET', url: '/api/conversations?tier=edge_case&status=generating' })).json().total === 15 ? true : null));
    expect((await c.as('admin', { method: 'POST', url: `/api/runs/${runId}/cancel` })).json().status).toBe('cancelled');
    await waitFor(async () => (slowFake.requests.some((r) => r.path.endsWith('/cancel')) ? true : null));
    const settled = await waitFor(async () => {
      const p = (await c.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress>();
      return p.inProgress === 0 && p.finishedAt ? p : null;
    }, { timeoutMs: 20_000 });
    expect(settled.status).toBe('cancelled');
    expect((await c.as('viewer', { method: 'GET', url: '/api/conversations?tier=edge_case&status=not_generated' })).json().total).toBe(15);
  });
});
