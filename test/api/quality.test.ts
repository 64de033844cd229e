import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUALITY_SCORING_VERSION } from '../../src/core/quality';
import type { ConversationDetail } from '../../src/contract/conversations';
import type { QualityDistribution, RescoreStatus } from '../../src/contract/quality';
import { createTestApp, type TestApp } from '../support/app';
import { waitFor } from '../support/wait';

let t: TestApp;
const detail = async (id: string) => (await t.as('viewer', { method: 'GET', url: `/api/conversations/${id}` })).json<ConversationDetail>();

async function generate(ids: string[]) {
  const res = await t.as('admin', { method: 'POST', url: '/api/runs', payload: { conversationIds: ids } });
  expect(res.statusCode).toBe(201);
  const { runId } = res.json<{ runId: string }>();
  await waitFor(async () => ((await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<{ status: string }>().status === 'completed' ? true : null), { timeoutMs: 60_000 });
}

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  // conv-00005: topic Emergency Fund, made from a chunk about an inherited IRA; conv-00050: scenario tier.
  await generate(['conv-00005', 'conv-00050', 'conv-00010']);
}, 120_000);
afterAll(() => t.close());

describe('quality criteria in the detail', () => {
  it('scores the off-topic conv-00005 low, with on topic explaining why, one breakdown entry per criterion', async () => {
    const conv = await detail('conv-00005');
    // The offline wording varies between runs; the subject (an inherited IRA) does not.
    expect(conv.qualityScore).toBeLessThan(8);
    const keys = conv.qualityBreakdown.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['turnCount', 'length', 'structure', 'confidence', 'repetition', 'onTopic', 'arcFollowed', 'grounding']));
    expect(new Set(keys).size).toBe(keys.length);
    const onTopic = conv.qualityBreakdown.find((c) => c.key === 'onTopic')!;
    expect(onTopic.score).toBeLessThan(5);
    expect(conv.qualityScore).toBeLessThanOrEqual(onTopic.score + 3);
    expect(onTopic.explanation).toMatch(/Possibly off topic.*Emergency Fund/);
  });

  it('stores grounding for a scenario conversation, with offsets into its assistant turns', async () => {
    const conv = await detail('conv-00050');
    expect(conv.grounding).not.toBeNull();
    const { grounding } = conv;
    expect(grounding!.method).toBe('lexical');
    expect(grounding!.sentences.length).toBeGreaterThan(0);
    for (const s of grounding!.sentences) {
      const turn = conv.turns.find((x) => x.turnNumber === s.turnNumber)!;
      expect(turn.role).toBe('assistant');
      expect(turn.content.slice(s.start, s.end)).toBe(s.text);
    }
    const supported = grounding!.sentences.filter((s) => s.supported).length;
    // Stored as a share rounded to two decimals (3 of 8 is 0.38).
    expect(Math.abs(grounding!.supportedShare - supported / grounding!.sentences.length)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(conv.qualityBreakdown.find((c) => c.key === 'grounding')?.value).toContain(`${supported} of ${grounding!.sentences.length}`);
  });
});

