import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, dimensionValues, documents, edgeCases, emotionalArcs, templates } from '../../src/db/schema';
import { isWorkspaceEmpty } from '../../src/db/seed/seed-demo';
import { installDefaults } from '../../src/db/seed/install-defaults';
import { createTestApp, type TestApp } from '../support/app';

describe('built-in defaults in an empty workspace (CONVGEN_DEMO=0)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false });
  });
  afterAll(() => t.close());
  const db = () => t.services.ctx.database.db;

  it('hold emotions, intents and tones, five arcs adding up to 100 %, a template per tier and edge cases of every category — and none of the demo', async () => {
    const catalog = (await t.as('viewer', { method: 'GET', url: '/api/catalog' })).json();
    expect(catalog.persona).toEqual([]);
    expect(catalog.topic).toEqual([]);
    expect(catalog.emotion.length).toBeGreaterThanOrEqual(8);
    expect(catalog.intent.length).toBeGreaterThanOrEqual(8);
    expect(catalog.tone.length).toBeGreaterThanOrEqual(8);
    expect(catalog.arcs.map((a: { key: string }) => a.key)).toEqual(['triumph', 'struggle_to_success', 'steady_confidence', 'anxiety_to_relief', 'discovery']);

    const arcs = await db().select().from(emotionalArcs);
    expect(arcs.filter((a) => a.enabled).reduce((s, a) => s + a.weight, 0)).toBe(100);
    const tiers = (await db().select().from(templates).where(eq(templates.active, true))).map((r) => r.tier).sort();
    expect(tiers).toEqual(['edge_case', 'scenario', 'template']);
    const categories = new Set((await db().select().from(edgeCases).where(eq(edgeCases.archived, false))).map((e) => e.category));
    expect([...categories].sort()).toEqual(['boundary_testing', 'conflicting_goals', 'emotional_overwhelm', 'ethical_dilemma']);
    const [{ n }] = await db().select({ n: sql<number>`count(*)::int` }).from(conversations);
    expect(n).toBe(0);
  });

  it('are installed once: a second start adds nothing, and a deleted or deactivated default does not come back', async () => {
    expect(await installDefaults(db())).toEqual({ installed: 0 });
    await db().delete(dimensionValues).where(and(eq(dimensionValues.dimension, 'emotion'), eq(dimensionValues.key, 'anger')));
    await db().update(dimensionValues).set({ active: false, label: 'Calm-ish' }).where(and(eq(dimensionValues.dimension, 'tone'), eq(dimensionValues.key, 'concise')));
    expect(await installDefaults(db())).toEqual({ installed: 0 });
    const emotions = await db().select().from(dimensionValues).where(eq(dimensionValues.dimension, 'emotion'));
    expect(emotions.map((e) => e.key)).not.toContain('anger');
    const [concise] = await db().select().from(dimensionValues).where(and(eq(dimensionValues.dimension, 'tone'), eq(dimensionValues.key, 'concise')));
    expect(concise).toMatchObject({ active: false, label: 'Calm-ish' });
  });
});

describe('the demo on top of the defaults', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('keeps its own catalog counts and its 90 planned conversations; unused built-in values are kept but switched off', async () => {
    const catalog = (await t.as('viewer', { method: 'GET', url: '/api/catalog' })).json();
    expect(catalog.intent).toHaveLength(6);
    expect(catalog.tone).toHaveLength(6);
    expect(catalog.emotion).toHaveLength(10);
    const db = t.services.ctx.database.db;
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(conversations).where(eq(conversations.isSeed, false));
    expect(n).toBe(90);
    const [gratitude] = await db.select().from(dimensionValues).where(and(eq(dimensionValues.dimension, 'emotion'), eq(dimensionValues.key, 'gratitude')));
    expect(gratitude.active).toBe(false);
    const active = await db.select().from(templates).where(eq(templates.active, true));
    expect(active.every((row) => !row.key.startsWith('builtin_'))).toBe(true);
  });

  it('is seeded once: a team that clears the demo away does not get it back at the next start', async () => {
    const db = t.services.ctx.database.db;
    expect(await isWorkspaceEmpty(db)).toBe(false);
    await db.delete(conversations);
    await db.delete(documents);
    await db.delete(dimensionValues).where(eq(dimensionValues.dimension, 'persona'));
    expect(await isWorkspaceEmpty(db)).toBe(false);
  });
});
