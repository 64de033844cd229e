import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationListResponse } from '../../src/contract/conversations';
import type { CoverageReport, PlanRecommendedResult } from '../../src/contract/coverage';
import type { RunEstimate } from '../../src/contract/runs';
import { createTestApp, type TestApp } from '../support/app';
import { listTotal as listTotalOf, readCoverage } from '../support/coverage';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const coverage = (query = '') => readCoverage(t, query);
const listTotal = (query: string) => listTotalOf(t, query);
const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
const post = (url: string, payload?: Record<string, unknown>, role: 'generator' | 'viewer' = 'generator') => t.as(role, { method: 'POST', url, ...(payload === undefined ? {} : { payload }) });

describe('GET /api/coverage', () => {
  it('counts generated and approved conversations by default, and every breakdown adds up to the total', async () => {
    const c = await coverage();
    expect(c.scope).toBe('generated');
    expect(c.total).toBeGreaterThan(0);
    expect(c.total).toBe(await listTotal('status=generated,approved'));
    expect(c.slots).toBe(await listTotal(''));
    for (const breakdown of [c.personaEmotion, c.byPersona, c.byEmotion, c.byTier, c.byArc, c.byCategory]) expect(sum(breakdown)).toBe(c.total);
    expect(c.minPerCombination).toBe(3);
    expect(c.targetPerCombination).toBe(5);
  });

  it('names every entry by its catalog label, and a heatmap cell counts what the table filtered to it shows', async () => {
    const c = await coverage();
    expect(c.byPersona.find((p) => p.key === 'anxious_investor')?.label).toBe('Anxious Investor');
    expect(c.byEmotion.find((e) => e.key === 'fear')?.label).toBe('Fear');
    const cell = c.personaEmotion.find((x) => x.count > 0)!;
    expect(cell.personaLabel).not.toBe('');
    expect(cell.count).toBe(await listTotal(`persona=${cell.persona}&emotion=${cell.emotion}&status=generated,approved`));
    const personas = c.byPersona.filter((p) => p.active).length;
    const emotions = c.byEmotion.filter((e) => e.active).length;
    expect(c.personaEmotion.filter((x) => c.byPersona.find((p) => p.key === x.persona)?.active && c.byEmotion.find((e) => e.key === x.emotion)?.active)).toHaveLength(personas * emotions);
  });

  it('lists the gaps under the minimum, zeros included, and recommends the top five with targets and reasons', async () => {
    const c = await coverage();
    expect(c.gaps.length).toBeGreaterThan(5);
    for (const g of c.gaps) expect(g.count).toBeLessThan(3);
    expect(c.gaps.map((g) => g.count)).toEqual([...c.gaps.map((g) => g.count)].sort((a, b) => a - b));
    expect(c.personaEmotion.filter((x) => x.belowMinimum)).toHaveLength(c.gaps.length);
    expect(c.recommendations).toHaveLength(5);
    expect(c.recommendationCount).toBe(c.gaps.length);
    const [first] = c.recommendations;
    expect(first).toMatchObject({ min: 3, target: 5, key: `gap:${first.persona}:${first.emotion}` });
    expect(first.topicLabel).toBeTruthy();
    expect(first.reason).toMatch(/\.$/);
  });

  it('reports coverage by category and chunk, and the share from high-confidence chunks', async () => {
    // The demo's generated conversations are not drawn from its documents; its planned slots are.
    const c = await coverage('?scope=all');
    expect(c.byCategory.map((x) => x.label)).toContain('Complete Systems');
    expect(c.byChunk.chunks).toBeGreaterThan(0);
    expect(c.byChunk.grounded).toBeLessThanOrEqual(c.total);
    expect(c.byChunk.highConfidenceAbove).toBe(8);
    expect(c.byChunk.highConfidenceShare).toBeCloseTo(c.byChunk.highConfidence / c.byChunk.grounded);
    expect(c.byChunk.fewest[0].count).toBeLessThanOrEqual(c.byChunk.most[0].count);
    for (const chunk of c.byChunk.priority) expect(chunk).toMatchObject({ expertise: 'advanced', priority: true });
  });

  it('counts every slot with scope=all, approved ones with scope=approved', async () => {
    const all = await coverage('?scope=all');
    expect(all.total).toBe(all.slots);
    expect(sum(all.personaEmotion)).toBe(all.total);
    expect((await coverage('?scope=approved')).total).toBe(await listTotal('status=approved'));
  });

  it('is in the OpenAPI document with the recommendation routes', async () => {
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/coverage',
        '/api/coverage/recommendations/{key}/dismiss',
        '/api/coverage/recommendations/{key}/restore',
        '/api/coverage/recommendations/dismiss-all',
        '/api/coverage/recommendations/restore-all',
        '/api/coverage/recommendations/plan',
      ]),
    );
  });

  it('refuses a bad scope or an unknown parameter, naming it', async () => {
    const bad = await t.as('viewer', { method: 'GET', url: '/api/coverage?scope=everything' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('scope');
    expect((await t.as('viewer', { method: 'GET', url: '/api/coverage?persona=x' })).statusCode).toBe(400);
    expect((await t.as(null, { method: 'GET', url: '/api/coverage' })).statusCode).toBe(401);
  });
});

