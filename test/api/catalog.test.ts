import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

const get = (url: string) => t.as('viewer', { method: 'GET', url });
const post = (url: string, payload: unknown, role: 'admin' | 'generator' | 'reviewer' = 'admin') => t.as(role, { method: 'POST', url, payload: payload as object });

describe('GET /api/catalog/:dimension', () => {
  it('lists the built-in emotions with guidance, order and usage', async () => {
    const res = await get('/api/catalog/emotion');
    expect(res.statusCode).toBe(200);
    const [first] = res.json().items;
    expect(first).toMatchObject({ key: 'fear', label: 'Fear', active: true, sortOrder: 0, usageCount: 0 });
    expect(first.guidance.length).toBeGreaterThan(10);
  });

  it('refuses an unknown dimension, naming the allowed ones', async () => {
    const res = await get('/api/catalog/mood');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('persona, emotion, topic, intent, tone');
    expect(res.json().error.details.field).toBe('dimension');
  });
});

describe('POST /api/catalog/:dimension', () => {
  it('adds a value with a key derived from the label, at the end of the list', async () => {
    const res = await post('/api/catalog/persona', { label: 'Night-Shift Nurse', description: 'Works nights on a ward', guidance: 'Clipped, practical sentences.' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ key: 'night_shift_nurse', label: 'Night-Shift Nurse', guidance: 'Clipped, practical sentences.', active: true, usageCount: 0 });
    const catalog = (await get('/api/catalog')).json();
    expect(catalog.persona.map((p: { key: string }) => p.key)).toEqual(['night_shift_nurse']);
  });

  it('refuses an empty label, a duplicate label or key (naming the existing one), and a reviewer', async () => {
    const empty = await post('/api/catalog/topic', { label: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.field).toBe('label');

    const sameLabel = await post('/api/catalog/persona', { label: 'night-shift  NURSE' });
    expect(sameLabel.statusCode).toBe(409);
    expect(sameLabel.json().error.details.existing).toEqual({ key: 'night_shift_nurse', label: 'Night-Shift Nurse' });

    const sameKey = await post('/api/catalog/persona', { label: 'Another', key: 'night_shift_nurse' });
    expect(sameKey.statusCode).toBe(409);
    expect(sameKey.json().error.message).toContain('night_shift_nurse');

    const badKey = await post('/api/catalog/persona', { label: 'Another', key: 'Not A Key' });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().error.details.field).toBe('key');

    expect((await post('/api/catalog/persona', { label: 'Reviewer Made' }, 'reviewer')).statusCode).toBe(403);
    expect((await post('/api/catalog/persona', { label: 'Generator Made' }, 'generator')).statusCode).toBe(201);
  });
});

