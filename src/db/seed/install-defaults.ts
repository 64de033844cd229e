import { eq, max } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { dimensionValues, edgeCases, emotionalArcs, installedDefaults, templates, templateVersions } from '../schema';
import { DEFAULT_ARCS } from './defaults/arcs';
import { DEFAULT_EMOTIONS, DEFAULT_INTENTS, DEFAULT_TONES } from './defaults/catalog';
import { DEFAULT_EDGE_CASES } from './defaults/edge-cases';
import { DEFAULT_TEMPLATES } from './defaults/templates';
import type { DefaultDimensionValue } from './defaults/types';

export type DefaultKind = 'emotion' | 'intent' | 'tone' | 'arc' | 'template' | 'edge_case';

const CATALOG_DEFAULTS: [DefaultKind & ('emotion' | 'intent' | 'tone'), DefaultDimensionValue[]][] = [
  ['emotion', DEFAULT_EMOTIONS],
  ['intent', DEFAULT_INTENTS],
  ['tone', DEFAULT_TONES],
];

/** The template tier's share is split equally between the arcs, the remainder to the first. */
function arcWeight(index: number): number {
  const share = Math.floor(100 / DEFAULT_ARCS.length);
  return index === 0 ? 100 - share * (DEFAULT_ARCS.length - 1) : share;
}

/**
 * Installs convgen's built-in defaults (emotions, intents, tones, the five arcs, a template per
 * tier, starter edge cases) into any workspace, idempotently. Each default is installed once:
 * one the team already has under that key is left as the team made it, and one recorded as
 * installed is never installed again, so deleting a default is final. Returns what it added.
 */
export async function installDefaults(db: Db | Tx): Promise<{ installed: number }> {
  const run = async (tx: Tx | Db) => {
    const done = new Set((await tx.select().from(installedDefaults)).map((r) => `${r.kind}:${r.key}`));
    const pending = (kind: DefaultKind, key: string) => !done.has(`${kind}:${key}`);
    const record: { kind: DefaultKind; key: string }[] = [];
    let installed = 0;

    for (const [dimension, values] of CATALOG_DEFAULTS) {
      const todo = values.filter((v) => pending(dimension, v.key));
      if (!todo.length) continue;
      // New defaults go after the team's own values.
      const [{ last }] = await tx.select({ last: max(dimensionValues.sortOrder) }).from(dimensionValues).where(eq(dimensionValues.dimension, dimension));
      const start = (last ?? -1) + 1;
      const added = await tx
        .insert(dimensionValues)
        .values(todo.map((v, i) => ({ dimension, key: v.key, label: v.label, description: v.description, guidance: v.guidance, attributes: v.attributes ?? {}, sortOrder: start + i })))
        .onConflictDoNothing()
        .returning({ key: dimensionValues.key });
      installed += added.length;
      record.push(...todo.map((v) => ({ kind: dimension, key: v.key })));
    }

    const arcs = DEFAULT_ARCS.map((a, i) => ({ a, weight: arcWeight(i) })).filter(({ a }) => pending('arc', a.key));
    if (arcs.length) {
      const added = await tx
        .insert(emotionalArcs)
        .values(arcs.map(({ a, weight }) => ({ key: a.key, label: a.label, description: a.description, startEmotion: a.startEmotion, endEmotion: a.endEmotion, stages: a.stages, minTurns: a.suggestedTurns[0], maxTurns: a.suggestedTurns[1], weight })))
        .onConflictDoNothing()
        .returning({ key: emotionalArcs.key });
      installed += added.length;
      record.push(...arcs.map(({ a }) => ({ kind: 'arc' as const, key: a.key })));
    }

    for (const t of DEFAULT_TEMPLATES.filter((t) => pending('template', t.key))) {
      const [row] = await tx
        .insert(templates)
        .values({ key: t.key, name: t.name, description: t.description, tier: t.tier, arcKey: t.arcKey })
        .onConflictDoNothing()
        .returning({ id: templates.id });
      if (row) {
        await tx.insert(templateVersions).values({ templateId: row.id, version: 1, body: t.body, notes: 'Built-in default' });
        installed += 1;
      }
      record.push({ kind: 'template', key: t.key });
    }

    const edges = DEFAULT_EDGE_CASES.filter((e) => pending('edge_case', e.key));
    if (edges.length) {
      const added = await tx
        .insert(edgeCases)
        .values(edges.map((e) => ({ key: e.key, title: e.title, category: e.category, description: e.description, adversarialPrompt: e.adversarialPrompt, expectedBehavior: e.expectedBehavior, origin: 'default' })))
        .onConflictDoNothing()
        .returning({ key: edgeCases.key });
      installed += added.length;
      record.push(...edges.map((e) => ({ kind: 'edge_case' as const, key: e.key })));
    }

    if (record.length) await tx.insert(installedDefaults).values(record).onConflictDoNothing();
    return { installed };
  };
  return 'rollback' in db ? run(db) : (db as Db).transaction(run);
}
