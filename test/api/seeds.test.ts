import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkAction, BulkPreview } from '../../src/contract/bulk';
import type { ConversationDetail, ConversationListResponse } from '../../src/contract/conversations';
import type { SeedComparison, SeedImportResult, SeedStructure, SeedTemplateResult } from '../../src/contract/seeds';
import type { Role } from '../../src/core/roles';
import { conversations, templates, templateVersions } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.services.ctx.database.db;
const conversationCount = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(conversations))[0].n;

const seed = (overrides: Record<string, unknown> = {}) => ({
  title: 'Asked about fees',
  persona: 'anxious_investor',
  emotion: 'anxiety',
  topic: 'market_volatility',
  intent: 'express_concern',
  tone: 'warm_reassuring',
  turns: [
    { role: 'user', content: 'What am I actually paying in fees on my retirement account, and is it too much for what I get?' },
    { role: 'assistant', content: 'Good question to ask. Look for the expense ratio of each fund and any advisory fee on your statement. As an illustration, 1% a year on $300,000 is $3,000 a year. Would you like to go through your statement together?' },
  ],
  ...overrides,
});

const importJson = (payload: string, role: Role = 'generator') => t.as(role, { method: 'POST', url: '/api/seeds/import', payload, headers: { 'content-type': 'application/json' } });

