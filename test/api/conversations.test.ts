import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail, ConversationListResponse } from '../../src/contract/conversations';
import { conversations } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Seeds cannot be rejected (they are benchmarks): these tests reject a generated conversation, its status set in the database. */
const generated = async (conversationId: string) => {
  await t.services.ctx.database.db.update(conversations).set({ status: 'generated', generatedAt: new Date() }).where(eq(conversations.conversationId, conversationId));
  return conversationId;
};

const list = async (query: string) => {
  const res = await t.as('viewer', { method: 'GET', url: `/api/conversations${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ConversationListResponse>();
};

describe('GET /api/conversations', () => {
  it('needs a session or token', async () => {
    const res = await t.as(null, { method: 'GET', url: '/api/conversations' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('rejects an unknown token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/conversations', headers: { authorization: 'Bearer nope-nope-nope-nope' } });
    expect(res.statusCode).toBe(401);
  });

  it('returns the first page of the demo workspace with the total', async () => {
    const body = await list('');
    expect(body.total).toBe(96); // 90 planned + 6 seeds
    expect(body.items).toHaveLength(25);
    expect(body.page).toBe(1);
    expect(body.pageSize).toBe(25);
    expect(body.items[0].conversationId).toBe('conv-00001');
  });

  it('filters with OR within a dimension and AND across dimensions', async () => {
    const one = await list('?persona=anxious_investor');
    expect(one.total).toBeGreaterThan(0);
    expect(one.items.every((c) => c.persona === 'anxious_investor')).toBe(true);
    const two = await list('?persona=anxious_investor,skeptical_beginner&pageSize=100');
    expect(two.total).toBeGreaterThan(one.total);
    expect(new Set(two.items.map((c) => c.persona))).toEqual(new Set(['anxious_investor', 'skeptical_beginner']));
    const both = await list('?persona=anxious_investor,skeptical_beginner&tier=template&pageSize=100');
    expect(both.total).toBeLessThan(two.total);
    expect(both.items.every((c) => c.tier === 'template')).toBe(true);
  });

  it('filters by status and tier', async () => {
    const planned = await list('?status=not_generated');
    expect(planned.total).toBe(90);
    const seeds = await list('?status=approved');
    expect(seeds.total).toBe(6);
    expect(seeds.items.every((c) => c.isSeed)).toBe(true);
    expect((await list('?tier=edge_case&status=not_generated')).total).toBe(15);
  });

  it('filters by quality level and range', async () => {
    const high = await list('?quality=high&pageSize=100');
    expect(high.items.every((c) => c.qualityScore !== null && c.qualityScore >= 8)).toBe(true);
    const ranged = await list('?qualityMin=0&qualityMax=10&pageSize=100');
    expect(ranged.total).toBe(6);
    expect((await list('?quality=low')).total).toBe(0);
  });

  it('sorts by any column in both directions', async () => {
    const asc = await list('?sort=persona&dir=asc&pageSize=100');
    const personas = asc.items.map((c) => c.persona);
    expect(personas).toEqual([...personas].sort());
    const desc = await list('?sort=conversationId&dir=desc');
    expect(desc.items[0].conversationId).toBe('seed-006');
    const quality = await list('?sort=qualityScore&dir=desc');
    expect(quality.items[0].qualityScore).not.toBeNull();
  });

  it('searches across id and dimension labels', async () => {
    const byId = await list('?q=conv-00042');
    expect(byId.items.map((c) => c.conversationId)).toEqual(['conv-00042']);
    const byLabel = await list('?q=anxious%20investor&pageSize=100');
    expect(byLabel.total).toBe((await list('?persona=anxious_investor')).total);
    expect((await list('?q=%25%25%25')).total).toBe(0);
  });

  it('pages through every row exactly once', async () => {
    const seen = new Set<string>();
    for (let page = 1; page <= 4; page++) for (const c of (await list(`?page=${page}&sort=persona`)).items) seen.add(c.id);
    expect(seen.size).toBe(96);
    expect((await list('?page=5')).items).toHaveLength(0);
  });

  it.each([
    ['pageSize=30', 'pageSize'],
    ['page=0', 'page'],
    ['sort=password', 'sort'],
    ['dir=sideways', 'dir'],
    ['status=done', 'status'],
    ['tier=gold', 'tier'],
    ['quality=great', 'quality'],
    ['qualityMin=11', 'qualityMin'],
    ['qualityMin=8&qualityMax=2', 'qualityMin'],
    ['persona=DROP%20TABLE', 'persona'],
    ['unknown=1', 'unknown'],
  ])('answers 400 naming the parameter for %s', async (query, field) => {
    const res = await t.as('viewer', { method: 'GET', url: `/api/conversations?${query}` });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('invalid_request');
    if (field) expect(error.message).toContain(`'${field}'`);
    expect(error.hint).toBeTruthy();
  });
});

describe('garbage input', () => {
  it.each([
    ['GET', '/api/conversations?q=%00'],
    ['GET', '/api/conversations/%00'],
    ['GET', '/api/conversations/%ff'],
    ['POST', '/api/conversations/ab%00/generate'],
  ])('%s %s answers 4xx in the standard shape, never 500', async (method, url) => {
    const res = await t.as('admin', { method: method as 'GET', url });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String), hint: expect.any(String) });
  });

  it('refuses a NUL byte in review notes and changes nothing', async () => {
    const id = await generated('conv-00060');
    const res = await t.as('reviewer', { method: 'POST', url: `/api/conversations/${id}/review`, payload: { action: 'reject', notes: 'bad\u0000' } });
    expect(res.statusCode).toBe(400);
    const after = (await t.as('viewer', { method: 'GET', url: `/api/conversations/${id}` })).json<ConversationDetail>();
    expect(after.status).toBe('generated');
  });

  it('answers two simultaneous creations of the same user with one 201 and one 409', async () => {
    const create = () => t.as('admin', { method: 'POST', url: '/api/users', payload: { email: 'twin@example.test', name: 'Twin', role: 'viewer', password: 'twin-password' } });
    const codes = (await Promise.all([create(), create()])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409]);
  });
});

describe('GET /api/conversations/:id', () => {
  it('returns a seed conversation with turns, quality and metadata, by row id or human id', async () => {
    const { items } = await list('?q=seed-001');
    const byId = await t.as('viewer', { method: 'GET', url: `/api/conversations/${items[0].id}` });
    expect(byId.statusCode).toBe(200);
    const detail = byId.json<ConversationDetail>();
    expect(detail.turns.length).toBeGreaterThanOrEqual(8);
    expect(detail.turns[0]).toMatchObject({ turnNumber: 1, role: 'user' });
    expect(detail.quality?.breakdown.turnCount.score).toBeGreaterThan(0);
    const byHumanId = await t.as('viewer', { method: 'GET', url: '/api/conversations/seed-001' });
    expect(byHumanId.json<ConversationDetail>().id).toBe(detail.id);
  });

  it('includes the source chunk and document of a planned scenario conversation', async () => {
    const { items } = await list('?tier=scenario');
    const detail = (await t.as('viewer', { method: 'GET', url: `/api/conversations/${items[0].id}` })).json<ConversationDetail>();
    expect(detail.turns).toEqual([]);
    expect(detail.scenario?.title).toBeTruthy();
    expect(detail.source.chunk?.content.length).toBeGreaterThan(50);
    expect(detail.source.document?.category).toBeTruthy();
  });

  it('answers 404 for an unknown conversation', async () => {
    const res = await t.as('viewer', { method: 'GET', url: '/api/conversations/conv-99999' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.hint).toBeTruthy();
  });
});

describe('roles', () => {
  it('lets only admins and generators generate', async () => {
    const res = await t.as('viewer', { method: 'POST', url: '/api/conversations/conv-00001/generate' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect((await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00001/generate' })).statusCode).toBe(403);
  });

  it('lets only admins and reviewers review', async () => {
    const res = await t.as('generator', { method: 'POST', url: '/api/conversations/seed-001/review', payload: { action: 'approve' } });
    expect(res.statusCode).toBe(403);
  });

  it('lets only admins manage users', async () => {
    expect((await t.as('generator', { method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    expect((await t.as('admin', { method: 'GET', url: '/api/users' })).statusCode).toBe(200);
  });
});

describe('POST /api/conversations/:id/review', () => {
  it('refuses to approve a conversation that was never generated, changing nothing', async () => {
    const res = await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00002/review', payload: { action: 'approve' } });
    expect(res.statusCode).toBe(409);
    const after = (await t.as('viewer', { method: 'GET', url: '/api/conversations/conv-00002' })).json<ConversationDetail>();
    expect(after.status).toBe('not_generated');
  });

  it('validates the body', async () => {
    expect((await t.as('reviewer', { method: 'POST', url: '/api/conversations/seed-002/review', payload: { action: 'maybe' } })).statusCode).toBe(400);
    const long = await t.as('reviewer', { method: 'POST', url: '/api/conversations/seed-002/review', payload: { action: 'reject', notes: 'x'.repeat(501) } });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toContain("'notes'");
    const garbage = await t.as('reviewer', { method: 'POST', url: '/api/conversations/seed-002/review', payload: '{not json', headers: { 'content-type': 'application/json' } });
    expect(garbage.statusCode).toBe(400);
  });

  it('rejects with notes and records who and when', async () => {
    const id = await generated('conv-00061');
    const res = await t.as('reviewer', { method: 'POST', url: `/api/conversations/${id}/review`, payload: { action: 'reject', notes: 'Too generic' } });
    expect(res.statusCode).toBe(200);
    const detail = (await t.as('viewer', { method: 'GET', url: `/api/conversations/${id}` })).json<ConversationDetail>();
    expect(detail.status).toBe('rejected');
    expect(detail.review).toMatchObject({ reviewedBy: 'Test reviewer', notes: 'Too generic' });
  });
});
