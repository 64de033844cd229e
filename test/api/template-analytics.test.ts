import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateAnalytics, TemplateTrend } from '../../src/contract/template-analytics';
import { conversations, templates, templateVersions } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../support/app';

/**
 * A small fixture whose figures are worked out by hand:
 * - Alpha (tier 1, active version 2): v1 20 approved at 9 and 5 rejected at 7 (average 8.6,
 *   approval 80%); v2 10 approved at 8, 10 rejected at 6, 5 unreviewed at 7 (average 7.0,
 *   approval 50%); 3 planned without a version. Totals: 53 planned, 50 generated, average 7.8,
 *   approval 30 / 45.
 * - Beta (tier 1): 19 approved and 1 rejected, all at 8 (average 8, approval 95%).
 * - Gamma (tier 2): 2 generated at 5, unreviewed.
 */
let t: TestApp;
const ids: Record<string, string> = {};
let n = 0;

const get = async <T>(url: string, role: 'admin' | 'viewer' = 'viewer') => {
  const res = await t.as(role, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const db = t.services.ctx.database.db;
  const make = async (key: string, name: string, tier: string, currentVersion: number) => {
    const [row] = await db.insert(templates).values({ key, name, tier, currentVersion }).returning();
    for (let v = 1; v <= currentVersion; v++) await db.insert(templateVersions).values({ templateId: row.id, version: v, body: `Body ${v} {persona}`, notes: `v${v}` });
    ids[key] = row.id;
  };
  await make('alpha', 'Alpha', 'template', 2);
  await make('beta', 'Beta', 'template', 1);
  await make('gamma', 'Gamma', 'scenario', 1);
  const rows = (key: string, version: number | null, status: string, score: number | null, count: number, day: string) =>
    Array.from({ length: count }, () => ({
      conversationId: `fixture-${++n}`,
      persona: 'p',
      emotion: 'e',
      topic: 't',
      intent: 'i',
      tone: 'o',
      tier: key === 'gamma' ? 'scenario' : 'template',
      templateId: ids[key],
      templateVersion: version,
      status,
      qualityScore: score,
      generatedAt: score === null ? null : new Date(`${day}T10:00:00Z`),
    }));
  await db.insert(conversations).values([
    ...rows('alpha', 1, 'approved', 9, 20, '2026-03-02'),
    ...rows('alpha', 1, 'rejected', 7, 5, '2026-03-02'),
    ...rows('alpha', 2, 'approved', 8, 10, '2026-03-04'),
    ...rows('alpha', 2, 'rejected', 6, 10, '2026-03-04'),
    ...rows('alpha', 2, 'generated', 7, 5, '2026-03-10'),
    ...rows('alpha', null, 'not_generated', null, 3, ''),
    ...rows('beta', 1, 'approved', 8, 19, '2026-03-03'),
    ...rows('beta', 1, 'rejected', 8, 1, '2026-03-03'),
    ...rows('gamma', 1, 'generated', 5, 2, '2026-03-05'),
  ]);
});
afterAll(() => t.close());

