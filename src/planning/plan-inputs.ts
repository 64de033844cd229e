import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PlanRequest } from '../contract/plan';
import type { WorkspaceSettings } from '../contract/settings';
import { AppError } from '../core/errors';
import type { PlanInput } from '../core/plan-slots';
import { DIMENSIONS, type Dimension, type Tier } from '../core/tiers';
import { queryRows, type Db, type Tx } from '../db/client';
import { nextConversationNumber } from '../db/queries/conversation-numbers';
import { assertKnownDimensionValues } from '../db/queries/dimension-validation';
import { chunks, dimensionValues, documents, edgeCases, emotionalArcs, scenarios, templates } from '../db/schema';

export interface PlanContext {
  input: PlanInput;
}

async function activeValues(db: Db | Tx) {
  const rows = await db
    .select({ dimension: dimensionValues.dimension, key: dimensionValues.key })
    .from(dimensionValues)
    .where(eq(dimensionValues.active, true))
    .orderBy(asc(dimensionValues.sortOrder), asc(dimensionValues.id));
  const values = Object.fromEntries(DIMENSIONS.map((d) => [d, rows.filter((r) => r.dimension === d).map((r) => r.key)])) as Record<Dimension, string[]>;
  return values;
}

/** The categories a plan may name: the workspace's list and any category a document is filed under. */
async function knownCategories(db: Db | Tx, settings: WorkspaceSettings): Promise<string[]> {
  const used = await db.selectDistinct({ category: documents.category }).from(documents);
  return [...new Set([...settings.documents.categories, ...used.map((r) => r.category)])];
}

async function assertKnownCategories(db: Db | Tx, asked: string[] | undefined, settings: WorkspaceSettings) {
  if (!asked) return;
  const known = await knownCategories(db, settings);
  const unknown = asked.find((c) => !known.includes(c));
  if (unknown === undefined) return;
  throw new AppError({
    code: 'unknown_category',
    status: 400,
    message: `There is no document category "${unknown}".`,
    hint: `Use one of: ${known.join(', ')}.`,
    details: { field: 'categories', value: unknown, allowed: known },
  });
}

/** Chunks whose analysed confidence is a number above `bound` (a chunk not analysed has none). */
const confidenceAbove = (bound: number) =>
  // A CASE, not AND: SQL does not promise to test the type before casting.
  sql`case when jsonb_typeof(${chunks.dimensions}->'confidence') = 'number' then (${chunks.dimensions}->>'confidence')::double precision > ${bound} else false end`;

/** What exists already: planning counts it for coverage and never repeats one of its slots. */
async function existingSlots(db: Db | Tx) {
  return queryRows<PlanInput['existing'][number]>(
    db as Db,
    sql`select c.tier, c.persona, c.emotion, c.topic, c.intent, c.tone, c.arc_key as "arcKey", c.scenario_id as "scenarioId",
               c.edge_case_id as "edgeCaseId", c.chunk_id as "chunkId", coalesce(d.category, c.source_snapshot->>'category') as category
          from conversations c left join documents d on d.id = c.document_id`,
  );
}

/** Reads everything the planner needs, checking the request's personas and categories against the workspace. */
export async function loadPlanContext(db: Db | Tx, request: PlanRequest, settings: WorkspaceSettings): Promise<PlanContext> {
  for (const persona of request.personas ?? []) await assertKnownDimensionValues(db, { persona });
  await assertKnownCategories(db, request.categories, settings);
  const values = await activeValues(db);
  if (request.personas) values.persona = values.persona.filter((p) => request.personas?.includes(p));

  const inCategories = request.categories ? inArray(documents.category, request.categories) : undefined;
  const confident = request.chunkConfidenceAbove === undefined ? undefined : confidenceAbove(request.chunkConfidenceAbove);
  const [arcRows, templateRows, scenarioRows, edgeRows, chunkRows, existing, firstNumber] = await Promise.all([
    db.select().from(emotionalArcs).orderBy(asc(emotionalArcs.id)),
    db.select({ id: templates.id, tier: templates.tier, arcKey: templates.arcKey, active: templates.active }).from(templates).orderBy(asc(templates.key)),
    db
      .select({ id: scenarios.id, persona: scenarios.persona, emotion: scenarios.emotion, topic: scenarios.topic, chunkId: scenarios.chunkId })
      .from(scenarios)
      // Archived scenarios are never planned. Categories limit chunks: a scenario drawn from a chunk
      // outside them is left out below (its own category is its subject, financial or career…, not a
      // document category, so it is not compared with the categories asked for).
      .where(eq(scenarios.archived, false))
      .orderBy(asc(scenarios.key), asc(scenarios.id)),
    db
      .select({ id: edgeCases.id, persona: edgeCases.persona, emotion: edgeCases.emotion, topic: edgeCases.topic })
      .from(edgeCases)
      .where(eq(edgeCases.archived, false))
      .orderBy(asc(edgeCases.key), asc(edgeCases.id)),
    db
      .select({ id: chunks.id, documentId: chunks.documentId, category: documents.category, hasDimensions: sql<boolean>`${chunks.dimensions} <> '{}'::jsonb` })
      .from(chunks)
      .innerJoin(documents, eq(documents.id, chunks.documentId))
      .where(and(eq(documents.status, 'ready'), inCategories, confident))
      .orderBy(asc(documents.title), asc(chunks.ordinal)),
    existingSlots(db),
    nextConversationNumber(db),
  ]);
  if (confident && !chunkRows.length) {
    throw new AppError({
      code: 'no_confident_chunks',
      status: 400,
      message: `No chunk${request.categories ? ' in those categories' : ''} has a confidence above ${request.chunkConfidenceAbove}.`,
      hint: 'Lower the confidence bound, or derive chunk dimensions on the Documents page so chunks get a confidence.',
      details: { field: 'chunkConfidenceAbove' },
    });
  }
  // A scenario's persona/emotion/topic is only a preference: one no longer in the catalog is dropped.
  const known = (d: Dimension, key: string | null) => (key && values[d].includes(key) ? key : null);
  // A scenario drawn from a chunk outside the chosen categories (or of a document not ready) is left out.
  const chunkIds = new Set(chunkRows.map((c) => c.id));
  const usableScenarios = scenarioRows.filter((s) => !s.chunkId || chunkIds.has(s.chunkId));
  return {
    input: {
      count: request.count,
      split: request.split ?? settings.planning.tierSplit,
      values,
      arcs: arcRows.map((a) => ({ key: a.key, startEmotion: a.startEmotion, weight: a.weight, enabled: a.enabled })),
      templates: templateRows.map((t) => ({ ...t, tier: t.tier as Tier })),
      scenarios: usableScenarios.map((s) => ({ ...s, persona: known('persona', s.persona), emotion: known('emotion', s.emotion), topic: known('topic', s.topic) })),
      edgeCases: edgeRows.map((s) => ({ ...s, persona: known('persona', s.persona), emotion: known('emotion', s.emotion), topic: known('topic', s.topic) })),
      chunks: chunkRows,
      categoryWeights: settings.documents.categoryWeights,
      existing,
      firstNumber,
    },
  };
}