describe('dismissing recommendations', () => {
  it('dismisses one, shows it as dismissed, and restores it', async () => {
    const [first] = (await coverage()).recommendations;
    const res = await post(`/api/coverage/recommendations/${encodeURIComponent(first.key)}/dismiss`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ dismissed: 1, restored: 0 });
    const after = await coverage();
    expect(after.recommendations).toHaveLength(5);
    expect(after.recommendations.map((r) => r.key)).not.toContain(first.key);
    expect(after.dismissed).toEqual([expect.objectContaining({ key: first.key, label: `${first.personaLabel} + ${first.emotionLabel}` })]);
    expect(after.gaps.find((g) => g.persona === first.persona && g.emotion === first.emotion)?.dismissed).toBe(true);
    expect((await post(`/api/coverage/recommendations/${encodeURIComponent(first.key)}/restore`)).json()).toEqual({ dismissed: 0, restored: 1 });
    expect((await coverage()).recommendations[0].key).toBe(first.key);
  });

  it('dismisses all at once and restores all', async () => {
    const res = await post('/api/coverage/recommendations/dismiss-all', {});
    expect(res.statusCode, res.body).toBe(200);
    const none = await coverage();
    expect(none.recommendations).toEqual([]);
    expect(none.chunkRecommendation).toBeNull();
    expect(none.dismissed.length).toBe(res.json<{ dismissed: number }>().dismissed);
    await post('/api/coverage/recommendations/restore-all');
    expect((await coverage()).recommendations).toHaveLength(5);
  });

  it('refuses a malformed key and viewers, and changes nothing', async () => {
    const bad = await post('/api/coverage/recommendations/nonsense/dismiss');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('key');
    const [first] = (await coverage()).recommendations;
    expect((await post(`/api/coverage/recommendations/${encodeURIComponent(first.key)}/dismiss`, undefined, 'viewer')).statusCode).toBe(403);
    expect((await coverage()).dismissed).toEqual([]);
  });
});

