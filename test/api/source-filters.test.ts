import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client';
import { conversations, documents } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const list = async (query: string) => {
  const res = await t.as('viewer', { method: 'GET', url: `/api/conversations?pageSize=100&${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ total: number; items: { id: string }[] }>();
};
const count = async (where: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(t.services.ctx.database.db, sql`select count(*)::int as n from conversations c left join chunks ch on ch.id = c.chunk_id left join documents d on d.id = c.document_id where ${where}`))[0].n;

describe('conversation filters on the source material', () => {
  it('filters by document category, OR within the list', async () => {
    const cats = (await queryRows<{ category: string }>(t.services.ctx.database.db, sql`select distinct category from documents order by category`)).map((r) => r.category);
    expect(cats.length).toBeGreaterThan(1);
    const one = await list(`category=${encodeURIComponent(cats[0])}`);
    expect(one.total).toBe(await count(sql`d.category = ${cats[0]}`));
    expect(one.total).toBeGreaterThan(0);
    const both = await list(`category=${encodeURIComponent(`${cats[0]},${cats[1]}`)}`);
    expect(both.total).toBe(await count(sql`d.category in (${cats[0]}, ${cats[1]})`));
    expect(both.total).toBeGreaterThan(one.total);
  });

  it('filters by document and by the chunk’s derived dimensions, AND across keys', async () => {
    const [doc] = await t.services.ctx.database.db.select().from(documents).limit(1);
    expect((await list(`document=${doc.id}`)).total).toBe(await count(sql`c.document_id = ${doc.id}`));
    const advanced = await list('expertise=advanced');
    expect(advanced.total).toBe(await count(sql`ch.dimensions->>'expertise_level' = 'advanced'`));
    expect(advanced.total).toBeGreaterThan(0);
    const combined = await list(`expertise=advanced&valence=negative,neutral&confidenceMin=7`);
    expect(combined.total).toBe(await count(sql`ch.dimensions->>'expertise_level' = 'advanced' and ch.dimensions->>'emotional_valence' in ('negative','neutral') and (ch.dimensions->>'confidence')::float >= 7`));
    expect(combined.total).toBeLessThanOrEqual(advanced.total);
  });

  it('reads a conversation’s snapshot when its chunk and document are gone', async () => {
    const [target] = await t.services.ctx.database.db.select().from(conversations).where(eq(conversations.conversationId, 'conv-00005'));
    await t.services.ctx.database.db
      .update(conversations)
      .set({
        chunkId: null,
        documentId: null,
        sourceSnapshot: { documentId: '11111111-1111-4111-8111-111111111111', documentTitle: 'Gone', category: 'Archived Notes', chunkId: '22222222-2222-4222-8222-222222222222', ordinal: 1, heading: null, content: 'Old text.', dimensions: { audience_level: 'expert', confidence: 9.5 }, takenAt: new Date().toISOString() },
      })
      .where(eq(conversations.id, target.id));
    expect((await list('category=Archived%20Notes')).items.map((i) => i.id)).toEqual([target.id]);
    expect((await list('document=11111111-1111-4111-8111-111111111111')).items.map((i) => i.id)).toEqual([target.id]);
    expect((await list('audience=expert&confidenceMin=9.5')).items.map((i) => i.id)).toContain(target.id);
  });

  it('works in status counts, positions and run estimates (filter before generating)', async () => {
    const counts = await t.as('viewer', { method: 'GET', url: '/api/conversations/status-counts?category=Archived%20Notes' });
    expect(counts.json().total).toBe(1);
    const estimate = await t.as('admin', { method: 'POST', url: '/api/runs/estimate', payload: { filter: { category: ['Archived Notes'] }, regenerate: undefined } });
    expect(estimate.statusCode, estimate.body).toBe(200);
    expect(estimate.json().count + estimate.json().skipped).toBe(1);
    const bad = await t.as('admin', { method: 'POST', url: '/api/runs/estimate', payload: { filter: { expertise: ['guru'] } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('expertise');
  });

  it.each([
    ['expertise=guru', 'expertise'],
    ['valence=angry', 'valence'],
    ['audience=kids', 'audience'],
    ['confidenceMin=11', 'confidenceMin'],
    ['document=not-an-id', 'document'],
  ])('refuses %s naming the field', async (query, field) => {
    const res = await t.as('viewer', { method: 'GET', url: `/api/conversations?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(field);
  });
});
