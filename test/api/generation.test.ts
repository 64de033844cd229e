import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../src/contract/conversations';
import type { RunProgress } from '../../src/contract/runs';
import { createTestApp, type TestApp } from '../support/app';
import { waitFor } from '../support/wait';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ worker: true });
});
afterAll(() => t.close());

const detail = async (id: string) => (await t.as('viewer', { method: 'GET', url: `/api/conversations/${id}` })).json<ConversationDetail>();

describe('single generation with the offline provider', () => {
  it('queues a one-item run and moves the status not_generated → generating → generated', async () => {
    expect((await detail('conv-00007')).status).toBe('not_generated');
    const res = await t.as('generator', { method: 'POST', url: '/api/conversations/conv-00007/generate' });
    expect(res.statusCode).toBe(202);
    const { runId } = res.json<{ runId: string }>();

    const run = await waitFor(async () => {
      const r = (await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress>();
      return r.status === 'completed' ? r : null;
    });
    expect(run).toMatchObject({ total: 1, succeeded: 1, failed: 0, pending: 0, provider: 'offline', model: 'offline', spentUsd: 0 });

    const generated = await detail('conv-00007');
    expect(generated.status).toBe('generated');
    expect(generated.model).toBe('offline');
    expect(generated.turns.length).toBeGreaterThanOrEqual(6);
    expect(generated.turns.length % 2).toBe(0);
    expect(generated.turns.map((x) => x.role).slice(0, 2)).toEqual(['user', 'assistant']);
    expect(generated.turnCount).toBe(generated.turns.length);
    expect(generated.qualityScore).toBeGreaterThan(0);
    expect(generated.quality?.breakdown.structure.score).toBe(10);
    expect(generated.generatedAt).not.toBeNull();
    expect(generated.title).not.toBe('');
  });

  it('writes one generation log row per call with the rendered prompt', async () => {
    const { generationLogs } = await import('../../src/db/schema');
    const { eq } = await import('drizzle-orm');
    const conv = await detail('conv-00007');
    const logs = await t.services.ctx.database.db.select().from(generationLogs).where(eq(generationLogs.conversationId, conv.id));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ status: 'success', provider: 'offline', model: 'offline', costUsd: 0 });
    const prompt = (logs[0].requestPayload as { prompt: string }).prompt;
    expect(prompt).not.toMatch(/\{(persona|emotion|topic|intent|tone|chunk_content)\}/);
    expect(logs[0].outputTokens).toBeGreaterThan(0);
  });

  it('refuses to regenerate a hand-written seed conversation', async () => {
    const res = await t.as('admin', { method: 'POST', url: '/api/conversations/seed-001/generate' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/seed/);
  });

  it('answers 404 for generating an unknown conversation', async () => {
    expect((await t.as('admin', { method: 'POST', url: '/api/conversations/conv-55555/generate' })).statusCode).toBe(404);
  });

  it('makes the generated conversation reviewable', async () => {
    const res = await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00007/review', payload: { action: 'approve', notes: 'Reads well' } });
    expect(res.statusCode).toBe(200);
    expect((await detail('conv-00007')).status).toBe('approved');
  });
});

describe('queueing without a worker', () => {
  let queued: TestApp;
  beforeAll(async () => {
    // No worker: the first request's run stays queued, so the second one meets it for sure.
    queued = await createTestApp({ worker: false });
  });
  afterAll(() => queued.close());

  it('refuses a second generation of the same conversation while one is queued, and any review of it', async () => {
    const first = await queued.as('admin', { method: 'POST', url: '/api/conversations/conv-00008/generate' });
    expect(first.statusCode).toBe(202);
    const detail = (await queued.as('viewer', { method: 'GET', url: '/api/conversations/conv-00008' })).json<ConversationDetail>();
    expect(detail.status).toBe('generating');
    const second = await queued.as('admin', { method: 'POST', url: '/api/conversations/conv-00008/generate' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(/already being generated/);
    const review = await queued.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00008/review', payload: { action: 'approve' } });
    expect(review.statusCode).toBe(409);
  });
});
