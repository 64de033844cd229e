import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationMinhash, conversations, settingsHistory, templateTests } from '../../src/db/schema';
import { resetProviderLimiters } from '../../src/generation/provider-limiters';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-fake';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

const get = (url: string) => t.as('viewer', { method: 'GET', url });
const post = (url: string, payload: unknown = {}, role: 'admin' | 'generator' | 'reviewer' | 'viewer' = 'admin') => t.as(role, { method: 'POST', url, payload: payload as object });
const patch = (url: string, payload: unknown, role: 'admin' | 'reviewer' = 'admin') => t.as(role, { method: 'PATCH', url, payload: payload as object });
const BODY = 'Write a conversation with {persona}, who feels {emotion}, about {topic}. Intent: {intent}. Tone: {tone}.{chunk_content?\nSource: {chunk_content}}';

let created: { id: string; key: string };

describe('GET /api/templates', () => {
  it('lists the demo templates with versions, draft flags and usage figures; filters by tier, status and text', async () => {
    const res = await get('/api/templates');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; tier: string; active: boolean; currentVersion: number; latestVersion: number; hasDraft: boolean; usage: { generated: number } }[];
    expect(items.length).toBeGreaterThan(3);
    expect(items.every((i) => i.latestVersion >= i.currentVersion && i.hasDraft === i.latestVersion > i.currentVersion)).toBe(true);
    expect(Object.keys(items[0].usage).sort()).toEqual(['approvalRate', 'averageQuality', 'generated']);

    const scenario = (await get('/api/templates?tier=scenario')).json().items as { tier: string }[];
    expect(scenario.length).toBeGreaterThan(0);
    expect(scenario.every((i) => i.tier === 'scenario')).toBe(true);
    const inactive = (await get('/api/templates?active=false')).json().items as { active: boolean }[];
    expect(inactive.every((i) => !i.active)).toBe(true);
    const found = (await get('/api/templates?q=triumph')).json().items as { name: string; key: string; description: string }[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(items.length);
    expect(found.every((i) => /triumph/i.test(`${i.name} ${i.key} ${i.description}`))).toBe(true);
    expect((await get('/api/templates?tier=legendary')).statusCode).toBe(400);
  });
});

