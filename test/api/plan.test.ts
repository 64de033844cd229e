import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail, ConversationListResponse } from '../../src/contract/conversations';
import type { PlanCreated, PlanPreview } from '../../src/contract/plan';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const total = async (query = '') => (await t.as('viewer', { method: 'GET', url: `/api/conversations?pageSize=25${query}` })).json<ConversationListResponse>().total;
const post = (url: string, payload: unknown, role: 'admin' | 'generator' | 'reviewer' = 'generator') => t.as(role, { method: 'POST', url, payload: payload as object });

describe('POST /api/plan/preview', () => {
  it('shows the plan by tier, persona, emotion, arc and category and stores nothing', async () => {
    const before = await total();
    const res = await post('/api/plan/preview', { count: 20, seed: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<PlanPreview>();
    expect(preview).toMatchObject({ requested: 20, planned: 20, byTier: { template: 9, scenario: 8, edge_case: 3 }, split: { template: 40, scenario: 35, edge_case: 15 } });
    expect(Object.values(preview.byPersona).reduce((a, b) => a + b, 0)).toBe(20);
    expect(Object.values(preview.byArc).reduce((a, b) => a + b, 0)).toBe(9);
    expect(Object.keys(preview.byCategory).length).toBeGreaterThan(0);
    expect(await total()).toBe(before);
  });

  it('honours a split, only the personas and categories asked for', async () => {
    const res = await post('/api/plan/preview', { count: 12, split: { template: 0, scenario: 1, edge_case: 0 }, personas: ['anxious_investor'], categories: ['Complete Systems'], seed: 2 });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<PlanPreview>();
    expect(preview.byTier).toEqual({ template: 0, scenario: 12, edge_case: 0 });
    expect(preview.byPersona).toEqual({ anxious_investor: 12 });
    expect(Object.keys(preview.byCategory)).toEqual(['Complete Systems']);
  });

  it.each([
    [{ count: 0 }, 'count'],
    [{ count: 10_001 }, 'count'],
    [{ count: 1.5 }, 'count'],
    [{ count: 5, split: { template: 40, scenario: 35 } }, 'split.edge_case'],
    [{ count: 5, split: { template: -1, scenario: 35, edge_case: 15 } }, 'split.template'],
    [{ count: 5, personas: ['Not A Key'] }, 'personas.0'],
    [{ count: 5, surprise: true }, ''],
  ])('refuses %j with 400 naming the field', async (body, field) => {
    const res = await post('/api/plan/preview', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain(field);
  });

  it('refuses an unknown persona or category with the values it allows', async () => {
    const persona = await post('/api/plan/preview', { count: 5, personas: ['nobody_at_all'] });
    expect(persona.statusCode).toBe(400);
    expect(persona.json().error).toMatchObject({ code: 'unknown_dimension_value', details: { field: 'persona', value: 'nobody_at_all' } });
    expect(persona.json().error.details.allowed).toContain('anxious_investor');
    const category = await post('/api/plan/preview', { count: 5, categories: ['Astrology'] });
    expect(category.statusCode).toBe(400);
    expect(category.json().error).toMatchObject({ code: 'unknown_category', details: { field: 'categories', value: 'Astrology' } });
  });

  it('says why a plan is impossible: all tiers at 0', async () => {
    const res = await post('/api/plan/preview', { count: 5, split: { template: 0, scenario: 0, edge_case: 0 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('plan_impossible');
    expect(res.json().error.hint).toMatch(/share above 0/);
  });

  it('is for those who may generate', async () => {
    expect((await post('/api/plan/preview', { count: 5 }, 'reviewer')).statusCode).toBe(403);
  });
});

describe('POST /api/plan', () => {
  it('creates the previewed slots as not-generated conversations numbered after the last one', async () => {
    const before = await total();
    const preview = (await post('/api/plan/preview', { count: 15, seed: 7 })).json<PlanPreview>();
    const res = await post('/api/plan', { count: 15, seed: 7 });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<PlanCreated>();
    expect(created.created).toBe(15);
    expect(created.byPersona).toEqual(preview.byPersona);
    expect(created.byTier).toEqual(preview.byTier);
    expect(created.conversationIds[0]).toBe('conv-00091');
    expect(await total()).toBe(before + 15);
    expect(await total('&status=not_generated&q=conv-0010')).toBeGreaterThan(0);

    const detail = await t.as('viewer', { method: 'GET', url: `/api/conversations/${created.conversationIds[14]}` });
    expect(detail.statusCode, detail.body).toBe(200);
    const conversation = detail.json<ConversationDetail>();
    expect(conversation.status).toBe('not_generated');
  });

  it('never repeats a slot: planning the same request twice gives different slots', async () => {
    expect((await post('/api/plan', { count: 30, seed: 11 })).statusCode).toBe(201);
    expect((await post('/api/plan', { count: 30, seed: 11 })).statusCode).toBe(201);
    const [{ slots, distinct }] = await queryRows<{ slots: number; distinct: number }>(
      t.services.ctx.database.db,
      sql`select count(*)::int as slots,
                 count(distinct (tier, persona, emotion, topic, intent, tone, coalesce(arc_key, ''), coalesce(scenario_id::text, ''), coalesce(edge_case_id::text, ''), coalesce(chunk_id::text, '')))::int as distinct
            from conversations where not is_seed`,
    );
    expect(distinct).toBe(slots);
  });
});

describe('POST /api/conversations (one slot by hand)', () => {
  const slot = { tier: 'scenario', persona: 'anxious_investor', emotion: 'anxious', topic: 'emergency_fund', intent: 'seek_reassurance', tone: 'warm' } as const;

  it('creates one not-generated conversation and refuses the same values twice', async () => {
    const catalog = (await t.as('viewer', { method: 'GET', url: '/api/catalog' })).json();
    const values = Object.fromEntries(['persona', 'emotion', 'topic', 'intent', 'tone'].map((d) => [d, catalog[d][0].key]));
    const body = { ...values, tier: 'scenario', title: 'Hand-made' };
    const res = await post('/api/conversations', body);
    expect(res.statusCode, res.body).toBe(201);
    const { conversationId } = res.json();
    const detail = (await t.as('viewer', { method: 'GET', url: `/api/conversations/${conversationId}` })).json<ConversationDetail>();
    expect(detail).toMatchObject({ status: 'not_generated', tier: 'scenario', title: 'Hand-made' });
    const again = await post('/api/conversations', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain(conversationId);
  });

  it('refuses unknown values with the field and the allowed values, and creates nothing', async () => {
    const before = await total();
    const res = await post('/api/conversations', { ...slot, persona: 'martian' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ field: 'persona', value: 'martian' });
    expect(await total()).toBe(before);
  });

  it.each([
    [{ tier: 'template' }, 'arcKey'],
    [{ tier: 'scenario', arcKey: 'triumph' }, 'arcKey'],
    [{ tier: 'edge_case' }, 'edgeCaseId'],
    [{ tier: 'scenario', chunkId: '00000000-0000-4000-8000-000000000000' }, 'chunkId'],
    [{ tier: 'galaxy' }, 'tier'],
  ])('refuses %j naming %s', async (change, field) => {
    const catalog = (await t.as('viewer', { method: 'GET', url: '/api/catalog' })).json();
    const values = Object.fromEntries(['persona', 'emotion', 'topic', 'intent', 'tone'].map((d) => [d, catalog[d][1].key]));
    const res = await post('/api/conversations', { ...values, ...change });
    expect(res.statusCode, res.body).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain(field);
  });
});

describe('the workspace split and chunk settings', () => {
  const patch = (payload: object) => t.as('admin', { method: 'PATCH', url: '/api/settings', payload });

  it('plans with the workspace split when the request names none', async () => {
    expect((await patch({ planning: { tierSplit: { template: 1, scenario: 1, edge_case: 0 } } })).statusCode).toBe(200);
    const preview = (await post('/api/plan/preview', { count: 10, seed: 3 })).json<PlanPreview>();
    expect(preview.byTier).toEqual({ template: 5, scenario: 5, edge_case: 0 });
    expect((await t.as('viewer', { method: 'GET', url: '/api/plan/sources' })).json().split).toEqual({ template: 1, scenario: 1, edge_case: 0 });
    expect((await patch({ planning: { tierSplit: { template: 40, scenario: 35, edge_case: 15 } } })).statusCode).toBe(200);
  });

  it('refuses a split of all zeros and an overlap as long as the chunk', async () => {
    const zeros = await patch({ planning: { tierSplit: { template: 0, scenario: 0, edge_case: 0 } } });
    expect(zeros.statusCode).toBe(400);
    expect(JSON.stringify(zeros.json().error)).toContain('tierSplit');
    const overlap = await patch({ documents: { chunkSize: 500, chunkOverlap: 500 } });
    expect(overlap.statusCode).toBe(400);
    expect(JSON.stringify(overlap.json().error)).toContain('chunkOverlap');
  });

  it('weights categories: a category at 0 is left out of plans, and the preview says so', async () => {
    const before = (await post('/api/plan/preview', { count: 20, seed: 4 })).json<PlanPreview>();
    expect(before.byCategory['Proprietary Strategies']).toBeGreaterThan(0);
    expect((await patch({ documents: { categoryWeights: { 'Proprietary Strategies': 0 } } })).statusCode).toBe(200);
    const preview = (await post('/api/plan/preview', { count: 20, seed: 4 })).json<PlanPreview>();
    expect(preview.byCategory['Proprietary Strategies']).toBeUndefined();
    expect(Object.keys(preview.byCategory).length).toBeGreaterThan(0);
    expect(preview.warnings.join(' ')).toContain('Proprietary Strategies is left out');
    expect((await patch({ documents: { categoryWeights: {} } })).statusCode).toBe(200);
  });
});
