import { z } from 'zod';
import { SCENARIO_CATEGORIES, SCENARIO_ORIGINS } from '../core/scenario-categories';

export { SCENARIO_CATEGORIES, SCENARIO_CATEGORY_LABELS, SCENARIO_ORIGINS, SCENARIO_ORIGIN_LABELS, type ScenarioCategory, type ScenarioOrigin } from '../core/scenario-categories';

/** The run kind of "Scenarios from chunks", as stored and as the Runs page reads it. */
export const SCENARIO_DERIVATION_RUN_KIND = 'scenario_derivation';

const dimensionKey = z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be a value key such as anxious_investor');
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const field = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max.toLocaleString('en')} characters`);
const tag = z.string().trim().min(1, 'a tag must not be empty').max(40, 'a tag must be at most 40 characters');

/** `GET /api/scenarios`: filters (all optional, AND-ed), then a page. */
export const scenarioListQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    category: z.enum(SCENARIO_CATEGORIES).optional(),
    tag: tag.optional(),
    favorite: flag.optional(),
    /** Archived scenarios are hidden unless asked for: `true` lists only them, `false` (the default) none. */
    archived: flag.optional(),
    origin: z.enum(SCENARIO_ORIGINS).optional(),
    document: z.uuid('must be a document id').optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ScenarioListQuery = z.infer<typeof scenarioListQuery>;

export const scenarioItem = z.object({
  id: z.string(),
  key: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  tags: z.array(z.string()),
  problem: z.string(),
  solution: z.string(),
  outcome: z.string(),
  persona: z.string().nullable(),
  emotion: z.string().nullable(),
  topic: z.string().nullable(),
  favorite: z.boolean(),
  archived: z.boolean(),
  origin: z.string(),
  /** The chunk it was drawn from (traceability); null for one written by hand or whose chunk was deleted. */
  source: z.object({ documentId: z.string(), documentTitle: z.string(), chunkId: z.string().nullable(), chunkHeading: z.string().nullable(), chunkOrdinal: z.number().nullable() }).nullable(),
  /** Conversations planned from it, generated (or later), approved. */
  usage: z.object({ conversations: z.number(), generated: z.number(), approved: z.number() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ScenarioItem = z.infer<typeof scenarioItem>;

export const scenarioPage = z.object({ items: z.array(scenarioItem), total: z.number(), page: z.number(), pageSize: z.number() });
export type ScenarioPage = z.infer<typeof scenarioPage>;

const scenarioFields = {
  title: field(120),
  description: z.string().trim().max(600, 'must be at most 600 characters'),
  category: z.enum(SCENARIO_CATEGORIES, { error: `must be one of ${SCENARIO_CATEGORIES.join(', ')}` }),
  tags: z.array(tag).max(20, 'at most 20 tags'),
  problem: field(2000),
  solution: field(2000),
  outcome: field(2000),
  persona: dimensionKey.nullable(),
  emotion: dimensionKey.nullable(),
  topic: dimensionKey.nullable(),
};

/** `POST /api/scenarios`: a scenario written by hand, optionally tied to the chunk it comes from. */
export const createScenarioBody = z
  .object({
    ...scenarioFields,
    description: scenarioFields.description.default(''),
    tags: scenarioFields.tags.default([]),
    persona: scenarioFields.persona.optional(),
    emotion: scenarioFields.emotion.optional(),
    topic: scenarioFields.topic.optional(),
    chunkId: z.uuid('must be a chunk id').optional(),
  })
  .strict();
export type CreateScenarioBody = z.input<typeof createScenarioBody>;
export type CreateScenario = z.output<typeof createScenarioBody>;

/** `PATCH /api/scenarios/:id`: any field; `favorite` and `archived` switch those flags. */
export const updateScenarioBody = z
  .object({ ...scenarioFields, favorite: z.boolean(), archived: z.boolean() })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'name at least one field to change');
export type UpdateScenario = z.infer<typeof updateScenarioBody>;

export const scenarioParams = z.object({ id: z.uuid('must be a scenario id') });

/** Which chunks to draw scenarios from: the given documents' or chunks' (none given: every chunk of a ready document). */
export const deriveScenariosBody = z
  .object({
    documentIds: z.array(z.uuid('must be a document id')).min(1).max(10_000).optional(),
    chunkIds: z.array(z.uuid('must be a chunk id')).min(1).max(50_000).optional(),
    /** Only scenarios of this category are asked for (the model is told); any category when left out. */
    category: z.enum(SCENARIO_CATEGORIES).optional(),
    /** How many different scenarios to draw from each chunk (1–3). */
    perChunk: z.number().int('must be a whole number').min(1, 'must be at least 1').max(3, 'must be at most 3').optional(),
    spendingLimitUsd: z.number().positive().max(1_000_000).optional(),
    concurrency: z.number().int().min(1).max(20).optional(),
  })
  .strict();
export type DeriveScenariosBody = z.infer<typeof deriveScenariosBody>;

export const deriveEstimate = z.object({
  /** Chunks that will be asked. */
  count: z.number(),
  /** Chunks left out because they already have the scenarios asked for (re-deriving makes no duplicates). */
  skippedExisting: z.number(),
  estimatedCostUsd: z.number(),
  estimatedSeconds: z.number(),
  provider: z.string(),
  model: z.string(),
  warnings: z.array(z.string()),
});
export type DeriveEstimate = z.infer<typeof deriveEstimate>;

export const deriveRunResponse = z.object({ runId: z.string(), total: z.number(), estimate: deriveEstimate });
export type DeriveRunResponse = z.infer<typeof deriveRunResponse>;

const count = z.object({ key: z.string(), label: z.string(), count: z.number() });
export const diversityReport = z.object({
  total: z.number(),
  unused: z.number(),
  byCategory: z.array(count),
  byDocument: z.array(count),
  byPersona: z.array(count),
  byEmotion: z.array(count),
  byTopic: z.array(count),
  distinctWordRatio: z.number(),
  nearDuplicates: z.array(z.object({ a: z.object({ id: z.string(), title: z.string() }), b: z.object({ id: z.string(), title: z.string() }), similarity: z.number() })),
  uncoveredDocumentCategories: z.array(z.string()),
});
export type DiversityReportResponse = z.infer<typeof diversityReport>;

export const deleteScenarioResult = z.object({ deleted: z.literal(true), id: z.string() });
