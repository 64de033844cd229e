/**
 * The planner's part of `npm run bench:content` (run after the documents): the time to plan 10,000 slots over 50 personas ×
 * 20 emotions × 30 topics (10 intents, 8 tones, 5 arcs, 40 edge cases, 300 chunks in 4 categories),
 * first the planning alone (src/core/plan-slots.ts), then through the API on an embedded database:
 * reading the catalog and existing slots, planning and writing the 10,000 rows. Prints figures.
 */
import { performance } from 'node:perf_hooks';
import { planSlots, type PlanInput } from '../src/core/plan-slots';
import { seededRandom } from '../src/core/random';
import { DIMENSIONS } from '../src/core/tiers';
import { openDatabase } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { chunks, conversations, dimensionValues, documents, edgeCases, emotionalArcs } from '../src/db/schema';
import { createPlan } from '../src/planning/plan-conversations';
import { workspaceSettingsSchema } from '../src/contract/settings';

const SIZES = { persona: 50, emotion: 20, topic: 30, intent: 10, tone: 8 } as const;
const COUNT = 10_000;
const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}_${i + 1}`);
const CATEGORIES = ['Complete Systems', 'Proprietary Strategies', 'Frameworks', 'General'];

function pureInput(existing: PlanInput['existing'] = []): PlanInput {
  return {
    count: COUNT,
    split: { template: 40, scenario: 35, edge_case: 15 },
    values: Object.fromEntries(DIMENSIONS.map((d) => [d, keys(d, SIZES[d])])) as PlanInput['values'],
    arcs: keys('arc', 5).map((key, i) => ({ key, startEmotion: `emotion_${i + 1}`, weight: 20, enabled: true })),
    templates: [],
    scenarios: [],
    edgeCases: keys('edge', 40).map((id) => ({ id })),
    chunks: keys('chunk', 300).map((id, i) => ({ id, documentId: `doc_${i % 30}`, category: CATEGORIES[i % 4], hasDimensions: true })),
    categoryWeights: { 'Complete Systems': 3, 'Proprietary Strategies': 2 },
    existing,
    firstNumber: 1,
  };
}

function spreadOf(counts: Record<string, number>) {
  const values = Object.values(counts);
  return `${Math.min(...values)}–${Math.max(...values)}`;
}

export async function benchPlanner(log: (line: string) => void = console.log) {
  log(`planner: ${COUNT.toLocaleString('en-US')} slots over ${Object.entries(SIZES).map(([d, n]) => `${n} ${d}s`).join(' × ')}`);
  const runs: number[] = [];
  let plan = planSlots(pureInput(), seededRandom(1));
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    plan = planSlots(pureInput(), seededRandom(i + 1));
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  log(`  planning alone (core): median ${runs[2].toFixed(0)} ms of 5 runs (min ${runs[0].toFixed(0)}, max ${runs[4].toFixed(0)}); ${plan.slots.length} slots, per persona ${spreadOf(plan.byPersona)}, per emotion ${spreadOf(plan.byEmotion)}, per topic ${spreadOf(plan.byTopic)}`);
  const again = performance.now();
  const second = planSlots({ ...pureInput(plan.slots.map((s) => ({ ...s, category: null }))), firstNumber: COUNT + 1 }, seededRandom(99));
  log(`  a second 10,000 on top of the first (no repeats checked against 10,000 existing): ${(performance.now() - again).toFixed(0)} ms, ${second.slots.length} slots`);

  const database = await openDatabase({});
  try {
    await migrateDatabase(database);
    const { db } = database;
    await db.insert(dimensionValues).values(DIMENSIONS.flatMap((d) => keys(d, SIZES[d]).map((key, i) => ({ dimension: d, key, label: key.replace('_', ' '), sortOrder: i }))));
    await db.insert(emotionalArcs).values(keys('arc', 5).map((key, i) => ({ key, label: key, startEmotion: `emotion_${i + 1}`, endEmotion: 'emotion_20', weight: 20 })));
    await db.insert(edgeCases).values(keys('edge', 40).map((key) => ({ key, title: key, category: 'boundary_testing', description: 'd', adversarialPrompt: 'p' })));
    for (let d = 0; d < 30; d++) {
      const [doc] = await db.insert(documents).values({ title: `Document ${d}`, category: CATEGORIES[d % 4], content: 'x' }).returning({ id: documents.id });
      await db.insert(chunks).values(keys('c', 10).map((_, i) => ({ documentId: doc.id, ordinal: i + 1, content: `chunk ${i}`, dimensions: { summary: 's' } })));
    }
    const settings = workspaceSettingsSchema.parse({ documents: { categoryWeights: { 'Complete Systems': 3, 'Proprietary Strategies': 2 } } });
    // The engine's own limit: the same number of bare conversation rows, written the same way.
    const bare = performance.now();
    await db.transaction(async (tx) => {
      for (let i = 0; i < COUNT; i += 1000) {
        await tx.insert(conversations).values(
          Array.from({ length: 1000 }, (_, j) => ({ conversationId: `bare-${i + j}`, tier: 'template', persona: 'p', emotion: 'e', topic: 't', intent: 'i', tone: 'o', searchText: `bare-${i + j} · persona ${j % 50} · emotion ${j % 20}` })),
        );
      }
      tx.rollback();
    }).catch(() => undefined);
    log(`  the engine alone: writing 10,000 bare conversation rows (same indexes, then rolled back): ${(performance.now() - bare).toFixed(0)} ms`);
    for (const round of [1, 2]) {
      const start = performance.now();
      const created = await createPlan(db, { count: COUNT, seed: round }, settings);
      log(`  through the database (PGlite), plan ${round} (${((round - 1) * COUNT).toLocaleString('en-US')} existing): ${(performance.now() - start).toFixed(0)} ms to read, plan and write ${created.created.toLocaleString('en-US')} conversations`);
    }
  } finally {
    await database.close();
  }
}

