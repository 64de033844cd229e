import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationListResponse } from '../../src/contract/conversations';
import type { RunEstimate } from '../../src/contract/runs';
import type { FillTemplatePlan, TiersOverview } from '../../src/contract/tiers';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const overview = async () => {
  const res = await t.as('viewer', { method: 'GET', url: '/api/tiers' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TiersOverview>();
};
const listTotal = async (query: string) => (await t.as('viewer', { method: 'GET', url: `/api/conversations?pageSize=25&${query}` })).json<ConversationListResponse>().total;

describe('GET /api/tiers', () => {
  it('shows each tier with its slots by status, what has text, its target and where to configure it', async () => {
    const o = await overview();
    expect(o.items.map((i) => [i.tier, i.label, i.configLink])).toEqual([
      ['template', 'Tier 1: Template', '/arcs'],
      ['scenario', 'Tier 2: Scenario', '/scenarios'],
      ['edge_case', 'Tier 3: Edge Case', '/edge-cases'],
    ]);
    for (const tier of o.items) {
      expect(tier.total).toBe(await listTotal(`tier=${tier.tier}`));
      expect(Object.values(tier.byStatus).reduce((a, b) => a + b, 0)).toBe(tier.total);
      expect(tier.generated).toBe(tier.byStatus.generated + tier.byStatus.approved + tier.byStatus.rejected);
    }
    expect(o.total).toBe(await listTotal(''));
    // The default split is 40/35/15, applied to the workspace (never fewer than 90).
    const targets = o.items.map((i) => i.target);
    expect(targets.reduce((a, b) => a + b, 0)).toBe(Math.max(o.total, 90));
    expect(targets[0]).toBeGreaterThanOrEqual(40);
  });

  it('gives the template tier its arc distribution and persona × arc coverage', async () => {
    const o = await overview();
    const template = o.items[0];
    expect(o.template.byArc.map((a) => a.key)).toEqual(['triumph', 'struggle_to_success', 'steady_confidence', 'anxiety_to_relief', 'discovery']);
    expect(o.template.byArc.reduce((s, a) => s + a.count, 0)).toBe(template.total);
    expect(o.template.byArc.reduce((s, a) => s + a.target, 0)).toBe(template.target);
    expect(o.template.distributionText).toMatch(/^\d+ Triumph, \d+ Struggle-to-Success/);
    const { personas, cells, missing } = o.template.coverage;
    expect(cells).toHaveLength(personas.length * 5);
    expect(missing).toEqual(cells.filter((c) => c.count === 0).map(({ persona, arc }) => ({ persona, arc })));
    expect(cells.reduce((s, c) => s + c.count, 0)).toBeLessThanOrEqual(template.total);
  });

  it('needs a signed-in user', async () => {
    expect((await t.as(null, { method: 'GET', url: '/api/tiers' })).statusCode).toBe(401);
  });
});

describe('Fill Missing Template Combinations', () => {
  it('refuses unknown fields and viewers', async () => {
    expect((await t.as('generator', { method: 'POST', url: '/api/tiers/template/fill/preview', payload: { count: 5 } })).statusCode).toBe(400);
    expect((await t.as('viewer', { method: 'POST', url: '/api/tiers/template/fill', payload: {} })).statusCode).toBe(403);
  });

  it('creates exactly what the preview showed, then has nothing left to fill', async () => {
    const before = await overview();
    const preview = await t.as('generator', { method: 'POST', url: '/api/tiers/template/fill/preview', payload: {} });
    expect(preview.statusCode, preview.body).toBe(200);
    const planned = preview.json<FillTemplatePlan>();
    expect(planned.count).toBeGreaterThan(0);
    expect(planned.conversationIds).toEqual([]);
    expect(planned.combinations).toEqual(before.template.coverage.missing);
    expect((await overview()).items[0].total).toBe(before.items[0].total);

    const fill = await t.as('generator', { method: 'POST', url: '/api/tiers/template/fill', payload: {} });
    expect(fill.statusCode, fill.body).toBe(201);
    const created = fill.json<FillTemplatePlan>();
    expect({ ...created, conversationIds: [] }).toEqual(planned);
    expect(created.conversationIds).toHaveLength(planned.count);

    const after = await overview();
    expect(after.items[0].total).toBe(before.items[0].total + planned.count);
    expect(after.template.coverage.missing).toEqual([]);
    for (const arc of after.template.byArc) expect(arc.count).toBeGreaterThanOrEqual(arc.target);
    expect(after.items[0].byStatus.not_generated).toBe(before.items[0].byStatus.not_generated + planned.count);

    const again = (await t.as('generator', { method: 'POST', url: '/api/tiers/template/fill/preview', payload: {} })).json<FillTemplatePlan>();
    expect(again.count).toBe(0);
  });

  it('the new slots can be generated as one tier run', async () => {
    const estimate = await t.as('generator', { method: 'POST', url: '/api/runs/estimate', payload: { tier: 'template' } });
    expect(estimate.statusCode, estimate.body).toBe(200);
    const { byStatus } = (await overview()).items[0];
    expect(estimate.json<RunEstimate>().count).toBe(byStatus.not_generated + byStatus.failed);
  });
});