describe('GET /api/quality/distribution', () => {
  it("counts scores per bucket against reviewers' decisions and says what a threshold would catch", async () => {
    expect((await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00005/review', payload: { action: 'reject', notes: 'Off topic' } })).statusCode).toBe(200);
    // The offline text varies between runs, and with it whether conv-00010 clears the approval bar: that is not what this test is about.
    const { minApprovalScore } = (await t.as('admin', { method: 'GET', url: '/api/settings' })).json<{ quality: { minApprovalScore: number } }>().quality;
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { quality: { minApprovalScore: 0 } } });
    const approved = await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00010/review', payload: { action: 'approve' } });
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { quality: { minApprovalScore } } });
    expect(approved.statusCode, approved.body).toBe(200);
    const res = await t.as('viewer', { method: 'GET', url: '/api/quality/distribution' });
    expect(res.statusCode).toBe(200);
    const body = res.json<QualityDistribution>();
    expect(body.buckets.map((b) => b.label)).toEqual(['1–2', '2–3', '3–4', '4–5', '5–6', '6–7', '7–8', '8–9', '9–10']);
    expect(body.totals).toEqual({ scored: 3, approved: 1, rejected: 1, unreviewed: 1 });
    const rejectedBucket = body.buckets.find((b) => b.rejected === 1)!;
    expect(rejectedBucket.min).toBe(Math.floor((await detail('conv-00005')).qualityScore!));
    const onTopic = body.criteria.find((c) => c.key === 'onTopic')!;
    expect(onTopic).toMatchObject({ label: 'On topic', approvedCount: 1, rejectedCount: 1 });
    expect(onTopic.rejectedAverage!).toBeLessThan(onTopic.approvedAverage!);
    const rejectedScore = (await detail('conv-00005')).qualityScore!;
    expect(body.thresholds.find((x) => x.threshold === Math.floor(rejectedScore) + 1)?.rejectionsCaught).toBe(1);
    expect(body.thresholds.find((x) => x.threshold === Math.floor(rejectedScore))?.rejectionsCaught ?? 0).toBe(0);
    expect(body.suggestion?.sentence).toMatch(/^Flagging score < \d+ would have caught 100 % of rejections and 0 % of approvals\.$/);
  });

  it('is in the OpenAPI document with the re-scoring route', async () => {
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    expect(Object.keys(doc.paths['/api/quality/distribution'])).toContain('get');
    expect(Object.keys(doc.paths['/api/quality/rescore']).sort()).toEqual(['get', 'post']);
  });

  it('needs a signed-in user', async () => {
    expect((await t.as(null, { method: 'GET', url: '/api/quality/distribution' })).statusCode).toBe(401);
  });
});

describe('re-scoring stored conversations', () => {
  it('re-scores a conversation stored with the old criteria, in the background, and only for an admin', async () => {
    const { db } = t.services.ctx.database;
    // As the form-only scoring (version 1) stored it.
    await db.execute(sql`update conversations set quality_score = 9.7, grounding = null,
      quality_breakdown = jsonb_build_object('score', 9.7, 'level', 'high', 'flaggedForReview', false, 'recommendation', 'Ready for review.',
        'breakdown', jsonb_build_object('confidence', jsonb_build_object('label', 'Confidence', 'value', '9/10', 'target', '8–10', 'score', 9, 'explanation', '')))
      where conversation_id = 'conv-00005'`);
    const before = (await t.as('viewer', { method: 'GET', url: '/api/quality/rescore' })).json<RescoreStatus>();
    expect(before.outdated).toBe(1);
    expect((await detail('conv-00005')).qualityScore).toBe(9.7);

    expect((await t.as('reviewer', { method: 'POST', url: '/api/quality/rescore', payload: {} })).statusCode).toBe(403);
    const bad = await t.as('admin', { method: 'POST', url: '/api/quality/rescore', payload: { force: 'yes' } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toMatch(/force/);

    const started = await t.as('admin', { method: 'POST', url: '/api/quality/rescore', payload: { force: false } });
    expect(started.statusCode).toBe(202);
    expect(started.json<RescoreStatus>().scoringVersion).toBe(QUALITY_SCORING_VERSION);
    const done = await waitFor(async () => {
      const s = (await t.as('viewer', { method: 'GET', url: '/api/quality/rescore' })).json<RescoreStatus>();
      return !s.running && s.outdated === 0 ? s : null;
    });
    expect(done.error).toBeNull();
    const conv = await detail('conv-00005');
    expect(conv.qualityScore).toBeLessThan(8);
    expect(conv.quality?.breakdown.onTopic).toBeDefined();
    expect(conv.grounding).not.toBeNull();
    expect(conv.qualityBreakdown.find((c) => c.key === 'confidence')?.value).toBe('9/10');
  });

  it('gives the same scores when forced again (idempotent)', async () => {
    const before = await Promise.all(['conv-00005', 'conv-00050'].map(async (id) => (await detail(id)).qualityScore));
    expect((await t.as('admin', { method: 'POST', url: '/api/quality/rescore' })).statusCode).toBe(202);
    await waitFor(async () => ((await t.as('viewer', { method: 'GET', url: '/api/quality/rescore' })).json<RescoreStatus>().running ? null : true));
    const after = await Promise.all(['conv-00005', 'conv-00050'].map(async (id) => (await detail(id)).qualityScore));
    expect(after).toEqual(before);
  });
});