describe('GET /api/templates/analytics', () => {
  it('reports usage, quality and approval per template and version, matching the hand-worked figures', async () => {
    const body = await get<TemplateAnalytics>('/api/templates/analytics');
    const alpha = body.items.find((i) => i.key === 'alpha')!;
    expect(alpha).toMatchObject({ name: 'Alpha', tier: 'template', active: true, currentVersion: 2 });
    expect(alpha.usage).toMatchObject({ planned: 53, generated: 50, approved: 30, rejected: 15 });
    expect(alpha.usage.averageQuality).toBeCloseTo(7.8);
    expect(alpha.usage.approvalRate).toBeCloseTo(30 / 45);
    expect(alpha.versions.map((v) => [v.version, v.usage.generated, Number(v.usage.averageQuality?.toFixed(2)), v.usage.approvalRate, v.notes])).toEqual([
      [2, 25, 7, 0.5, 'v2'],
      [1, 25, 8.6, 0.8, 'v1'],
    ]);
    expect(alpha.versions[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(body.items.find((i) => i.key === 'beta')?.usage).toMatchObject({ generated: 20, averageQuality: 8, approvalRate: 0.95 });
    expect(body.anyGenerated).toBe(true);
    expect(body.evidence).toEqual({ minScored: 20, minReviewed: 20, minQualityDrop: 0.5, minApprovalDrop: 0.1 });
  });

  it('sorts by usage by default, and by quality or approval in either order, unknown figures last', async () => {
    const keys = async (q: string) => (await get<TemplateAnalytics>(`/api/templates/analytics${q}`)).items.map((i) => i.key).filter((k) => ['alpha', 'beta', 'gamma'].includes(k));
    expect(await keys('')).toEqual(['alpha', 'beta', 'gamma']);
    expect(await keys('?sort=usage&order=asc')).toEqual(['gamma', 'beta', 'alpha']);
    expect(await keys('?sort=quality')).toEqual(['beta', 'alpha', 'gamma']);
    expect(await keys('?sort=quality&order=asc')).toEqual(['gamma', 'alpha', 'beta']);
    expect(await keys('?sort=approval&order=asc')).toEqual(['alpha', 'beta', 'gamma']);
    // Built-in templates never used sort after every template with a figure.
    const all = (await get<TemplateAnalytics>('/api/templates/analytics?sort=approval&order=asc')).items;
    expect(all.slice(0, 2).map((i) => i.key)).toEqual(['alpha', 'beta']);
  });

  it('filters by tier and by a quality threshold', async () => {
    const tier2 = await get<TemplateAnalytics>('/api/templates/analytics?tier=scenario');
    expect(tier2.items.every((i) => i.tier === 'scenario')).toBe(true);
    expect(tier2.items.map((i) => i.key)).toContain('gamma');
    const good = await get<TemplateAnalytics>('/api/templates/analytics?minQuality=7.8');
    expect(good.items.map((i) => i.key)).toEqual(['alpha', 'beta']);
    expect((await get<TemplateAnalytics>('/api/templates/analytics?minQuality=8.01')).items).toEqual([]);
  });

  it('names the top and bottom performers and the recommendations with their evidence', async () => {
    const body = await get<TemplateAnalytics>('/api/templates/analytics');
    expect(body.top.map((p) => p.key)).toEqual(['beta']);
    expect(body.bottom.map((p) => p.key)).toEqual(['alpha']);
    expect(body.recommendations.map((r) => r.message)).toEqual([
      'Version 2 of Alpha underperforms version 1 (average 7.0 vs 8.6 over 25 and 25 conversations): roll back?',
      'Use Beta for Tier 1 (highest approval rate: 95%)',
    ]);
    expect(body.recommendations[0]).toMatchObject({ kind: 'version_underperforms', templateId: ids.alpha, version: 2, previousVersion: 1 });
    expect(body.recommendations[1]).toMatchObject({ kind: 'best_in_tier', templateId: ids.beta, evidence: { reviewed: 20, runnerUp: { templateId: ids.alpha, reviewed: 45 } } });
    // Tier 2's view has no tier 1 advice.
    expect((await get<TemplateAnalytics>('/api/templates/analytics?tier=scenario')).recommendations).toEqual([]);
  });

  it('answers 400 naming the field for an unknown sort, order or tier and a threshold outside 0–10', async () => {
    for (const [q, field] of [
      ['sort=popularity', 'sort'],
      ['order=up', 'order'],
      ['tier=tier1', 'tier'],
      ['minQuality=11', 'minQuality'],
      ['minQuality=-1', 'minQuality'],
      ['minQuality=high', 'minQuality'],
      ['colour=red', 'colour'],
    ]) {
      const res = await t.as('viewer', { method: 'GET', url: `/api/templates/analytics?${q}` });
      expect(res.statusCode, q).toBe(400);
      expect(res.body, q).toContain(field);
      expect(res.json().error.hint, q).toBeTruthy();
    }
  });

  it('needs a signed-in user', async () => {
    expect((await t.as(null, { method: 'GET', url: '/api/templates/analytics' })).statusCode).toBe(401);
  });
});

describe('GET /api/templates/analytics/trend', () => {
  it('averages quality per day of generation, per template and per version', async () => {
    const body = await get<TemplateTrend>(`/api/templates/analytics/trend?templateIds=${ids.alpha},${ids.beta}&byVersion=true`);
    expect(body.bucket).toBe('day');
    const series = body.series.map((s) => ({ key: s.key, version: s.version, points: s.points.map((p) => [p.bucketStart, Number(p.averageQuality?.toFixed(2)), p.count]) }));
    expect(series).toEqual([
      {
        key: 'alpha',
        version: null,
        points: [
          ['2026-03-02', 8.6, 25],
          ['2026-03-04', 7, 20],
          ['2026-03-10', 7, 5],
        ],
      },
      { key: 'alpha', version: 1, points: [['2026-03-02', 8.6, 25]] },
      {
        key: 'alpha',
        version: 2,
        points: [
          ['2026-03-04', 7, 20],
          ['2026-03-10', 7, 5],
        ],
      },
      { key: 'beta', version: null, points: [['2026-03-03', 8, 20]] },
      { key: 'beta', version: 1, points: [['2026-03-03', 8, 20]] },
    ]);
  });

  it('buckets by ISO week from Monday, and lists a template with no conversations with no points', async () => {
    const [tmpl] = await t.services.ctx.database.db.insert(templates).values({ key: 'unused', name: 'Unused', tier: 'edge_case' }).returning();
    const body = await get<TemplateTrend>(`/api/templates/analytics/trend?templateIds=${ids.alpha},${tmpl.id}&bucket=week`);
    expect(body.series.map((s) => [s.key, s.version, s.points.map((p) => [p.bucketStart, Number(p.averageQuality?.toFixed(2)), p.count])])).toEqual([
      [
        'alpha',
        null,
        [
          ['2026-03-02', 7.89, 45], // (25 × 8.6 + 20 × 7) / 45
          ['2026-03-09', 7, 5],
        ],
      ],
      ['unused', null, []],
    ]);
  });

  it('answers 400 for malformed ids or bucket, 404 naming an unknown template', async () => {
    for (const [q, field] of [
      ['templateIds=abc', 'templateIds'],
      [`templateIds=${ids.alpha},not-a-uuid`, 'templateIds'],
      ['templateIds=', 'templateIds'],
      ['bucket=day', 'templateIds'],
      [`templateIds=${ids.alpha}&bucket=month`, 'bucket'],
      [`templateIds=${ids.alpha}&byVersion=yes`, 'byVersion'],
    ]) {
      const res = await t.as('viewer', { method: 'GET', url: `/api/templates/analytics/trend?${q}` });
      expect(res.statusCode, q).toBe(400);
      expect(res.body, q).toContain(field);
    }
    const missing = '00000000-0000-4000-8000-000000000000';
    const res = await t.as('viewer', { method: 'GET', url: `/api/templates/analytics/trend?templateIds=${missing}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain(missing);
  });
});

describe('GET /api/templates/analytics.csv', () => {
  it('downloads one row per template and one per version, with the same filters and order', async () => {
    const res = await t.as('viewer', { method: 'GET', url: '/api/templates/analytics.csv?tier=template&sort=quality' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="template-analytics-\d{4}-\d\d-\d\d\.csv"/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('row,templateId,key,name,tier,arcKey,active,currentVersion,version,versionCreatedAt,planned,generated,approved,rejected,averageQuality,approvalRate,lastGeneratedAt');
    const fixture = lines.filter((l) => /,(alpha|beta),/.test(l)).map((l) => l.split(','));
    expect(fixture.map((c) => [c[0], c[2], c[8], c[11], c[14], c[15]])).toEqual([
      ['template', 'beta', '', '20', '8.00', '0.9500'],
      ['version', 'beta', '1', '20', '8.00', '0.9500'],
      ['template', 'alpha', '', '50', '7.80', '0.6667'],
      ['version', 'alpha', '2', '25', '7.00', '0.5000'],
      ['version', 'alpha', '1', '25', '8.60', '0.8000'],
    ]);
    expect(res.body).not.toContain('gamma');
  });

  it('refuses the same bad filters as the list', async () => {
    const res = await t.as('viewer', { method: 'GET', url: '/api/templates/analytics.csv?sort=name' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('sort');
  });
});

describe('an empty workspace', () => {
  it('lists the built-in templates with no usage, no performers and no advice', async () => {
    const empty = await createTestApp({ demo: false });
    try {
      const res = await empty.as('viewer', { method: 'GET', url: '/api/templates/analytics' });
      expect(res.statusCode).toBe(200);
      const body = res.json<TemplateAnalytics>();
      expect(body.anyGenerated).toBe(false);
      expect(body.items.every((i) => i.usage.generated === 0)).toBe(true);
      expect(body).toMatchObject({ top: [], bottom: [], recommendations: [] });
    } finally {
      await empty.close();
    }
  });
});