describe('POST /api/templates', () => {
  it('creates version 1, active, with a key from the name and the author recorded', async () => {
    const res = await post('/api/templates', { name: 'Calm Explainer', description: 'Plain answers', tier: 'scenario', body: BODY, notes: 'First try', applicablePersonas: [] });
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
    expect(res.json()).toMatchObject({ key: 'calm_explainer', name: 'Calm Explainer', tier: 'scenario', active: true, currentVersion: 1, latestVersion: 1, hasDraft: false, body: BODY, draft: null, conversationCount: 0 });
    const versions = (await get(`/api/templates/${created.id}/versions`)).json().items;
    expect(versions).toMatchObject([{ version: 1, notes: 'First try', active: true, createdBy: { name: 'Test admin' } }]);
  });

  it('refuses a duplicate name (naming it), an unknown placeholder (listing the known ones), unknown catalog keys, an arc on another tier, and a reviewer', async () => {
    const dup = await post('/api/templates', { name: '  calm   EXPLAINER ', tier: 'template', body: BODY });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('Calm Explainer');
    expect(dup.json().error.details.field).toBe('name');

    const unknown = await post('/api/templates', { name: 'Another', tier: 'template', body: 'Hello {persona} and {mood}' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('unknown_placeholder');
    expect(unknown.json().error.message).toContain('{mood}');
    expect(unknown.json().error.details.known).toContain('chunk_content');

    const persona = await post('/api/templates', { name: 'Another', tier: 'template', body: BODY, applicablePersonas: ['nobody_at_all'] });
    expect(persona.statusCode).toBe(400);
    expect(persona.json().error.details).toMatchObject({ field: 'applicablePersonas', unknown: ['nobody_at_all'] });

    const arc = await post('/api/templates', { name: 'Another', tier: 'scenario', arcKey: 'triumph', body: BODY });
    expect(arc.statusCode).toBe(400);
    expect(arc.json().error.details.field).toBe('arcKey');
    expect((await post('/api/templates', { name: 'Another', tier: 'template', body: '' })).json().error.details.field).toBe('body');
    expect((await post('/api/templates', { name: 'Another', tier: 'template', body: BODY }, 'reviewer')).statusCode).toBe(403);
    expect((await get('/api/templates?q=another')).json().items).toHaveLength(0);
  });
});

describe('PATCH, versions, activate and deactivate', () => {
  it('saves a body change as a draft version with its note; metadata changes do not version', async () => {
    const res = await patch(`/api/templates/${created.id}`, { body: `${BODY}\nKeep it short.`, notes: 'Shorter' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ savedVersion: 2, template: { currentVersion: 1, latestVersion: 2, hasDraft: true, body: BODY, draft: { version: 2, notes: 'Shorter' } } });

    const meta = await patch(`/api/templates/${created.id}`, { description: 'Plainer answers', applicablePersonas: ['anxious_investor'] });
    expect(meta.json()).toMatchObject({ savedVersion: null, template: { latestVersion: 2, description: 'Plainer answers', applicablePersonas: ['anxious_investor'] } });
    // The same body again saves nothing.
    expect((await patch(`/api/templates/${created.id}`, { body: `${BODY}\nKeep it short.` })).json().savedVersion).toBeNull();
  });

  it('refuses bad edits and changes nothing', async () => {
    const unknown = await patch(`/api/templates/${created.id}`, { body: '{persona} {Emotion}' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.unknown).toEqual(['Emotion']);
    expect((await patch(`/api/templates/${created.id}`, {})).statusCode).toBe(400);
    expect((await patch(`/api/templates/${created.id}`, { notes: 'only a note' })).statusCode).toBe(400);
    expect((await patch(`/api/templates/${created.id}`, { applicableEmotions: ['glee_unknown'] })).statusCode).toBe(400);
    expect((await patch('/api/templates/00000000-0000-4000-8000-000000000000', { name: 'X' })).statusCode).toBe(404);
    expect((await patch('/api/templates/not-a-uuid', { name: 'X' })).statusCode).toBe(400);
    const other = (await get('/api/templates?tier=template')).json().items[0];
    const clash = await patch(`/api/templates/${created.id}`, { name: other.name });
    expect(clash.statusCode).toBe(409);
    expect((await get(`/api/templates/${created.id}`)).json()).toMatchObject({ name: 'Calm Explainer', latestVersion: 2 });
  });

  it('activates the draft, rolls back, deactivates and reactivates; a missing version is refused', async () => {
    const missing = await post(`/api/templates/${created.id}/activate`, { version: 7 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'unknown_version', details: { field: 'version', latest: 2 } });
    expect((await post(`/api/templates/${created.id}/activate`, { version: 0 })).statusCode).toBe(400);

    expect((await post(`/api/templates/${created.id}/activate`, { version: 2 })).json()).toMatchObject({ currentVersion: 2, hasDraft: false, active: true });
    expect((await post(`/api/templates/${created.id}/activate`, { version: 1 })).json()).toMatchObject({ currentVersion: 1, hasDraft: true, body: BODY });
    expect((await post(`/api/templates/${created.id}/deactivate`)).json()).toMatchObject({ active: false, currentVersion: 1 });
    const versions = (await get(`/api/templates/${created.id}/versions`)).json().items as { version: number; active: boolean }[];
    expect(versions.map((v) => [v.version, v.active])).toEqual([
      [2, false],
      [1, false],
    ]);
    expect((await post(`/api/templates/${created.id}/activate`, { version: 1 })).json()).toMatchObject({ active: true, currentVersion: 1 });
    const audit = await t.services.ctx.database.db.select().from(settingsHistory).where(eq(settingsHistory.key, 'template:calm_explainer.activeVersion'));
    expect(audit.map((a) => [a.oldValue, a.newValue])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });

  it('requires a successful test before activating another version when the setting is on', async () => {
    await patch('/api/settings', { templates: { requireTestBeforeActivation: true } });
    try {
      const refused = await post(`/api/templates/${created.id}/activate`, { version: 2 });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('test_required');
      expect(refused.json().error.hint).toContain('Test template');
      const test = await post(`/api/templates/${created.id}/test`, { version: 2 });
      expect(test.statusCode, test.body).toBe(200);
      expect((await post(`/api/templates/${created.id}/activate`, { version: 2 })).json()).toMatchObject({ currentVersion: 2 });
      expect((await get(`/api/templates/${created.id}/versions`)).json().items[0]).toMatchObject({ version: 2, tested: true, active: true });
    } finally {
      await patch('/api/settings', { templates: { requireTestBeforeActivation: false } });
    }
  });
});

describe('preview and test (offline provider)', () => {
  it('previews a body with a sample from the catalog, or from a conversation, naming unknown and missing placeholders', async () => {
    const res = await post('/api/templates/preview', { body: 'Hi {persona} ({emotion}) {nope}', slot: { persona: 'anxious_investor' } }, 'viewer');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ unknown: ['nope'], missing: ['nope'], prompt: '', slot: { persona: 'anxious_investor', labels: { persona: 'Anxious Investor' } } });
    const ok = (await post('/api/templates/preview', { body: 'Hi {persona}, about {topic}.', slot: { conversationId: 'conv-00001' } }, 'viewer')).json();
    expect(ok.slot.conversationId).toBe('conv-00001');
    expect(ok.prompt).toBe(`Hi ${ok.slot.labels.persona}, about ${ok.slot.labels.topic}.`);
    // A sample shown once is shown again with the same sources when its keys are sent back.
    const first = (await post('/api/templates/preview', { body: '{edge_case_title} / {chunk_content}', tier: 'edge_case' }, 'viewer')).json();
    expect(first.slot.edgeCaseId).not.toBeNull();
    const { labels: _labels, conversationId: _c, tier: _t, ...keys } = first.slot;
    const again = (await post('/api/templates/preview', { body: '{edge_case_title} / {chunk_content}', tier: 'edge_case', slot: Object.fromEntries(Object.entries(keys).filter(([, v]) => v !== null)) }, 'viewer')).json();
    expect(again.prompt).toBe(first.prompt);
    const bad = await post('/api/templates/preview', { body: 'x', slot: { persona: 'nobody_here' } }, 'viewer');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('persona');
    expect((await post('/api/templates/preview', { body: 'x', slot: { conversationId: 'conv-99999' } }, 'viewer')).statusCode).toBe(404);
  });

  it('tests a version with one offline request: a scored conversation and the baseline, stored as a test and not in the dataset', async () => {
    const before = (await t.services.ctx.database.db.select({ id: conversations.id }).from(conversations)).length;
    const res = await post(`/api/templates/${created.id}/test`, { version: 1, slot: { persona: 'anxious_investor', emotion: 'fear' } }, 'generator');
    expect(res.statusCode, res.body).toBe(200);
    const test = res.json();
    expect(test).toMatchObject({ status: 'succeeded', version: 1, provider: 'offline', model: 'offline', slot: { persona: 'anxious_investor', emotion: 'fear', tier: 'scenario' }, baselineVersion: 2 });
    expect(test.conversation.turns.length).toBeGreaterThan(3);
    expect(test.qualityScore).toBeGreaterThan(0);
    expect(test.qualityBreakdown.breakdown.turnCount.label).toBe('Turn count');
    // Scored as a run scores it: against the sample slot's topic, and its source chunk when it has one.
    expect(test.qualityBreakdown.breakdown.onTopic.label).toBe('On topic');
    expect(test.slot.chunkId).not.toBeNull();
    expect(test.qualityBreakdown.breakdown.grounding.label).toBe('Grounding');
    expect(test.qualityBreakdown).not.toHaveProperty('grounding');
    expect(test.prompt).toContain('Anxious Investor');
    expect((await t.services.ctx.database.db.select({ id: conversations.id }).from(conversations)).length).toBe(before);
    expect((await get(`/api/templates/${created.id}/tests`)).json().items[0].id).toBe(test.id);

    // Keep it: one generated conversation with the template version and the score.
    const kept = await post(`/api/templates/${created.id}/tests/${test.id}/keep`, {}, 'generator');
    expect(kept.statusCode, kept.body).toBe(201);
    const conv = (await get(`/api/conversations/${kept.json().conversationId}`)).json();
    expect(conv).toMatchObject({ status: 'generated', qualityScore: test.qualityScore, template: { id: created.id, name: 'Calm Explainer', version: 1, activeVersion: 2 } });
    expect(conv.turns).toHaveLength(test.conversation.turns.length);
    // Kept with its grounding, and checked for near-duplicates like a stored run result.
    expect(conv.grounding.sentences.length).toBeGreaterThan(0);
    const [signature] = await t.services.ctx.database.db.select({ id: conversationMinhash.conversationId }).from(conversationMinhash).where(eq(conversationMinhash.conversationId, conv.id));
    expect(signature?.id).toBe(conv.id);
    const again = await post(`/api/templates/${created.id}/tests/${test.id}/keep`, {}, 'generator');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain(kept.json().conversationId);
  });

  it('refuses a test of a missing version, an unknown slot value, a viewer, and a template with a missing parameter', async () => {
    expect((await post(`/api/templates/${created.id}/test`, { version: 9 })).json().error.details.field).toBe('version');
    expect((await post(`/api/templates/${created.id}/test`, { slot: { tone: 'snarky_none' } })).statusCode).toBe(400);
    expect((await post(`/api/templates/${created.id}/test`, {}, 'viewer')).statusCode).toBe(403);
    expect((await post(`/api/templates/${created.id}/tests/00000000-0000-4000-8000-000000000000/keep`)).statusCode).toBe(404);
    const needs = await post('/api/templates', { name: 'Needs scenario', tier: 'template', body: 'About {scenario_title} with {persona}' });
    const missing = await post(`/api/templates/${needs.json().id}/test`, {});
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details.missing).toEqual(['scenario_title']);
    expect(await t.services.ctx.database.db.select().from(templateTests).where(eq(templateTests.templateId, needs.json().id))).toHaveLength(0);
  });
});

describe('DELETE /api/templates/:id', () => {
  it('refuses a template conversations use (deactivate instead), deletes an unused one', async () => {
    const used = await t.as('admin', { method: 'DELETE', url: `/api/templates/${created.id}` });
    expect(used.statusCode).toBe(409);
    expect(used.json().error).toMatchObject({ code: 'template_in_use', details: { usageCount: 1 } });
    expect(used.json().error.hint).toContain('Deactivate');
    const unused = (await get('/api/templates?q=needs scenario')).json().items[0];
    const res = await t.as('admin', { method: 'DELETE', url: `/api/templates/${unused.id}` });
    expect(res.statusCode).toBe(200);
    expect((await get(`/api/templates/${unused.id}`)).statusCode).toBe(404);
    expect((await t.as('reviewer', { method: 'DELETE', url: `/api/templates/${created.id}` })).statusCode).toBe(403);
  });
});

describe('Test template against Claude (fake Messages API)', () => {
  let fake: FakeAnthropic;
  let c: TestApp;
  beforeAll(async () => {
    fake = await startFakeAnthropic({ latencyMs: 20, requestsPerMinute: 1000 });
    c = await createTestApp({ demo: true, env: { ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: fake.url, CONVGEN_MODEL: 'claude-haiku-4-5' } });
    await c.as('admin', { method: 'PATCH', url: '/api/settings', payload: { generation: { rateLimitPreset: 'anthropic-tier-4' } } });
    resetProviderLimiters();
  });
  afterAll(async () => {
    await c.close();
    await fake.close();
  });

  it('sends one request with the rendered prompt, scores the answer and prices it', async () => {
    const id = (await c.as('viewer', { method: 'GET', url: '/api/templates?tier=template' })).json().items[0].id;
    const res = await c.as('admin', { method: 'POST', url: `/api/templates/${id}/test`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'succeeded', provider: 'anthropic' });
    expect(res.json().costUsd).toBeGreaterThan(0);
    const sent = fake.requests.filter((r) => r.limited);
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0].body)).toContain(res.json().slot.labels.persona);
  });

  it('answers a provider fault with a clear error and a hint, and stores it as a failed test', async () => {
    fake.fail({ kind: 'status', status: 500 });
    const id = (await c.as('viewer', { method: 'GET', url: '/api/templates?tier=template' })).json().items[0].id;
    const res = await c.as('admin', { method: 'POST', url: `/api/templates/${id}/test`, payload: {} });
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('provider_server');
    expect(res.json().error.hint.length).toBeGreaterThan(10);
    const testId = res.json().error.details.testId;
    const tests = (await c.as('viewer', { method: 'GET', url: `/api/templates/${id}/tests` })).json().items;
    expect(tests.find((x: { id: string }) => x.id === testId)).toMatchObject({ status: 'failed', qualityScore: null });
    expect((await c.as('admin', { method: 'POST', url: `/api/templates/${id}/tests/${testId}/keep`, payload: {} })).json().error.code).toBe('test_failed');

    fake.fail({ kind: 'status', status: 401 });
    const auth = await c.as('admin', { method: 'POST', url: `/api/templates/${id}/test`, payload: {} });
    expect(auth.statusCode).toBe(502);
    expect(auth.json().error.code).toBe('provider_auth');
  });
});
