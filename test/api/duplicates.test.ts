import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail, ConversationListResponse } from '../../src/contract/conversations';
import type { DiversityResponse, DuplicatesResponse, JudgeAgreementResponse, JudgeResponse } from '../../src/contract/dataset-health';
import type { RunProgress } from '../../src/contract/runs';
import { conversationMinhash, conversations } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../support/app';
import { waitFor } from '../support/wait';

let t: TestApp;
const db = () => t.services.ctx.database.db;
const detail = async (id: string) => (await t.as('viewer', { method: 'GET', url: `/api/conversations/${id}` })).json<ConversationDetail>();
const duplicates = async () => (await t.as('viewer', { method: 'GET', url: '/api/duplicates' })).json<DuplicatesResponse>();

const runToEnd = async (payload: Record<string, unknown>) => {
  const res = await t.as('admin', { method: 'POST', url: '/api/runs', payload });
  expect(res.statusCode, res.body).toBe(201);
  const { runId } = res.json<{ runId: string }>();
  return waitFor(async () => {
    const p = (await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress>();
    return p.status === 'completed' ? p : null;
  });
};

beforeAll(async () => {
  t = await createTestApp({ worker: true, offlineLatencyMs: 0 });
  // The demo's seed conversations get signatures by the startup backfill, in the background.
  await waitFor(async () => ((await duplicates()).unchecked === 0 ? true : null), { timeoutMs: 30_000 });
  await runToEnd({ conversationIds: ['conv-00001', 'conv-00002', 'conv-00003'] });
});
afterAll(() => t.close());

let original: ConversationDetail;
let copyId: string;

describe('near-duplicates', () => {
  it('gives every conversation with text a signature: the demo at startup, generated ones as they are stored', async () => {
    const [{ n: withText }] = await db().select({ n: sql<number>`count(*)::int` }).from(conversations).where(sql`${conversations.turnCount} > 0`);
    const [{ n: signed }] = await db().select({ n: sql<number>`count(*)::int` }).from(conversationMinhash);
    expect(withText).toBeGreaterThan(0);
    expect(signed).toBe(withText);
  });

  it('marks an imported copy of a conversation as a near-duplicate of the earlier one', async () => {
    const list = (await t.as('viewer', { method: 'GET', url: '/api/conversations?status=generated&seed=exclude' })).json<ConversationListResponse>();
    original = await detail(list.items[0].id);
    const res = await t.as('generator', {
      method: 'POST',
      url: '/api/seeds/import',
      payload: [{ conversationId: 'copy-001', title: 'A copy', persona: original.persona, emotion: original.emotion, topic: original.topic, intent: original.intent, tone: original.tone, tier: original.tier, turns: original.turns.map((x) => ({ role: x.role, content: x.content })) }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const copy = await detail('copy-001');
    copyId = copy.id;
    expect(copy.nearDuplicateOf).toEqual({ id: original.id, conversationId: original.conversationId, similarity: 1 });
    // The earlier one is not marked by the later copy.
    expect((await detail(original.id)).nearDuplicateOf).toBeNull();
    const summary = await duplicates();
    expect(summary.pairs.find((p) => p.id === copyId)).toMatchObject({ of: { id: original.id }, similarity: 1 });
    expect(summary.count).toBeGreaterThanOrEqual(1);
  });

  it('checks a conversation as it is stored by a run, against its new text', async () => {
    await runToEnd({ conversationIds: [original.conversationId], regenerate: true });
    const after = await detail(original.id);
    const [row] = await db().select().from(conversationMinhash).where(eq(conversationMinhash.conversationId, original.id));
    expect(row.createdAt.getTime()).toBeGreaterThan(new Date(original.generatedAt ?? 0).getTime());
    // Regenerated now, it is the later of the two when its text is still alike, and unmarked when it changed.
    const same = JSON.stringify(after.turns.map((x) => x.content)) === JSON.stringify(original.turns.map((x) => x.content));
    if (same) {
      expect(after.nearDuplicateOf).toMatchObject({ id: copyId, similarity: 1 });
      // The copy is now the earlier of the two: its mark pointing at the regenerated one is gone.
      expect((await detail(copyId)).nearDuplicateOf).toBeNull();
    } else expect(after.nearDuplicateOf?.id ?? null).not.toBe(original.id);
  });

  it('filters the table to near-duplicates only, and refuses a bad filter value', async () => {
    const res = await t.as('viewer', { method: 'GET', url: '/api/conversations?nearDuplicate=1&pageSize=100' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ConversationListResponse>();
    const marked = [];
    for (const id of [original.id, copyId]) if ((await detail(id)).nearDuplicateOf) marked.push(id);
    expect(marked.length).toBeGreaterThanOrEqual(1);
    expect(body.items.map((c) => c.id)).toEqual(expect.arrayContaining(marked));
    expect(body.items.every((c) => c.nearDuplicateOf !== null)).toBe(true);
    expect(body.total).toBe((await duplicates()).count);
    const bad = await t.as('viewer', { method: 'GET', url: '/api/conversations?nearDuplicate=yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('nearDuplicate');
  });

  it('leaves near-duplicates out of an export when asked, and the preview says how many', async () => {
    const selection = { conversationIds: [original.id, copyId] };
    const kept = await t.as('generator', { method: 'POST', url: '/api/exports/preview', payload: { format: 'openai', approvedOnly: false, selection, options: {} } });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ count: 2, nearDuplicatesLeftOut: 0 });
    const res = await t.as('generator', { method: 'POST', url: '/api/exports/preview', payload: { format: 'openai', approvedOnly: false, selection, options: { excludeNearDuplicates: true } } });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<{ count: number; nearDuplicatesLeftOut: number }>();
    const marked = [await detail(original.id), await detail(copyId)].filter((c) => c.nearDuplicateOf).length;
    expect(marked).toBeGreaterThanOrEqual(1);
    expect(preview).toMatchObject({ count: 2 - marked, nearDuplicatesLeftOut: marked });
  });

  it('decides the marks again when the threshold changes, from the stored signatures, and back', async () => {
    // A copy with about 7 % new words at its end: about 93 % alike (well above 85 %, and not 100 %),
    // whatever text the offline generator gave the original.
    const base = await detail('conv-00002');
    const words = base.turns.reduce((n, x) => n + x.content.split(/\s+/).length, 0);
    const added = Array.from({ length: Math.ceil(words * 0.07) }, (_, i) => `novel${i}`).join(' ');
    const last = base.turns.length - 1;
    const turns = base.turns.map((x, i) => ({ role: x.role, content: i === last ? `${x.content} ${added}` : x.content }));
    const res = await t.as('generator', { method: 'POST', url: '/api/seeds/import', payload: [{ conversationId: 'copy-002', title: 'A partial copy', persona: base.persona, emotion: base.emotion, topic: base.topic, intent: base.intent, tone: base.tone, tier: base.tier, turns }] });
    expect(res.statusCode, res.body).toBe(201);
    const marked = (await detail('copy-002')).nearDuplicateOf;
    expect(marked?.id).toBe(base.id);
    expect(marked!.similarity).toBeLessThan(1);
    const countBefore = (await duplicates()).count;
    const setThreshold = async (value: number) => {
      const patch = await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { quality: { nearDuplicateThreshold: value } } });
      expect(patch.statusCode, patch.body).toBe(200);
      return waitFor(async () => {
        const d = await duplicates();
        return d.threshold === value && d.unchecked === 0 ? d : null;
      }, { timeoutMs: 30_000 });
    };
    try {
      // Just above this pair's similarity: the mark goes, with nothing regenerated or re-imported.
      const above = Math.round((marked!.similarity + 0.005) * 1000) / 1000;
      const after = await setThreshold(above);
      expect((await detail('copy-002')).nearDuplicateOf).toBeNull();
      expect(after.count).toBeLessThan(countBefore);
      const [{ n: atOld }] = await db().select({ n: sql<number>`count(*)::int` }).from(conversationMinhash).where(sql`${conversationMinhash.markedAtThreshold} is distinct from ${above}::real`);
      expect(atOld).toBe(0);
    } finally {
      await setThreshold(0.85);
    }
    expect((await detail('copy-002')).nearDuplicateOf).toEqual(marked);
    expect((await duplicates()).count).toBe(countBefore);
  });
});

describe('GET /api/diversity', () => {
  it('answers distinct-n and vocabulary overall, per tier and per persona', async () => {
    const res = await t.as('viewer', { method: 'GET', url: '/api/diversity' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<DiversityResponse>();
    expect(body.samplePerGroup).toBe(200);
    expect(body.overall.total).toBeGreaterThan(0);
    expect(body.overall.distinct2).toBeGreaterThan(0);
    expect(body.overall.distinct2).toBeLessThanOrEqual(1);
    expect(body.overall.vocabulary).toBeGreaterThan(50);
    expect(body.byTier.map((g) => g.key)).toContain('template');
    expect(body.byPersona.length).toBeGreaterThan(1);
    for (const group of [...body.byTier, ...body.byPersona]) {
      expect(group.conversations).toBeLessThanOrEqual(Math.min(group.total, body.samplePerGroup));
      expect(group.label).not.toBe('');
    }
    expect(body.byTier.reduce((n, g) => n + g.total, 0)).toBe(body.overall.total);
  });
});

describe('the judge (offline heuristic)', () => {
  it('judges one conversation on demand for $0 and stores it beside the structural score', async () => {
    const res = await t.as('generator', { method: 'POST', url: `/api/conversations/${original.conversationId}/judge` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<JudgeResponse>();
    expect(body).toMatchObject({ model: 'offline', costUsd: 0 });
    expect(body.criteria.map((c) => c.key)).toEqual(['helpfulness', 'empathy', 'onTopic', 'correctness', 'naturalDialogue']);
    const stored = await detail(original.id);
    expect(stored.judgeScore).toBe(body.score);
    expect(stored.judge).toMatchObject({ score: body.score, rationale: body.rationale });
    expect(stored.qualityScore).not.toBeNull();
  });

  it('refuses a conversation without text, an unknown one, and a viewer', async () => {
    const planned = (await t.as('viewer', { method: 'GET', url: '/api/conversations?status=not_generated' })).json<ConversationListResponse>().items[0];
    const none = await t.as('generator', { method: 'POST', url: `/api/conversations/${planned.id}/judge` });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.hint).toMatch(/Generate it first/);
    expect((await detail(planned.id)).judgeScore).toBeNull();
    expect((await t.as('generator', { method: 'POST', url: '/api/conversations/conv-99999/judge' })).statusCode).toBe(404);
    expect((await t.as('viewer', { method: 'POST', url: `/api/conversations/${original.id}/judge` })).statusCode).toBe(403);
  });

  it('measures agreement over reviewed, judged conversations', async () => {
    const empty = (await t.as('viewer', { method: 'GET', url: '/api/quality/judge-agreement' })).json<JudgeAgreementResponse>();
    expect(empty).toMatchObject({ enabled: false, judged: 1, compared: 0, rate: null, threshold: 6 });
    const review = await t.as('reviewer', { method: 'POST', url: `/api/conversations/${original.id}/review`, payload: { action: 'approve' } });
    expect(review.statusCode, review.body).toBe(200);
    const after = (await t.as('viewer', { method: 'GET', url: '/api/quality/judge-agreement' })).json<JudgeAgreementResponse>();
    const passed = ((await detail(original.id)).judgeScore ?? 0) >= 6;
    expect(after).toMatchObject({ compared: 1, agreeing: passed ? 1 : 0, rate: passed ? 1 : 0, approvedPassed: passed ? 1 : 0, approvedFailed: passed ? 0 : 1 });
  });
});
