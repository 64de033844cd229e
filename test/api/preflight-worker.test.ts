import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreflightProgress, PreflightProgressResponse, PreflightResult } from '../../src/contract/preflight';
import { conversationTokenCounts } from '../../src/db/schema';
import { readTurns } from '../../src/db/queries/token-counts';
import { BASE_MODELS } from '../../src/preflight/base-models';
import { countTokens } from '../../src/preflight/token-count';
import { tokenWorker } from '../../src/preflight/token-worker-client';
import { loadModel } from '../../src/preflight/tokenizers';
import { createTestApp, type TestApp } from '../support/app';

// The demo workspace: its approved seed conversations are what a first check counts.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
}, 120_000);
afterAll(async () => {
  await tokenWorker.stop();
  await t.close();
});

const post = (body: Record<string, unknown>) => t.as('viewer', { method: 'POST', url: '/api/preflight', payload: body });
const progressOf = async (checkId: string) => (await t.as('viewer', { method: 'GET', url: `/api/preflight/progress?checkId=${checkId}` })).json<PreflightProgressResponse>().progress;

/** Reads the check's progress until `until` holds for it, returning every state seen. */
async function watch(checkId: string, until: (p: PreflightProgress) => boolean): Promise<PreflightProgress[]> {
  const seen: PreflightProgress[] = [];
  for (;;) {
    const p = await progressOf(checkId);
    if (p) seen.push(p);
    if (p && until(p)) return seen;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('a check counts in the token worker', () => {
  it('the API answers while a cold check loads the tokenizer, and the progress reaches the total', async () => {
    await tokenWorker.stop(); // Cold: the next check loads the tokenizer.
    const order: string[] = [];
    const checking = post({ baseModel: 'qwen-3', maxSeqLen: 4096, checkId: 'cold-check-1' }).then((res) => {
      order.push('preflight');
      return res;
    });
    // The progress route answers during the load (on the server's thread it could not), and so does health.
    const loading = await watch('cold-check-1', (p) => p.phase !== 'loading');
    expect(loading[0]).toMatchObject({ phase: 'loading', baseModel: 'qwen-3', message: 'Loading the Qwen 3 tokenizer…' });
    const health = await t.as(null, { method: 'GET', url: '/api/health' });
    order.push('health');
    expect(health.statusCode).toBe(200);
    const res = await checking;
    expect(res.statusCode, res.body).toBe(200);
    expect(order).toEqual(['health', 'preflight']);
    const result = res.json<PreflightResult>();
    expect(result.loadMs).toBeGreaterThan(0);
    const final = await progressOf('cold-check-1');
    expect(final).toMatchObject({ phase: 'done', total: result.count, done: result.count, countedNow: result.countedNow });
    expect(final!.finishedAt).not.toBeNull();
  }, 120_000);

  it('reports the count so far against the total while counting, never going back', async () => {
    const checking = post({ baseModel: 'qwen-3', maxSeqLen: 4096, approvedOnly: false, systemPrompt: 'A fresh prompt, so every conversation is counted again.', checkId: 'counting-check' });
    const seen = await watch('counting-check', (p) => p.phase === 'done');
    const result = (await checking).json<PreflightResult>();
    expect(result.countedNow).toBe(result.count);
    const counting = seen.filter((p) => p.phase === 'counting');
    expect(counting.length).toBeGreaterThan(0);
    expect(counting[0].total).toBe(result.count);
    expect(counting.every((p) => p.message === `Counted ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')}`)).toBe(true);
    const dones = seen.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ phase: 'done', done: result.count, total: result.count });
  }, 120_000);

  it("the demo's counts from the worker are those of countTokens over the same turns on this thread", async () => {
    const model = BASE_MODELS.find((m) => m.id === 'llama-3.1')!;
    const res = await post({ baseModel: model.id, maxSeqLen: 4096 });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<PreflightResult>();
    expect(result.count).toBeGreaterThan(0);
    const db = t.services.ctx.database.db;
    const stored = (await db.select().from(conversationTokenCounts)).filter((c) => c.baseModel === model.id);
    expect(stored).toHaveLength(result.count);
    const turns = await readTurns(db, stored.map((c) => c.conversationId));
    const { template, encoder } = await loadModel(model);
    const direct = stored.map((c) => countTokens(template, encoder, turns.get(c.conversationId)!));
    expect(stored.map((c) => ({ tokens: c.tokens, assistantTokens: c.assistantTokens, refusedReason: c.refusedReason }))).toEqual(direct);
    const totals = direct.reduce((sum, c) => ({ tokens: sum.tokens + c.tokens!, assistant: sum.assistant + c.assistantTokens! }), { tokens: 0, assistant: 0 });
    expect(result.tokens.max).toBe(Math.max(...direct.map((c) => c.tokens!)));
    expect(result.assistantTokenShare).toBeCloseTo(totals.assistant / totals.tokens, 6);
  }, 120_000);

  it('a counter that stops mid-check fails the check with a clear error, and the next check starts a fresh one', async () => {
    await tokenWorker.stop();
    const checking = post({ baseModel: 'llama-3.1', maxSeqLen: 4096, approvedOnly: false, systemPrompt: 'Another prompt, counted afresh.', checkId: 'stopped-check' });
    await watch('stopped-check', () => true); // The check has started.
    await tokenWorker.stop();
    const res = await checking;
    expect(res.statusCode).toBe(503);
    const { error } = res.json<{ error: { code: string; message: string; hint: string; retryable: boolean } }>();
    expect(error).toMatchObject({ code: 'token_counter_stopped', retryable: true });
    expect(error.message).toContain('The token counter stopped before the check finished');
    expect(error.hint).toContain('Run the check again');
    expect((await progressOf('stopped-check'))!.phase).toBe('failed');

    const again = await post({ baseModel: 'llama-3.1', maxSeqLen: 4096, approvedOnly: false, systemPrompt: 'Another prompt, counted afresh.' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<PreflightResult>().countedNow).toBeGreaterThan(0);
  }, 120_000);
});

describe('GET /api/preflight/progress', () => {
  it('answers null for an unknown check and 400 for a malformed id', async () => {
    expect(await progressOf('no-such-check-id')).toBeNull();
    const bad = await t.as('viewer', { method: 'GET', url: '/api/preflight/progress?checkId=%3Cx%3E' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('checkId');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toContain('/api/preflight/progress');
  });
});