function multipart(text: string, filename = 'seeds.json') {
  const boundary = '----convgen-test-boundary';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/json\r\n\r\n${text}\r\n--${boundary}--\r\n`;
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const detail = async (id: string) => (await t.as('viewer', { method: 'GET', url: `/api/conversations/${id}` })).json<ConversationDetail>();

describe('POST /api/seeds/import', () => {
  it('imports seeds from a JSON body, numbering those without an id from the next free number', async () => {
    const res = await importJson(JSON.stringify([seed({ conversationId: 'seed-101' }), seed({ title: undefined })]));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<SeedImportResult>();
    // The demo plans conv-00001 … conv-00090.
    expect(body).toEqual({ imported: 2, conversationIds: ['seed-101', 'conv-00091'] });
    const stored = await detail('seed-101');
    expect(stored).toMatchObject({ isSeed: true, status: 'approved', model: 'human', provider: 'seed', turnCount: 2, title: 'Asked about fees', tier: 'template' });
    expect(stored.qualityScore).toBeGreaterThan(0);
    expect(stored.turns.map((x) => x.role)).toEqual(['user', 'assistant']);
    expect(stored.metadata).toMatchObject({ source: 'seed' });
    // Found by the table's search like the demo's seeds.
    const found = (await t.as('viewer', { method: 'GET', url: '/api/conversations?q=seed-101' })).json<ConversationListResponse>();
    expect(found.items.map((c) => c.conversationId)).toEqual(['seed-101']);
    expect((await detail('conv-00091')).title).toMatch(/fees/);
  });

  it('imports a multipart file in the { conversations } shape', async () => {
    const res = await t.as('admin', { method: 'POST', url: '/api/seeds/import', ...multipart(JSON.stringify({ conversations: [seed({ conversationId: 'seed-102', tier: 'scenario', metadata: { author: 'Ana' } })] }, null, 2)) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ imported: 1, conversationIds: ['seed-102'] });
    expect((await detail('seed-102')).metadata).toMatchObject({ author: 'Ana', source: 'seed' });
  });

  it('names the line and column of malformed JSON, and stores nothing', async () => {
    const before = await conversationCount();
    const text = '[\n  {\n    "persona": "anxious_investor",\n    "emotion" "anxiety"\n  }\n]';
    const res = await t.as('generator', { method: 'POST', url: '/api/seeds/import', ...multipart(text) });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.message).toContain('line 4, column 15');
    expect(error.details).toMatchObject({ line: 4, column: 15 });
    expect(error.hint).toMatch(/nothing was imported/i);
    expect(await conversationCount()).toBe(before);
    // The same as a body.
    const asBody = await importJson(text);
    expect(asBody.statusCode).toBe(400);
    expect(asBody.json().error.details).toMatchObject({ line: 4, column: 15 });
  });

  it('names the line and field of a bad turn, and stores none of the good seeds before it', async () => {
    const before = await conversationCount();
    const bad = seed({ conversationId: 'seed-199', turns: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }, { role: 'user', content: 'c' }, { role: 'robot', content: 'd' }] });
    const text = JSON.stringify({ conversations: [seed({ conversationId: 'seed-197' }), seed({ conversationId: 'seed-198' }), bad] }, null, 2);
    const res = await importJson(text);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.details.field).toBe('conversations[2].turns[3].role');
    expect(text.split('\n')[error.details.line - 1]).toContain('"robot"');
    expect(error.message).toContain(`line ${error.details.line}, conversations[2].turns[3].role: must be user or assistant`);
    expect(await conversationCount()).toBe(before);
  });

  it('refuses a persona the catalog does not know, with the line, the field and the allowed values', async () => {
    const before = await conversationCount();
    const text = JSON.stringify([seed({ conversationId: 'seed-150' }), seed({ conversationId: 'seed-151', persona: 'space_pirate' })], null, 2);
    const res = await importJson(text);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('unknown_dimension_value');
    expect(error.details).toMatchObject({ field: 'conversations[1].persona', dimension: 'persona', value: 'space_pirate' });
    expect(error.details.allowed).toContain('anxious_investor');
    expect(text.split('\n')[error.details.line - 1]).toContain('space_pirate');
    expect(error.hint).toContain('anxious_investor');
    expect(await conversationCount()).toBe(before);
  });

  it('refuses ids already stored (409) or used twice in the file (400), and stores nothing', async () => {
    const before = await conversationCount();
    const stored = await importJson(JSON.stringify([seed({ conversationId: 'seed-160' }), seed({ conversationId: 'seed-001' }), seed({ conversationId: 'conv-00001' })]));
    expect(stored.statusCode).toBe(409);
    expect(stored.json().error.details.conversationIds).toEqual(['seed-001', 'conv-00001']);
    expect(stored.json().error.message).toContain('seed-001, conv-00001 are already in the workspace');
    const twice = await importJson(JSON.stringify([seed({ conversationId: 'seed-161' }), seed({ conversationId: 'seed-161' })]));
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toContain('"seed-161" is used twice in the file');
    expect(await conversationCount()).toBe(before);
  });

  it('refuses an unknown arc, an empty upload and a viewer', async () => {
    const arc = await importJson(JSON.stringify([seed({ arcKey: 'rags_to_riches' })]));
    expect(arc.statusCode).toBe(400);
    expect(arc.json().error.details.field).toBe('conversations[0].arcKey');
    expect(arc.json().error.hint).toContain('anxiety_to_relief');
    const empty = await importJson('');
    expect(empty.statusCode).toBe(400);
    expect((await t.as('viewer', { method: 'POST', url: '/api/seeds/import', ...multipart(JSON.stringify([seed()])) })).statusCode).toBe(403);
  });

  it('keeps the demo seed file importable (as new ids)', async () => {
    const demo = (await import('../../demo/seed-conversations.json', { with: { type: 'json' } })).default as Record<string, unknown>[];
    const res = await importJson(JSON.stringify(demo.map(({ conversationId: _id, ...rest }) => rest)));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<SeedImportResult>().imported).toBe(demo.length);
  });
});

describe('seeds are locked', () => {
  const post = (role: Role, path: string, payload: unknown) => t.as(role, { method: 'POST', url: `/api/conversations/bulk/${path}`, payload: payload as object });
  const selection = { conversationIds: ['seed-003', 'seed-004', 'conv-00070'] };

  it('a bulk delete keeps seeds, saying why, and its preview counts them', async () => {
    const preview = (await post('admin', 'preview', { selection, action: 'delete' })).json<BulkPreview>();
    expect(preview).toMatchObject({ selected: 3, willChange: 1, skipped: 2 });
    expect(preview.skippedByReason.seed).toBe(2);
    const res = await post('admin', 'delete', { selection, confirm: true });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json<BulkAction>();
    expect(done).toMatchObject({ succeeded: 1, skippedCount: 2 });
    expect(done.skippedByReason.seed).toBe(2);
    expect(done.skipped.map((s) => [s.conversationId, s.reason])).toEqual([
      ['seed-003', 'seed'],
      ['seed-004', 'seed'],
    ]);
    expect(done.skipped[0].message).toContain('Seed conversation: kept as a benchmark');
    expect((await t.as('viewer', { method: 'GET', url: '/api/conversations/seed-003' })).statusCode).toBe(200);
    expect((await t.as('viewer', { method: 'GET', url: '/api/conversations/conv-00070' })).statusCode).toBe(404);
  });

  it('a bulk delete of everything by filter leaves every seed', async () => {
    const seedsBefore = (await db().select({ n: sql<number>`count(*)::int` }).from(conversations).where(eq(conversations.isSeed, true)))[0].n;
    const res = await post('admin', 'delete', { selection: { filter: { tier: ['edge_case'] } }, confirm: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<BulkAction>().skippedByReason.seed).toBeGreaterThan(0);
    const seedsAfter = (await db().select({ n: sql<number>`count(*)::int` }).from(conversations).where(eq(conversations.isSeed, true)))[0].n;
    expect(seedsAfter).toBe(seedsBefore);
  });

  it('a bulk reject skips seeds with the reason; a bulk approve of them changes nothing', async () => {
    await db().update(conversations).set({ status: 'generated' }).where(eq(conversations.conversationId, 'conv-00071'));
    const reject = (await post('reviewer', 'review', { selection: { conversationIds: ['seed-005', 'conv-00071'] }, action: 'reject' })).json<BulkAction>();
    expect(reject).toMatchObject({ succeeded: 1, skippedCount: 1 });
    expect(reject.skipped[0]).toMatchObject({ conversationId: 'seed-005', reason: 'seed' });
    expect(reject.skipped[0].message).toContain('kept as a benchmark');
    expect((await detail('seed-005')).status).toBe('approved');
  });

  it('a single reject of a seed is refused with 409 and a hint; generation too', async () => {
    const res = await t.as('reviewer', { method: 'POST', url: '/api/conversations/seed-006/review', payload: { action: 'reject' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'seed_locked' });
    expect(res.json().error.hint).toMatch(/Exclude seeds/);
    expect((await detail('seed-006')).status).toBe('approved');
    const generate = await t.as('generator', { method: 'POST', url: '/api/conversations/seed-006/generate' });
    expect(generate.statusCode).toBe(409);
    expect(generate.json().error.code).toBe('seed_locked');
  });

  it('a bulk generation leaves seeds out and says how many', async () => {
    const estimate = (await t.as('generator', { method: 'POST', url: '/api/runs/estimate', payload: { conversationIds: ['seed-001', 'seed-002', 'conv-00072'] } })).json();
    expect(estimate).toMatchObject({ count: 1, seeds: 2 });
    expect(estimate.warnings.join(' ')).toContain('2 seed conversations are left alone');
  });

  it('filters the list to seeds only, or without them', async () => {
    const only = (await t.as('viewer', { method: 'GET', url: '/api/conversations?seed=only&pageSize=100' })).json<ConversationListResponse>();
    expect(only.total).toBeGreaterThan(0);
    expect(only.items.every((c) => c.isSeed)).toBe(true);
    const without = (await t.as('viewer', { method: 'GET', url: '/api/conversations?seed=exclude&pageSize=100' })).json<ConversationListResponse>();
    expect(without.items.some((c) => c.isSeed)).toBe(false);
    const all = (await t.as('viewer', { method: 'GET', url: '/api/conversations' })).json<ConversationListResponse>();
    expect(only.total + without.total).toBe(all.total);
    expect((await t.as('viewer', { method: 'GET', url: '/api/conversations?seed=maybe' })).statusCode).toBe(400);
  });
});

describe('seed comparison and Use as Template', () => {
  it('compares seeds with generated conversations, overall and per tier', async () => {
    // Two generated conversations with known scores and turns.
    await db().update(conversations).set({ status: 'generated', qualityScore: 6, turnCount: 8 }).where(inArray(conversations.conversationId, ['conv-00001', 'conv-00002']));
    const res = await t.as('viewer', { method: 'GET', url: '/api/seeds/comparison' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<SeedComparison>();
    const seedRows = await db().select({ q: conversations.qualityScore, tier: conversations.tier, turns: conversations.turnCount }).from(conversations).where(eq(conversations.isSeed, true));
    const generatedRows = await db()
      .select({ q: conversations.qualityScore })
      .from(conversations)
      .where(sql`not ${conversations.isSeed} and ${conversations.status} in ('generated', 'approved', 'rejected') and ${conversations.qualityScore} is not null`);
    const avg = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
    expect(body.overall.seeds.count).toBe(seedRows.length);
    expect(body.overall.seeds.averageQuality).toBe(avg(seedRows.map((r) => r.q!)));
    expect(body.overall.seeds.averageTurns).toBe(avg(seedRows.map((r) => r.turns)));
    expect(body.overall.generated.count).toBe(generatedRows.length);
    expect(body.overall.generated.averageQuality).toBe(avg(generatedRows.map((r) => r.q!)));
    expect(body.overall.gap.quality).toBe(Math.round((body.overall.generated.averageQuality! - body.overall.seeds.averageQuality!) * 10) / 10);
    expect(body.byTier.template.seeds.count).toBe(seedRows.filter((r) => r.tier === 'template').length);
    expect(body.overall.seeds.averageTurnWords).toBeGreaterThan(10);
    expect(body.summary).toMatch(/^Generated conversations score \d+\.\d below your seeds on average/);
    expect(body.seeds.map((s) => s.conversationId)).toContain('seed-001');
  });

  it('shows what a seed gives a template, then creates the template and N varied slots', async () => {
    const structure = (await t.as('viewer', { method: 'GET', url: '/api/seeds/seed-001/structure' })).json<SeedStructure>();
    expect(structure.turnCount).toBe(10);
    expect(structure.lengthPattern).toHaveLength(10);
    expect(structure.templateBody).toContain('{persona}');

    const res = await t.as('generator', { method: 'POST', url: '/api/seeds/seed-001/template', payload: { name: 'Calm after a drop', variations: 4 } });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<SeedTemplateResult>();
    expect(body).toMatchObject({ templateName: 'Calm after a drop', planned: 4 });
    expect(body.conversationIds).toHaveLength(4);
    const [template] = await db().select().from(templates).where(eq(templates.id, body.templateId));
    expect(template).toMatchObject({ name: 'Calm after a drop', tier: 'template', currentVersion: 1, key: 'seed_seed_001' });
    const [version] = await db().select().from(templateVersions).where(eq(templateVersions.templateId, body.templateId));
    expect(version).toMatchObject({ version: 1, body: structure.templateBody });

    const seedRow = await detail('seed-001');
    const slots = await db().select().from(conversations).where(inArray(conversations.conversationId, body.conversationIds));
    expect(slots).toHaveLength(4);
    for (const slot of slots) {
      expect(slot).toMatchObject({ status: 'not_generated', persona: seedRow.persona, topic: seedRow.topic, tier: 'template', templateId: body.templateId, templateVersion: 1, isSeed: false, metadata: { seedId: 'seed-001' } });
    }
    // Varied: four different emotions.
    expect(new Set(slots.map((s) => s.emotion)).size).toBe(4);
    // The comparison counts them against their seed.
    const comparison = (await t.as('viewer', { method: 'GET', url: '/api/seeds/comparison' })).json<SeedComparison>();
    expect(comparison.seeds.find((s) => s.conversationId === 'seed-001')).toMatchObject({ variations: 4, generated: 0 });
    // A second template from the same seed gets its own key.
    const again = await t.as('generator', { method: 'POST', url: '/api/seeds/seed-001/template', payload: { variations: 0 } });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ planned: 0, conversationIds: [] });
    const [second] = await db().select().from(templates).where(eq(templates.id, again.json().templateId));
    expect(second.key).toBe('seed_seed_001_2');
  });

  it('refuses a conversation that is not a seed, too many variations, and a viewer', async () => {
    const notSeed = await t.as('generator', { method: 'POST', url: '/api/seeds/conv-00005/template', payload: { variations: 2 } });
    expect(notSeed.statusCode).toBe(409);
    expect(notSeed.json().error.code).toBe('not_a_seed');
    const tooMany = await t.as('generator', { method: 'POST', url: '/api/seeds/seed-002/template', payload: { variations: 500 } });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toContain('variations');
    expect((await t.as('viewer', { method: 'POST', url: '/api/seeds/seed-002/template', payload: { variations: 1 } })).statusCode).toBe(403);
    expect((await t.as('viewer', { method: 'GET', url: '/api/seeds/nope-1/structure' })).statusCode).toBe(404);
  });

  it('lists every seed route in the API document', async () => {
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    for (const path of ['/api/seeds/import', '/api/seeds/comparison', '/api/seeds/{id}/structure', '/api/seeds/{id}/template']) expect(doc.paths).toHaveProperty([path]);
  });
});
