import { and, count, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { planConversations } from '../../core/planner';
import { seededRandom } from '../../core/random';
import { buildSearchText } from '../../core/search-text';
import { DEFAULT_TIER_COUNTS, DIMENSIONS } from '../../core/tiers';
import type { Db, Tx } from '../client';
import {
  chunks,
  conversations,
  dimensionValues,
  documents,
  edgeCases,
  installedDefaults,
  emotionalArcs,
  scenarios,
  templates,
  templateVersions,
} from '../schema';
import { loadDemoData, type DemoData } from './demo-data';
import { DEFAULT_EDGE_CASES } from './defaults/edge-cases';
import { DEFAULT_TEMPLATES } from './defaults/templates';
import { installDefaults } from './install-defaults';
import { catalogLabels, storeSeedConversations } from './store-seeds';

const CATALOG_KEYS = { persona: 'personas', emotion: 'emotions', topic: 'topics', intent: 'intents', tone: 'tones' } as const;

/** Recorded when the demo is seeded, so a team that later clears the workspace never gets it back. */
const DEMO_MARKER = { kind: 'demo', key: 'workspace' } as const;

/**
 * True when the team has brought nothing yet (no personas, documents or conversations) and the
 * demo was never seeded: the demo is only ever seeded into that. The built-in defaults do not
 * count as content.
 */
export async function isWorkspaceEmpty(db: Db): Promise<boolean> {
  const [[personas], [docs], [convs], [demo]] = await Promise.all([
    db.select({ n: count() }).from(dimensionValues).where(eq(dimensionValues.dimension, 'persona')),
    db.select({ n: count() }).from(documents),
    db.select({ n: count() }).from(conversations),
    db.select({ n: count() }).from(installedDefaults).where(and(eq(installedDefaults.kind, DEMO_MARKER.kind), eq(installedDefaults.key, DEMO_MARKER.key))),
  ]);
  return personas.n + docs.n + convs.n + demo.n === 0;
}

/**
 * The demo's catalog goes on top of the built-in defaults: a value under the same key takes the
 * demo's wording, and a built-in value the demo does not use is switched off (kept, and can be
 * switched back on in the Catalog), so the demo keeps its documented counts.
 */
async function insertCatalog(tx: Tx, data: DemoData) {
  for (const dimension of DIMENSIONS) {
    const items = data.catalog[CATALOG_KEYS[dimension]];
    await tx
      .insert(dimensionValues)
      .values(items.map(({ key, label, description, ...attributes }, i) => ({ dimension, key, label, description, attributes, sortOrder: i })))
      .onConflictDoUpdate({
        target: [dimensionValues.dimension, dimensionValues.key],
        set: { label: sql`excluded.label`, description: sql`excluded.description`, attributes: sql`excluded.attributes`, sortOrder: sql`excluded.sort_order`, active: true },
      });
    await tx
      .update(dimensionValues)
      .set({ active: false })
      .where(and(eq(dimensionValues.dimension, dimension), notInArray(dimensionValues.key, items.map((v) => v.key))));
  }
  // Arcs share the template tier equally (5 arcs × 20 %).
  const weight = Math.floor(100 / data.arcs.length);
  await tx
    .insert(emotionalArcs)
    .values(
      data.arcs.map((a, i) => ({
        key: a.key,
        label: a.label,
        description: a.description,
        startEmotion: a.startEmotion,
        endEmotion: a.endEmotion,
        stages: a.stages,
        minTurns: a.suggestedTurns[0],
        maxTurns: a.suggestedTurns[1],
        weight: i === 0 ? 100 - weight * (data.arcs.length - 1) : weight,
      })),
    )
    .onConflictDoUpdate({
      target: emotionalArcs.key,
      set: {
        label: sql`excluded.label`,
        description: sql`excluded.description`,
        startEmotion: sql`excluded.start_emotion`,
        endEmotion: sql`excluded.end_emotion`,
        stages: sql`excluded.stages`,
        minTurns: sql`excluded.min_turns`,
        maxTurns: sql`excluded.max_turns`,
        weight: sql`excluded.weight`,
        enabled: true,
      },
    });
  // The demo brings its own template per tier and its own edge cases: the built-in ones are switched off.
  await tx.update(templates).set({ active: false }).where(inArray(templates.key, DEFAULT_TEMPLATES.map((t) => t.key)));
  await tx.update(edgeCases).set({ archived: true }).where(inArray(edgeCases.key, DEFAULT_EDGE_CASES.map((e) => e.key)));
}

async function insertSources(tx: Tx, data: DemoData) {
  const chunkIds = new Map<string, { id: string; documentId: string }>();
  for (const doc of data.documents) {
    const [row] = await tx
      .insert(documents)
      .values({
        title: doc.title,
        category: doc.category,
        author: doc.author,
        summary: doc.summary,
        sourceFilename: `${doc.key}.md`,
        content: doc.chunks.map((c) => `## ${c.heading}\n\n${c.content}`).join('\n\n'),
      })
      .returning({ id: documents.id });
    const inserted = await tx
      .insert(chunks)
      .values(doc.chunks.map((c) => ({ documentId: row.id, ordinal: c.ordinal, heading: c.heading, content: c.content, dimensions: c.dimensions })))
      .returning({ id: chunks.id, ordinal: chunks.ordinal });
    for (const c of inserted) chunkIds.set(`${doc.key}#${c.ordinal}`, { id: c.id, documentId: row.id });
  }
  const templateRows = [];
  for (const t of data.templates) {
    const [row] = await tx
      .insert(templates)
      .values({ key: t.key, name: t.name, description: t.description, tier: t.tier, arcKey: t.arcKey })
      .returning({ id: templates.id, tier: templates.tier, arcKey: templates.arcKey, active: templates.active });
    await tx.insert(templateVersions).values({ templateId: row.id, version: 1, body: t.body, notes: 'Initial version' });
    templateRows.push(row);
  }
  const scenarioRows = await tx
    .insert(scenarios)
    .values(
      data.scenarios.map((s) => {
        const chunk = chunkIds.get(`${s.documentKey}#${s.chunkOrdinal}`);
        return { key: s.key, title: s.title, description: s.description, category: s.category, problem: s.problem, solution: s.solution, outcome: s.outcome, documentId: chunk?.documentId, chunkId: chunk?.id, persona: s.persona, emotion: s.emotion, topic: s.topic, origin: 'demo' };
      }),
    )
    .returning({ id: scenarios.id, persona: scenarios.persona, emotion: scenarios.emotion, topic: scenarios.topic, chunkId: scenarios.chunkId });
  const edgeRows = await tx
    .insert(edgeCases)
    .values(data.edgeCases.map(({ key, title, category, description, adversarialPrompt, expectedBehavior, persona, emotion, topic }) => ({ key, title, category, description, adversarialPrompt, expectedBehavior, persona, emotion, topic, origin: 'demo' })))
    .returning({ id: edgeCases.id, persona: edgeCases.persona, emotion: edgeCases.emotion, topic: edgeCases.topic });
  return { chunkIds, templateRows, scenarioRows, edgeRows };
}

/**
 * Seeds the demo workspace: catalog, arcs, documents and chunks, templates, scenarios, edge
 * cases, hand-written seed conversations, and 90 planned conversations (40/35/15).
 */
export async function seedDemoWorkspace(db: Db, data: DemoData = loadDemoData()): Promise<{ planned: number; seeds: number }> {
  return db.transaction(async (tx) => {
    await installDefaults(tx);
    await tx.insert(installedDefaults).values(DEMO_MARKER).onConflictDoNothing();
    await insertCatalog(tx, data);
    // Labels for the search text, so "anxious" finds Anxious Investor rows.
    const labelsOf = await catalogLabels(tx);
    const { chunkIds, templateRows, scenarioRows, edgeRows } = await insertSources(tx, data);

    await storeSeedConversations(tx, data.seedConversations, labelsOf);

    const arcRows = await tx.select().from(emotionalArcs);
    const slots = planConversations(
      {
        personas: data.catalog.personas.map((v) => v.key),
        emotions: data.catalog.emotions.map((v) => v.key),
        topics: data.catalog.topics.map((v) => v.key),
        intents: data.catalog.intents.map((v) => v.key),
        tones: data.catalog.tones.map((v) => v.key),
        arcs: arcRows.map((a) => ({ key: a.key, startEmotion: a.startEmotion, weight: a.weight, enabled: a.enabled })),
        templates: templateRows.map((t) => ({ id: t.id, tier: t.tier as 'template', arcKey: t.arcKey, active: t.active })),
        scenarios: scenarioRows,
        edgeCases: edgeRows,
        chunks: [...chunkIds.values()],
        counts: DEFAULT_TIER_COUNTS,
        firstNumber: 1,
      },
      seededRandom(20251026),
    );
    await tx.insert(conversations).values(
      slots.map((slot) => ({
        ...slot,
        templateVersion: slot.templateId ? 1 : null,
        searchText: buildSearchText(slot.conversationId, ...labelsOf(slot)),
      })),
    );
    await tx.execute(sql`analyze`);
    return { planned: slots.length, seeds: data.seedConversations.length };
  });
}
