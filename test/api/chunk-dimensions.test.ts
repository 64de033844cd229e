import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChunkDetail, DimensionEstimate } from '../../src/contract/chunk-dimensions';
import type { RunProgress } from '../../src/contract/runs';
import { chunkDimensionsSchema } from '../../src/core/chunk-dimensions';
import { chunks, documents, generationLogs } from '../../src/db/schema';
import { resetProviderLimiters } from '../../src/generation/provider-limiters';
import { type FakeAnthropic } from '../fakes/anthropic-fake';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-fake';
import { createTestApp, type TestApp } from '../support/app';
import { resetClaudeApp, startClaudeApp, stopClaudeApp } from '../support/claude-app';
import { waitFor } from '../support/wait';

const settled = (t: TestApp, runId: string) =>
  waitFor(
    async () => {
      const p = (await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress>();
      return ['completed', 'cancelled', 'paused', 'failed'].includes(p.status) && p.inProgress === 0 && p.pending === 0 ? p : null;
    },
    { timeoutMs: 30_000 },
  );

const firstDocument = async (t: TestApp) => {
  const [doc] = await t.services.ctx.database.db.select().from(documents).orderBy(documents.title).limit(1);
  const rows = await t.services.ctx.database.db.select().from(chunks).where(eq(chunks.documentId, doc.id)).orderBy(chunks.ordinal);
  return { doc, chunks: rows };
};

describe('chunk dimensions with the offline provider', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ worker: true, offlineLatencyMs: 5 });
  });
  afterAll(() => t.close());

  it('estimates a document’s chunks at no cost', async () => {
    const { doc, chunks: rows } = await firstDocument(t);
    const res = await t.as('generator', { method: 'POST', url: '/api/documents/dimensions/estimate', payload: { documentIds: [doc.id] } });
    expect(res.statusCode, res.body).toBe(200);
    const estimate = res.json<DimensionEstimate>();
    expect(estimate).toMatchObject({ count: rows.length, estimatedCostUsd: 0, provider: 'offline' });
    expect(estimate.estimatedSeconds).toBeGreaterThan(0);
  });

  it('runs like any run, writes valid dimensions, and keeps a hand edit', async () => {
    const { doc, chunks: rows } = await firstDocument(t);
    const edited = rows[0];
    const patch = await t.as('generator', { method: 'PATCH', url: `/api/chunks/${edited.id}`, payload: { dimensions: { expertise_level: 'advanced', key_terms: ['hand picked'] } } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json<ChunkDetail>()).toMatchObject({ dimensionsSource: 'manual', dimensions: { expertise_level: 'advanced', key_terms: ['hand picked'] } });

    const res = await t.as('generator', { method: 'POST', url: '/api/documents/dimensions/runs', payload: { documentIds: [doc.id] } });
    expect(res.statusCode, res.body).toBe(201);
    const { runId, total } = res.json<{ runId: string; total: number }>();
    expect(total).toBe(rows.length - 1);
    const done = await settled(t, runId);
    expect(done).toMatchObject({ kind: 'chunk_dimensions', status: 'completed', succeeded: total, failed: 0, spentUsd: 0 });
    expect(done.recent[0].conversationId).toContain(doc.title);

    const after = await t.services.ctx.database.db.select().from(chunks).where(eq(chunks.documentId, doc.id)).orderBy(chunks.ordinal);
    expect(after[0]).toMatchObject({ dimensionsSource: 'manual', dimensions: expect.objectContaining({ key_terms: ['hand picked'] }) });
    for (const chunk of after.slice(1)) {
      expect(chunk.dimensionsSource).toBe('offline');
      expect(chunk.dimensionsUpdatedAt).not.toBeNull();
      expect(chunkDimensionsSchema.safeParse(chunk.dimensions).success).toBe(true);
    }
    const listed = (await t.as('viewer', { method: 'GET', url: '/api/runs' })).json<{ items: RunProgress[] }>();
    expect(listed.items.find((r) => r.id === runId)?.kind).toBe('chunk_dimensions');
  });

  it('overwrites a hand edit only when asked', async () => {
    const { doc, chunks: rows } = await firstDocument(t);
    const estimate = (await t.as('generator', { method: 'POST', url: '/api/documents/dimensions/estimate', payload: { chunkIds: [rows[0].id] } })).json<DimensionEstimate>();
    expect(estimate).toMatchObject({ count: 0, skippedManual: 1 });
    const refused = await t.as('generator', { method: 'POST', url: '/api/documents/dimensions/runs', payload: { chunkIds: [rows[0].id] } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('nothing_to_analyse');
    const res = await t.as('generator', { method: 'POST', url: '/api/documents/dimensions/runs', payload: { documentIds: [doc.id], chunkIds: [rows[0].id], overwriteManual: true } });
    expect(res.statusCode, res.body).toBe(201);
    await settled(t, res.json().runId);
    const [after] = await t.services.ctx.database.db.select().from(chunks).where(eq(chunks.id, rows[0].id));
    expect(after.dimensionsSource).toBe('offline');
  });

  it('with onlyMissing, analyses nothing already analysed', async () => {
    const { doc } = await firstDocument(t);
    const estimate = (await t.as('generator', { method: 'POST', url: '/api/documents/dimensions/estimate', payload: { documentIds: [doc.id], onlyMissing: true } })).json<DimensionEstimate>();
    expect(estimate.count).toBe(0);
  });

  it('refuses bad selectors and bad hand edits, naming the field, and changes nothing', async () => {
    const bad = await t.as('generator', { method: 'POST', url: '/api/documents/dimensions/runs', payload: { documentIds: ['nope'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('documentIds');
    const { chunks: rows } = await firstDocument(t);
    const chunk = rows[1];
    const before = (await t.as('viewer', { method: 'GET', url: `/api/chunks/${chunk.id}` })).json<ChunkDetail>();
    for (const [dimensions, field] of [
      [{ expertise_level: 'guru' }, 'expertise_level'],
      [{ confidence: 11 }, 'confidence'],
      [{ key_terms: 'one, two' }, 'key_terms'],
      [{ audience_level: 'kids' }, 'audience_level'],
      [{ mood: 'happy' }, 'mood'],
    ] as const) {
      const res = await t.as('generator', { method: 'PATCH', url: `/api/chunks/${chunk.id}`, payload: { dimensions } });
      expect(res.statusCode, JSON.stringify(dimensions)).toBe(400);
      expect(res.body).toContain(field);
    }
    expect((await t.as('viewer', { method: 'GET', url: `/api/chunks/${chunk.id}` })).json()).toEqual(before);
    expect((await t.as('reviewer', { method: 'PATCH', url: `/api/chunks/${chunk.id}`, payload: { dimensions: { confidence: 5 } } })).statusCode).toBe(403);
    expect((await t.as('generator', { method: 'PATCH', url: '/api/chunks/00000000-0000-4000-8000-000000000000', payload: { dimensions: { confidence: 5 } } })).statusCode).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.as('viewer', { method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/documents/dimensions/estimate', '/api/documents/dimensions/runs', '/api/chunks/{id}']));
  });
});

describe('chunk dimensions with Claude (fake Messages API)', () => {
  let fake: FakeAnthropic;
  let t: TestApp;
  beforeAll(async () => {
    ({ fake, t } = await startClaudeApp({ latencyMs: 20 }));
  });
  afterAll(() => stopClaudeApp({ fake, t }));
  beforeEach(() => resetClaudeApp({ fake }));

  it('asks with a forced tool, prices the run and stores the structured answer', async () => {
    const { doc, chunks: rows } = await firstDocument(t);
    const estimate = (await t.as('generator', { method: 'POST', url: '/api/documents/dimensions/estimate', payload: { documentIds: [doc.id] } })).json<DimensionEstimate>();
    expect(estimate.estimatedCostUsd).toBeGreaterThan(0);
    const res = await t.as('generator', { method: 'POST', url: '/api/documents/dimensions/runs', payload: { documentIds: [doc.id] } });
    expect(res.statusCode, res.body).toBe(201);
    const done = await settled(t, res.json().runId);
    expect(done).toMatchObject({ status: 'completed', succeeded: rows.length, failed: 0 });
    expect(done.spentUsd).toBeGreaterThan(0);
    const sent = fake.requests.filter((r) => r.path === '/v1/messages');
    expect((sent[0].body as { tool_choice: unknown }).tool_choice).toEqual({ type: 'tool', name: 'record_chunk_dimensions' });
    const after = await t.services.ctx.database.db.select().from(chunks).where(eq(chunks.documentId, doc.id));
    expect(after.every((c) => c.dimensionsSource === 'provider' && chunkDimensionsSchema.safeParse(c.dimensions).success)).toBe(true);
  });

  it('fails an item with a readable error when every answer is malformed, leaving the chunk as it was', async () => {
    const { chunks: rows } = await firstDocument(t);
    const chunk = rows[rows.length - 1];
    const [before] = await t.services.ctx.database.db.select().from(chunks).where(eq(chunks.id, chunk.id));
    fake.failAlways({ kind: 'malformed' });
    const res = await t.as('generator', { method: 'POST', url: '/api/documents/dimensions/runs', payload: { chunkIds: [chunk.id] } });
    expect(res.statusCode, res.body).toBe(201);
    const done = await settled(t, res.json().runId);
    fake.failAlways(null);
    expect(done).toMatchObject({ succeeded: 0, failed: 1 });
    expect(done.recent[0].error).toMatch(/not a valid set of chunk dimensions \((expertise_level|key_terms)/);
    const [after] = await t.services.ctx.database.db.select().from(chunks).where(eq(chunks.id, chunk.id));
    expect(after.dimensions).toEqual(before.dimensions);
    const logs = await t.services.ctx.database.db.select().from(generationLogs).where(eq(generationLogs.runId, res.json().runId));
    expect(logs.every((l) => l.status === 'error' && l.errorKind === 'malformed_output')).toBe(true);
  }, 40_000);
});

describe('chunk dimensions with an OpenAI-compatible server (fake)', () => {
  let fake: FakeOpenAI;
  let t: TestApp;
  beforeAll(async () => {
    resetProviderLimiters();
    fake = await startFakeOpenAI({ requestsPerMinute: 1000 });
    t = await createTestApp({ worker: true, env: { CONVGEN_PROVIDER: 'openai', OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-test', CONVGEN_MODEL: 'gpt-4o-mini' } });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('asks for the dimension JSON schema and stores the answer', async () => {
    const { doc, chunks: rows } = await firstDocument(t);
    const res = await t.as('generator', { method: 'POST', url: '/api/documents/dimensions/runs', payload: { chunkIds: [rows[0].id, rows[1].id] } });
    expect(res.statusCode, res.body).toBe(201);
    const done = await settled(t, res.json().runId);
    expect(done).toMatchObject({ status: 'completed', succeeded: 2, failed: 0 });
    const sent = fake.requests.filter((r) => r.path === '/v1/chat/completions');
    expect((sent[0].body as { response_format: { json_schema: { name: string } } }).response_format.json_schema.name).toBe('chunk_dimensions');
    const after = await t.services.ctx.database.db.select().from(chunks).where(eq(chunks.documentId, doc.id)).orderBy(chunks.ordinal);
    expect(after.slice(0, 2).map((c) => c.dimensionsSource)).toEqual(['provider', 'provider']);
    expect(after[2].dimensionsSource).toBeNull();
  });
});