describe('Generate Recommended', () => {
  it('refuses bad input, naming the field, and plans nothing', async () => {
    const before = (await coverage('?scope=all')).total;
    for (const payload of [{ keys: ['gap:nobody:fear'] }, { chunkConfidenceAbove: 11 }, { keys: [] }, { scope: 'some' }, { count: 3 }]) {
      const res = await post('/api/coverage/recommendations/plan', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await post('/api/coverage/recommendations/plan', { keys: ['gap:nobody:fear'] })).json().error.details.field).toBe('keys');
    expect((await coverage('?scope=all')).total).toBe(before);
  });

  it('plans the missing slots of a recommendation up to the target, and they can be generated as one run', async () => {
    const [first] = (await coverage()).recommendations;
    const res = await post('/api/coverage/recommendations/plan', { keys: [first.key], seed: 7 });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json<PlanRecommendedResult>();
    expect(plan.created).toBe(first.toPlan);
    expect(plan.items).toEqual([{ key: first.key, label: `${first.personaLabel} + ${first.emotionLabel}`, planned: first.toPlan, waiting: first.waiting }]);
    expect(plan.conversationIds).toHaveLength(first.toPlan + first.waiting);
    const slots = await listTotal(`persona=${first.persona}&emotion=${first.emotion}&status=not_generated`);
    expect(slots).toBe(first.toPlan + first.waiting);
    const cell = (await coverage('?scope=all')).personaEmotion.find((x) => x.persona === first.persona && x.emotion === first.emotion)!;
    expect(cell.count).toBeGreaterThanOrEqual(first.target);
    // The recommendation now counts them as waiting, so planning again adds nothing.
    const again = (await coverage()).recommendations.find((r) => r.key === first.key)!;
    expect(again).toMatchObject({ waiting: first.toPlan + first.waiting, toPlan: 0 });
    expect((await post('/api/coverage/recommendations/plan', { keys: [first.key] })).json<PlanRecommendedResult>().created).toBe(0);
    const estimate = await post('/api/runs/estimate', { conversationIds: plan.conversationIds });
    expect(estimate.json<RunEstimate>().count).toBe(plan.conversationIds.length);
  });

  it('plans the five shown when no key is named, from high-confidence chunks when asked', async () => {
    const shown = (await coverage()).recommendations.filter((r) => r.toPlan > 0);
    const res = await post('/api/coverage/recommendations/plan', { chunkConfidenceAbove: 8 });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json<PlanRecommendedResult>();
    expect(plan.created).toBe(shown.slice(0, 5).reduce((s, r) => s + r.toPlan, 0));
    const rows = (await t.as('viewer', { method: 'GET', url: `/api/conversations?pageSize=100&confidenceMin=8.5&status=not_generated&q=` })).json<ConversationListResponse>();
    expect(rows.total).toBeGreaterThanOrEqual(plan.created);
  });

  it('refuses a confidence bound no chunk passes', async () => {
    const res = await post('/api/coverage/recommendations/plan', { chunkConfidenceAbove: 10 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('chunkConfidenceAbove');
  });

  it('plans one slot from each high-confidence chunk under the minimum', async () => {
    const before = await coverage('?scope=all');
    const rec = before.chunkRecommendation;
    expect(rec).not.toBeNull();
    const plan = (await post('/api/coverage/recommendations/plan', { keys: [rec!.key], scope: 'all' })).json<PlanRecommendedResult>();
    expect(plan.created).toBe(rec!.toPlan);
    expect(plan.created).toBeGreaterThan(0);
    const after = await coverage('?scope=all');
    expect(after.byChunk.highConfidence).toBe(before.byChunk.highConfidence + plan.created);
    expect(after.byChunk.grounded).toBe(before.byChunk.grounded + plan.created);
  });
});

describe('an empty workspace', () => {
  let empty: TestApp;
  beforeAll(async () => {
    empty = await createTestApp({ demo: false });
  });
  afterAll(() => empty.close());

  it('has nothing counted, every default persona × emotion as a gap, and no chunk figures', async () => {
    const res = await empty.as('viewer', { method: 'GET', url: '/api/coverage' });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<CoverageReport>();
    expect(c.total).toBe(0);
    expect(c.personaEmotion.every((x) => x.count === 0)).toBe(true);
    expect(c.gaps).toHaveLength(c.personaEmotion.length);
    expect(c.byChunk).toMatchObject({ chunks: 0, grounded: 0, highConfidenceShare: null });
    expect(c.chunkRecommendation).toBeNull();
  });
});

describe('planning from high-confidence chunks only', () => {
  it('draws every planned slot from a chunk above the bound, and refuses a bound no chunk passes', async () => {
    const before = await listTotal('confidenceMin=8.5');
    const res = await post('/api/plan', { count: 6, split: { template: 1, scenario: 0, edge_case: 0 }, chunkConfidenceAbove: 8, seed: 3 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ created: number }>().created).toBe(6);
    // Chunk confidences are whole numbers here: above 8 means 9 or 10.
    expect(await listTotal('confidenceMin=8.5')).toBe(before + 6);
    const none = await post('/api/plan/preview', { count: 6, chunkConfidenceAbove: 10 });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details.field).toBe('chunkConfidenceAbove');
  });
});
