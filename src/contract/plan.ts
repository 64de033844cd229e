import { z } from 'zod';
import { TIERS } from '../core/tiers';

const dimensionKey = z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be a value key such as anxious_investor');
const share = z.number().int('must be a whole number').min(0).max(100);

/** The most conversations one plan may create; larger datasets are planned in several steps. */
export const MAX_PLAN_COUNT = 10_000;

/** `POST /api/plan/preview` and `POST /api/plan`: how many conversations, split how, limited to what. */
export const planRequest = z
  .object({
    count: z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_PLAN_COUNT, `must be at most ${MAX_PLAN_COUNT.toLocaleString('en-US')} per plan`),
    /** Weights per tier; the workspace's split (40/35/15 by default) when left out. */
    split: z.object({ template: share, scenario: share, edge_case: share }).strict().optional(),
    /** Only these personas (keys); all active ones when left out. */
    personas: z.array(dimensionKey).min(1).max(500).optional(),
    /** Only chunks of documents in these categories; all categories when left out. */
    categories: z.array(z.string().trim().min(1).max(80)).min(1).max(50).optional(),
    /** Makes the plan repeatable: the same request and seed plan the same slots. */
    seed: z.number().int().min(0).max(2 ** 31).optional(),
    /** Only chunks whose analysed confidence is above this (0–10): high-quality material first (US10.2.2). */
    chunkConfidenceAbove: z.number().min(0).max(10).optional(),
  })
  .strict();
export type PlanRequest = z.infer<typeof planRequest>;

const counts = z.record(z.string(), z.number());
const tierCounts = z.object(Object.fromEntries(TIERS.map((t) => [t, z.number()])) as Record<(typeof TIERS)[number], z.ZodNumber>);

export const planPreview = z.object({
  requested: z.number(),
  /** How many would be created: fewer than requested only when the catalog's combinations run out. */
  planned: z.number(),
  byTier: tierCounts,
  byPersona: counts,
  byEmotion: counts,
  byTopic: counts,
  byArc: counts,
  byCategory: counts,
  /** Things to know before creating (a category left out or thin, chunks without dimensions…). */
  warnings: z.array(z.string()),
  split: tierCounts,
});
export type PlanPreview = z.infer<typeof planPreview>;

export const planCreated = planPreview.omit({ planned: true }).extend({
  created: z.number(),
  /** The new conversations' ids (conv-00091 …), in order: what "Generate them now" selects. */
  conversationIds: z.array(z.string()),
});
export type PlanCreated = z.infer<typeof planCreated>;

/** `POST /api/conversations`: one slot planned by hand. */
export const createSlotBody = z
  .object({
    tier: z.enum(TIERS),
    persona: dimensionKey,
    emotion: dimensionKey,
    topic: dimensionKey,
    intent: dimensionKey,
    tone: dimensionKey,
    title: z.string().trim().max(200).optional(),
    arcKey: z.string().min(1).max(64).optional(),
    chunkId: z.uuid('must be a chunk id').optional(),
    scenarioId: z.uuid('must be a scenario id').optional(),
    edgeCaseId: z.uuid('must be an edge case id').optional(),
  })
  .strict();
export type CreateSlotBody = z.infer<typeof createSlotBody>;
export const createdSlot = z.object({ id: z.string(), conversationId: z.string() });

/** `GET /api/plan/sources`: what a plan can draw from, for the Plan dialog's choices. */
export const planSources = z.object({
  categories: z.array(z.object({ name: z.string(), documents: z.number(), chunks: z.number(), weight: z.number() })),
  arcs: z.array(z.object({ key: z.string(), label: z.string(), enabled: z.boolean() })),
  scenarios: z.array(z.object({ id: z.string(), title: z.string() })),
  edgeCases: z.array(z.object({ id: z.string(), title: z.string(), category: z.string() })),
  split: z.object({ template: z.number(), scenario: z.number(), edge_case: z.number() }),
});
export type PlanSources = z.infer<typeof planSources>;
