import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { templateUsage } from '../../src/db/queries/template-stats';
import { conversations, templates } from '../../src/db/schema';
import { openTestDatabase } from '../support/databases';

describe('template usage', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(() => database.close());

  it('counts usage, quality and approval per template and per version, leaving unversioned plans to the totals', async () => {
    const db = database.db;
    const [a] = await db.insert(templates).values({ key: 'stats_a', name: 'A', tier: 'template' }).returning();
    const [b] = await db.insert(templates).values({ key: 'stats_b', name: 'B', tier: 'scenario' }).returning();
    const slot = { persona: 'p', emotion: 'e', topic: 't', intent: 'i', tone: 'o', tier: 'template' };
    let n = 0;
    const conv = (templateId: string, templateVersion: number | null, status: string, qualityScore: number | null) => ({
      ...slot,
      conversationId: `stats-${++n}`,
      templateId,
      templateVersion,
      status,
      qualityScore,
      generatedAt: templateVersion ? new Date(`2026-01-0${n}T00:00:00Z`) : null,
    });
    await db.insert(conversations).values([
      conv(a.id, 1, 'approved', 9),
      conv(a.id, 1, 'rejected', 5),
      conv(a.id, 2, 'approved', 8),
      conv(a.id, 2, 'generated', 7),
      conv(a.id, null, 'not_generated', null),
      conv(b.id, 1, 'failed', null),
    ]);

    const { byTemplate, byVersion } = await templateUsage(db);
    expect(byTemplate.get(a.id)).toMatchObject({ planned: 5, generated: 4, approved: 2, rejected: 1, averageQuality: 7.25 });
    expect(byTemplate.get(a.id)?.approvalRate).toBeCloseTo(2 / 3);
    expect(byVersion.get(a.id)?.map((v) => [v.version, v.generated, v.averageQuality, v.approvalRate])).toEqual([
      [1, 2, 7, 0.5],
      [2, 2, 7.5, 1],
    ]);
    expect(byTemplate.get(b.id)).toMatchObject({ planned: 1, generated: 0, averageQuality: null, approvalRate: null });

    const onlyB = await templateUsage(db, [b.id]);
    expect([...onlyB.byTemplate.keys()]).toEqual([b.id]);
  });
});