describe('PATCH, order and DELETE', () => {
  it('edits label, guidance and the active switch; an inactive value stays listed but leaves /api/catalog', async () => {
    const res = await t.as('admin', { method: 'PATCH', url: '/api/catalog/persona/generator_made', payload: { label: 'Shift Lead', active: false } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ key: 'generator_made', label: 'Shift Lead', active: false });
    expect((await get('/api/catalog/persona')).json().items.map((i: { key: string; active: boolean }) => [i.key, i.active])).toEqual([
      ['night_shift_nurse', true],
      ['generator_made', false],
    ]);
    expect((await get('/api/catalog')).json().persona).toHaveLength(1);

    expect((await t.as('admin', { method: 'PATCH', url: '/api/catalog/persona/generator_made', payload: {} })).statusCode).toBe(400);
    expect((await t.as('admin', { method: 'PATCH', url: '/api/catalog/persona/nobody', payload: { label: 'X' } })).statusCode).toBe(404);
    const clash = await t.as('admin', { method: 'PATCH', url: '/api/catalog/persona/generator_made', payload: { label: 'Night-Shift Nurse' } });
    expect(clash.statusCode).toBe(409);
  });

  it('reorders: the listed keys first; unknown keys are refused', async () => {
    const res = await post('/api/catalog/persona/order', { keys: ['generator_made', 'night_shift_nurse'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { key: string }) => i.key)).toEqual(['generator_made', 'night_shift_nurse']);
    const bad = await post('/api/catalog/persona/order', { keys: ['ghost'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toMatchObject({ field: 'keys', unknown: ['ghost'] });
  });

  it('deletes an unused value, and refuses one in use with the count and the way out', async () => {
    const db = t.services.ctx.database.db;
    const { conversations } = await import('../../src/db/schema');
    await db.insert(conversations).values({ conversationId: 'conv-t1', persona: 'night_shift_nurse', emotion: 'fear', topic: 't', intent: 'seek_advice', tone: 'concise', tier: 'template' });
    const inUse = await t.as('admin', { method: 'DELETE', url: '/api/catalog/persona/night_shift_nurse' });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toContain('1 conversation');
    expect(inUse.json().error.hint).toMatch(/Deactivate/);
    expect((await get('/api/catalog/persona')).json().items.find((i: { key: string }) => i.key === 'night_shift_nurse').usageCount).toBe(1);

    expect((await t.as('admin', { method: 'DELETE', url: '/api/catalog/persona/generator_made' })).json()).toEqual({ deleted: 'generator_made' });
    expect((await t.as('admin', { method: 'DELETE', url: '/api/catalog/persona/generator_made' })).statusCode).toBe(404);
  });
});

describe('POST /api/catalog/import', () => {
  const csv = (body: string) => t.as('admin', { method: 'POST', url: '/api/catalog/import', payload: body, headers: { 'content-type': 'text/csv' } });

  it('adds new values and updates existing ones from CSV, with counts per dimension', async () => {
    const res = await csv('dimension,key,label,guidance,active\npersona,night_shift_nurse,Night-Shift Nurse,"Tired, precise.",\ntopic,,Shift Handover,,\ntopic,,Medication Errors,,false\n');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ added: { topic: 2, persona: 0 }, updated: { persona: 1 }, total: 3 });
    const topics = (await get('/api/catalog/topic')).json().items;
    expect(topics.map((i: { key: string; active: boolean }) => [i.key, i.active])).toEqual([
      ['shift_handover', true],
      ['medication_errors', false],
    ]);
    expect((await get('/api/catalog/persona')).json().items.find((i: { key: string }) => i.key === 'night_shift_nurse').guidance).toBe('Tired, precise.');
  });

  it('imports JSON the same way', async () => {
    const res = await post('/api/catalog/import', { items: [{ dimension: 'intent', label: 'Escalate a Case' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().added.intent).toBe(1);
  });

  it('is all or nothing: a bad CSV line names the line and field and changes nothing', async () => {
    const before = (await get('/api/catalog/topic')).json().items.length;
    const res = await csv('dimension,label\ntopic,Triage\nsubject,Billing\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual({ line: 3, field: 'dimension' });
    expect(res.json().error.message).toMatch(/^Line 3, dimension/);
    expect((await get('/api/catalog/topic')).json().items).toHaveLength(before);

    const clash = await csv('dimension,key,label\ntopic,,Triage\ntopic,handover_2,shift handover\n');
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.details).toMatchObject({ line: 3, field: 'label', existing: { key: 'shift_handover' } });
    expect((await get('/api/catalog/topic')).json().items).toHaveLength(before);
  });

  it('refuses malformed JSON and a bad JSON item with its index', async () => {
    const malformed = await t.as('admin', { method: 'POST', url: '/api/catalog/import', payload: '[{"dimension": "topic", ', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toBeTruthy();
    const badItem = await post('/api/catalog/import', [{ dimension: 'topic', label: 'Fine' }, { dimension: 'topic' }]);
    expect(badItem.statusCode).toBe(400);
    expect(badItem.json().error.details).toEqual({ index: 1, field: 'label' });
    expect((await post('/api/catalog/import', [{ dimension: 'topic', label: 'X' }], 'reviewer')).statusCode).toBe(403);
  });
});

describe('PATCH /api/conversations/:id', () => {
  const patch = (payload: object, role: 'admin' | 'reviewer' | 'viewer' = 'reviewer') => t.as(role, { method: 'PATCH', url: '/api/conversations/conv-p1', payload });

  beforeAll(async () => {
    const { conversations } = await import('../../src/db/schema');
    await t.services.ctx.database.db
      .insert(conversations)
      .values({ conversationId: 'conv-p1', persona: 'night_shift_nurse', emotion: 'fear', topic: 'shift_handover', intent: 'seek_advice', tone: 'concise', tier: 'template', metadata: { batch: 3, source: 'plan' } });
  });

  it('refuses an unknown persona with the field and the allowed values, and changes nothing', async () => {
    const res = await patch({ persona: 'astronaut' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('unknown_dimension_value');
    expect(res.json().error.details).toMatchObject({ field: 'persona', value: 'astronaut', allowed: ['night_shift_nurse'] });
    expect((await t.as('viewer', { method: 'GET', url: '/api/conversations/conv-p1' })).json().persona).toBe('night_shift_nurse');
    expect((await patch({})).statusCode).toBe(400);
    expect((await patch({ metadata: { 'bad key': 1 } })).statusCode).toBe(400);
    expect((await patch({ tone: 'analytical' }, 'viewer')).statusCode).toBe(403);
  });

  it('changes dimensions, merges metadata (null removes a key), updates search and records the edit', async () => {
    const res = await patch({ emotion: 'hope', metadata: { reviewed_by: 'dana', source: null } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ emotion: 'hope', metadata: { batch: 3, reviewed_by: 'dana' } });
    expect(res.json().metadata).not.toHaveProperty('source');

    const found = (await t.as('viewer', { method: 'GET', url: '/api/conversations?q=hope' })).json();
    expect(found.items.map((i: { conversationId: string }) => i.conversationId)).toEqual(['conv-p1']);
    const byMeta = (await t.as('viewer', { method: 'GET', url: '/api/conversations?meta=reviewed_by:dana,batch:3' })).json();
    expect(byMeta.items.map((i: { conversationId: string }) => i.conversationId)).toEqual(['conv-p1']);
    expect((await t.as('viewer', { method: 'GET', url: '/api/conversations?meta=reviewed_by:sam' })).json().total).toBe(0);
    expect((await t.as('viewer', { method: 'GET', url: '/api/conversations?meta=nokey' })).statusCode).toBe(400);

    // Renaming a value in the catalog makes its conversations findable by the new name.
    await t.as('admin', { method: 'PATCH', url: '/api/catalog/persona/night_shift_nurse', payload: { label: 'Ward Nurse' } });
    expect((await t.as('viewer', { method: 'GET', url: '/api/conversations?q=ward%20nurse' })).json().total).toBeGreaterThanOrEqual(1);

    const audit = (await t.as('admin', { method: 'GET', url: '/api/conversations/conv-p1/audit' })).json();
    expect(JSON.stringify(audit)).toContain('emotion: fear → hope');
  });
});

describe('guidance in the prompt', () => {
  it("puts each value's guidance into the built-in template's prompt, and a changed guidance at once", async () => {
    const db = t.services.ctx.database.db;
    const { conversations, templates } = await import('../../src/db/schema');
    const { eq } = await import('drizzle-orm');
    const [template] = await db.select().from(templates).where(eq(templates.key, 'builtin_template'));
    await db.insert(conversations).values({ conversationId: 'conv-g1', persona: 'night_shift_nurse', emotion: 'fear', topic: 'shift_handover', intent: 'seek_advice', tone: 'concise', tier: 'template', arcKey: 'discovery', templateId: template.id, templateVersion: 1 });
    const prompt = async () => (await t.as('admin', { method: 'GET', url: '/api/conversations/conv-g1/prompt' })).json();
    const first = await prompt();
    expect(first.missing).toEqual([]);
    expect(first.prompt).toContain('How this persona speaks and behaves: Tired, precise.');
    expect(first.prompt).toContain('EMOTIONAL ARC: Discovery');
    expect(first.prompt).toMatch(/How the emotion shows: The user feels something important is at stake/);

    await t.as('admin', { method: 'PATCH', url: '/api/catalog/tone/concise', payload: { guidance: 'Two sentences at most.' } });
    expect((await prompt()).prompt).toContain('How the assistant should sound: Two sentences at most.');
  });
});
