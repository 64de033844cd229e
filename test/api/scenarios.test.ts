import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/contract/runs';
import type { DeriveEstimate, DiversityReportResponse, ScenarioItem, ScenarioPage } from '../../src/contract/scenarios';
import { chunks, conversations, documents, generationLogs, scenarios, settingsHistory } from '../../src/db/schema';
import { type FakeAnthropic } from '../fakes/anthropic-fake';
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

const handWritten = (over: Record<string, unknown> = {}) => ({
  title: 'Paying down a credit card before investing',
  description: 'A young professional with card debt wonders whether to invest first.',
  category: 'financial',
  tags: ['Debt', 'debt', 'budgeting'],
  problem: 'They owe $6,000 at 24% APR and just got a raise.',
  solution: 'Pay the card first, keeping a small emergency fund, then start investing.',
  outcome: 'Debt-free in nine months, then investing monthly.',
  ...over,
});

const lastDocument = async (t: TestApp) => {
  const db = t.services.ctx.database.db;
  const [doc] = await db.select().from(documents).orderBy(documents.title).limit(1);
  const rows = await db.select().from(chunks).where(eq(chunks.documentId, doc.id)).orderBy(chunks.ordinal);
  return { doc, chunks: rows };
};

describe('the scenario library', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ worker: true, offlineLatencyMs: 5 });
  });
  afterAll(() => t.close());

  it('lists the demo scenarios with their source chunk and usage, favourites first', async () => {
    const res = await t.as('viewer', { method: 'GET', url: '/api/scenarios?pageSize=200' });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<ScenarioPage>();
    expect(page.total).toBeGreaterThan(5);
    const inheritance = page.items.find((s) => s.key === 'inheritance_decision_pause')!;
    expect(inheritance).toMatchObject({ origin: 'demo', category: 'estate_planning', source: { documentTitle: expect.any(String), chunkId: expect.any(String) } });
    const [{ n }] = await t.services.ctx.database.db.$count(conversations, eq(conversations.scenarioId, inheritance.id)).then((n) => [{ n }]);
    expect(inheritance.usage.conversations).toBe(n);
  });

  it('creates by hand, with tags cleaned, and audits it; refuses a duplicate title, an unknown persona, an empty title, naming the field', async () => {
    const res = await t.as('generator', { method: 'POST', url: '/api/scenarios', payload: handWritten({ persona: (await firstPersona(t)) }) });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<ScenarioItem>();
    expect(created).toMatchObject({ origin: 'manual', tags: ['debt', 'budgeting'], source: null, usage: { conversations: 0 }, favorite: false, archived: false });
    const audit = await t.services.ctx.database.db.select().from(settingsHistory).where(eq(settingsHistory.key, `scenarios.${created.id}.created`));
    expect(audit).toHaveLength(1);

    const before = (await t.as('viewer', { method: 'GET', url: '/api/scenarios' })).json<ScenarioPage>().total;
    const dup = await t.as('generator', { method: 'POST', url: '/api/scenarios', payload: handWritten({ title: '  paying down a CREDIT card before investing ' }) });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'duplicate_scenario_title', message: expect.stringContaining('Paying down a credit card before investing'), details: { existing: { id: created.id } } });
    const persona = await t.as('generator', { method: 'POST', url: '/api/scenarios', payload: handWritten({ title: 'Another', persona: 'martian' }) });
    expect(persona.statusCode).toBe(400);
    expect(persona.json().error.details.field).toBe('persona');
    for (const [payload, field] of [
      [handWritten({ title: '   ' }), 'title'],
      [handWritten({ title: 'X', category: 'lifestyle' }), 'category'],
      [handWritten({ title: 'Y', problem: '' }), 'problem'],
      [handWritten({ title: 'Z', chunkId: 'nope' }), 'chunkId'],
    ] as const) {
      const bad = await t.as('generator', { method: 'POST', url: '/api/scenarios', payload });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(bad.body).toContain(field);
    }
    expect((await t.as('viewer', { method: 'GET', url: '/api/scenarios' })).json<ScenarioPage>().total).toBe(before);
    expect((await t.as('viewer', { method: 'POST', url: '/api/scenarios', payload: handWritten({ title: 'Viewer' }) })).statusCode).toBe(403);
  });

  it('searches by keyword across the text and tags, and filters', async () => {
    const q = async (query: string) => (await t.as('viewer', { method: 'GET', url: `/api/scenarios?${query}` })).json<ScenarioPage>();
    expect((await q('q=24%25 APR')).items.map((s) => s.title)).toEqual(['Paying down a credit card before investing']);
    expect((await q('q=budgeting')).total).toBe(1);
    expect((await q('tag=debt')).total).toBe(1);
    expect((await q('origin=manual')).total).toBe(1);
    expect((await q('category=career')).items.every((s) => s.category === 'career')).toBe(true);
    expect((await q('q=zzzz-nothing')).total).toBe(0);
    const bad = await t.as('viewer', { method: 'GET', url: '/api/scenarios?category=lifestyle' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('category');
  });

  it('edits, favourites, archives (hidden unless asked) and duplicates', async () => {
    const [target] = (await t.as('viewer', { method: 'GET', url: '/api/scenarios?origin=manual' })).json<ScenarioPage>().items;
    const edited = await t.as('generator', { method: 'PATCH', url: `/api/scenarios/${target.id}`, payload: { outcome: 'Debt-free in eight months.', favorite: true, tags: ['debt'] } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<ScenarioItem>()).toMatchObject({ outcome: 'Debt-free in eight months.', favorite: true, tags: ['debt'] });
    expect((await t.as('viewer', { method: 'GET', url: '/api/scenarios' })).json<ScenarioPage>().items[0].id).toBe(target.id);
    expect((await t.as('viewer', { method: 'GET', url: '/api/scenarios?favorite=true' })).json<ScenarioPage>().items.map((s) => s.id)).toEqual([target.id]);

    const copy = await t.as('generator', { method: 'POST', url: `/api/scenarios/${target.id}/duplicate` });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json<ScenarioItem>()).toMatchObject({ title: `${target.title} (copy)`, outcome: 'Debt-free in eight months.', favorite: false, origin: 'manual' });
    const copy2 = await t.as('generator', { method: 'POST', url: `/api/scenarios/${target.id}/duplicate` });
    expect(copy2.json<ScenarioItem>().title).toBe(`${target.title} (copy 2)`);

    const clash = await t.as('generator', { method: 'PATCH', url: `/api/scenarios/${copy.json().id}`, payload: { title: target.title } });
    expect(clash.statusCode).toBe(409);
    expect((await t.as('generator', { method: 'PATCH', url: `/api/scenarios/${target.id}`, payload: {} })).statusCode).toBe(400);
    expect((await t.as('generator', { method: 'PATCH', url: `/api/scenarios/${target.id}`, payload: { emotion: 'glee' } })).json().error.details.field).toBe('emotion');
    expect((await t.as('generator', { method: 'PATCH', url: '/api/scenarios/00000000-0000-4000-8000-000000000000', payload: { favorite: true } })).statusCode).toBe(404);

    await t.as('generator', { method: 'PATCH', url: `/api/scenarios/${copy2.json().id}`, payload: { archived: true } });
    const active = (await t.as('viewer', { method: 'GET', url: '/api/scenarios?origin=manual' })).json<ScenarioPage>();
    expect(active.items.map((s) => s.id)).not.toContain(copy2.json().id);
    const archived = (await t.as('viewer', { method: 'GET', url: '/api/scenarios?archived=true' })).json<ScenarioPage>();
    expect(archived.items.map((s) => s.id)).toEqual([copy2.json().id]);
    const updates = await t.services.ctx.database.db.select().from(settingsHistory).where(eq(settingsHistory.key, `scenarios.${target.id}.updated`));
    expect(updates[0].newValue).toMatchObject({ outcome: 'Debt-free in eight months.', favorite: true });
  });

  it('deletes an unused scenario, and refuses one in use with a hint to archive', async () => {
    const db = t.services.ctx.database.db;
    const [used] = await db.select({ id: conversations.scenarioId }).from(conversations).where(isNotNull(conversations.scenarioId)).limit(1);
    const refused = await t.as('generator', { method: 'DELETE', url: `/api/scenarios/${used.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'scenario_in_use', hint: expect.stringContaining('Archive') });
    expect(await db.$count(scenarios, eq(scenarios.id, used.id!))).toBe(1);
    const [copy] = (await t.as('viewer', { method: 'GET', url: '/api/scenarios?q=(copy)' })).json<ScenarioPage>().items;
    const deleted = await t.as('generator', { method: 'DELETE', url: `/api/scenarios/${copy.id}` });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await t.as('viewer', { method: 'GET', url: `/api/scenarios/${copy.id}` })).statusCode).toBe(404);
  });

  it('draws scenarios from a document offline, linked to their chunks, and makes no duplicates when drawn again', async () => {
    const { doc, chunks: rows } = await lastDocument(t);
    const alreadyDrawn = (await t.services.ctx.database.db.select({ chunkId: scenarios.chunkId }).from(scenarios).where(and(eq(scenarios.documentId, doc.id), eq(scenarios.origin, 'derived')))).length;
    const estimate = await t.as('generator', { method: 'POST', url: '/api/scenarios/derive/estimate', payload: { documentIds: [doc.id] } });
    expect(estimate.statusCode, estimate.body).toBe(200);
    expect(estimate.json<DeriveEstimate>()).toMatchObject({ count: rows.length - alreadyDrawn, estimatedCostUsd: 0, provider: 'offline' });
    const res = await t.as('generator', { method: 'POST', url: '/api/scenarios/derive', payload: { documentIds: [doc.id] } });
    expect(res.statusCode, res.body).toBe(201);
    const done = await settled(t, res.json().runId);
    expect(done).toMatchObject({ kind: 'scenario_derivation', status: 'completed', succeeded: rows.length, failed: 0 });
    const derived = (await t.as('viewer', { method: 'GET', url: `/api/scenarios?origin=derived&document=${doc.id}&pageSize=200` })).json<ScenarioPage>();
    expect(derived.total).toBe(rows.length);
    expect(new Set(derived.items.map((s) => s.source?.chunkId))).toEqual(new Set(rows.map((c) => c.id)));
    expect(derived.items.every((s) => s.problem && s.solution && s.outcome && s.source?.documentTitle === doc.title)).toBe(true);

    const again = await t.as('generator', { method: 'POST', url: '/api/scenarios/derive', payload: { documentIds: [doc.id] } });
    expect(again.statusCode).toBe(422);
    expect(again.json().error).toMatchObject({ code: 'no_chunks_to_derive', details: { skippedExisting: rows.length } });
    const more = await t.as('generator', { method: 'POST', url: '/api/scenarios/derive', payload: { chunkIds: [rows[0].id], perChunk: 2 } });
    expect(more.statusCode, more.body).toBe(201);
    await settled(t, more.json().runId);
    expect(await t.services.ctx.database.db.$count(scenarios, eq(scenarios.chunkId, rows[0].id))).toBe(2 + (await demoScenariosOn(t, rows[0].id)));
  });

  it('refuses to derive with no chunks and bad selectors', async () => {
    const none = await t.as('generator', { method: 'POST', url: '/api/scenarios/derive', payload: { documentIds: ['00000000-0000-4000-8000-000000000000'] } });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.hint).toContain('Upload a document');
    for (const [payload, field] of [
      [{ documentIds: ['nope'] }, 'documentIds'],
      [{ perChunk: 4 }, 'perChunk'],
      [{ category: 'lifestyle' }, 'category'],
    ] as const) {
      const bad = await t.as('generator', { method: 'POST', url: '/api/scenarios/derive', payload });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain(field);
    }
    expect((await t.as('reviewer', { method: 'POST', url: '/api/scenarios/derive', payload: {} })).statusCode).toBe(403);
  });

  it('reports diversity', async () => {
    const res = await t.as('viewer', { method: 'GET', url: '/api/scenarios/diversity' });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<DiversityReportResponse>();
    const listed = (await t.as('viewer', { method: 'GET', url: '/api/scenarios?pageSize=1' })).json<ScenarioPage>().total;
    expect(report.total).toBe(listed);
    expect(report.byCategory.map((c) => c.key).sort()).toEqual(['career', 'estate_planning', 'financial', 'personal']);
    expect(report.byCategory.reduce((sum, c) => sum + c.count, 0)).toBe(listed);
    expect(report.unused).toBeGreaterThan(0);
    expect(report.byDocument.length).toBeGreaterThan(1);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.as('viewer', { method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/scenarios', '/api/scenarios/{id}', '/api/scenarios/{id}/duplicate', '/api/scenarios/diversity', '/api/scenarios/derive', '/api/scenarios/derive/estimate']));
  });
});

async function firstPersona(t: TestApp): Promise<string> {
  const res = await t.as('viewer', { method: 'GET', url: '/api/catalog/persona' });
  return res.json<{ items: { key: string; active: boolean }[] }>().items.find((p) => p.active)!.key;
}

async function demoScenariosOn(t: TestApp, chunkId: string): Promise<number> {
  return t.services.ctx.database.db.$count(scenarios, and(eq(scenarios.chunkId, chunkId), eq(scenarios.origin, 'demo')));
}

describe('scenarios drawn by Claude (fake Messages API)', () => {
  let fake: FakeAnthropic;
  let t: TestApp;
  beforeAll(async () => {
    ({ fake, t } = await startClaudeApp({ latencyMs: 20 }));
  });
  afterAll(() => stopClaudeApp({ fake, t }));
  beforeEach(() => resetClaudeApp({ fake }));

  it('asks with the forced scenario tool, prices the run, keeps catalog values it knows and drops the rest', async () => {
    const { doc, chunks: rows } = await lastDocument(t);
    const estimate = (await t.as('generator', { method: 'POST', url: '/api/scenarios/derive/estimate', payload: { chunkIds: [rows[0].id, rows[1].id] } })).json<DeriveEstimate>();
    expect(estimate.estimatedCostUsd).toBeGreaterThan(0);
    const res = await t.as('generator', { method: 'POST', url: '/api/scenarios/derive', payload: { chunkIds: [rows[0].id, rows[1].id] } });
    expect(res.statusCode, res.body).toBe(201);
    const done = await settled(t, res.json().runId);
    expect(done).toMatchObject({ status: 'completed', succeeded: 2, failed: 0 });
    expect(done.spentUsd).toBeGreaterThan(0);
    const sent = fake.requests.filter((r) => r.path === '/v1/messages');
    const body = sent[0].body as { tool_choice: unknown; tools: { input_schema: { properties: Record<string, unknown> } }[] };
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'record_scenarios' });
    expect(Object.keys(body.tools[0].input_schema.properties)).toEqual(['scenarios']);
    const derived = (await t.as('viewer', { method: 'GET', url: `/api/scenarios?origin=derived&document=${doc.id}` })).json<ScenarioPage>();
    expect(derived.total).toBe(2);
    expect(derived.items.every((s) => s.persona !== null && s.topic === null && s.title.startsWith('Client asks about'))).toBe(true);
  });

  it('fails the item with a readable error when every answer is malformed, and stores no scenario', async () => {
    const { chunks: rows } = await lastDocument(t);
    const chunk = rows[rows.length - 1];
    const before = await t.services.ctx.database.db.$count(scenarios);
    fake.failAlways({ kind: 'malformed' });
    const res = await t.as('generator', { method: 'POST', url: '/api/scenarios/derive', payload: { chunkIds: [chunk.id] } });
    expect(res.statusCode, res.body).toBe(201);
    const done = await settled(t, res.json().runId);
    fake.failAlways(null);
    expect(done).toMatchObject({ succeeded: 0, failed: 1 });
    expect(done.recent[0].error).toMatch(/not a valid set of scenarios \(scenarios\.0\.(category|outcome)/);
    expect(await t.services.ctx.database.db.$count(scenarios)).toBe(before);
    const logs = await t.services.ctx.database.db.select().from(generationLogs).where(eq(generationLogs.runId, res.json().runId));
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.every((l) => l.status === 'error' && l.errorKind === 'malformed_output')).toBe(true);
  }, 40_000);
});
