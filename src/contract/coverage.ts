import { z } from 'zod';
import { COVERAGE_SCOPES } from '../core/coverage';
import { CONVERSATION_STATUSES } from '../core/statuses';
import { TIERS } from '../core/tiers';

/** `GET /api/coverage`: what the figures count (see COVERAGE_SCOPES). */
export const coverageQuery = z.object({ scope: z.enum(COVERAGE_SCOPES).default('generated') }).strict();
export type CoverageQuery = z.infer<typeof coverageQuery>;

const countEntry = z.object({ key: z.string(), label: z.string(), count: z.number(), active: z.boolean() });
const byStatus = z.object(Object.fromEntries(CONVERSATION_STATUSES.map((s) => [s, z.number()])) as Record<(typeof CONVERSATION_STATUSES)[number], z.ZodNumber>);

const chunkEntry = z.object({
  chunkId: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  category: z.string(),
  ordinal: z.number(),
  heading: z.string().nullable(),
  label: z.string(),
  confidence: z.number().nullable(),
  expertise: z.string().nullable(),
  count: z.number(),
  priority: z.boolean(),
  lowConfidence: z.boolean(),
});
export type CoverageChunkEntry = z.infer<typeof chunkEntry>;

export const combinationRecommendation = z.object({
  key: z.string(),
  persona: z.string(),
  personaLabel: z.string(),
  emotion: z.string(),
  emotionLabel: z.string(),
  topic: z.string().nullable(),
  topicLabel: z.string().nullable(),
  count: z.number(),
  waiting: z.number(),
  min: z.number(),
  target: z.number(),
  toPlan: z.number(),
  reason: z.string(),
});
export type CombinationRecommendationView = z.infer<typeof combinationRecommendation>;

export const coverageReport = z.object({
  scope: z.enum(COVERAGE_SCOPES),
  /** Conversations the figures count (see `scope`): every breakdown below, the heatmap too, adds up to it. */
  total: z.number(),
  /** Every conversation slot in the workspace, any status. */
  slots: z.number(),
  /** Being generated now: the dashboard refreshes while this is above 0. */
  generating: z.number(),
  minPerCombination: z.number(),
  targetPerCombination: z.number(),
  byPersona: z.array(countEntry),
  byEmotion: z.array(countEntry),
  byTier: z.array(z.object({ key: z.enum(TIERS), label: z.string(), count: z.number(), byStatus })),
  /** Template conversations per arc; `key: null` for those that follow none (scenario and edge-case tiers). */
  byArc: z.array(z.object({ key: z.string().nullable(), label: z.string(), count: z.number(), active: z.boolean() })),
  /** `key: null`: conversations with no source document. */
  byCategory: z.array(z.object({ key: z.string().nullable(), label: z.string(), count: z.number() })),
  byChunk: z.object({
    chunks: z.number(),
    usedChunks: z.number(),
    grounded: z.number(),
    highConfidence: z.number(),
    lowConfidence: z.number(),
    unknownConfidence: z.number(),
    highConfidenceShare: z.number().nullable(),
    highConfidenceAbove: z.number(),
    lowConfidenceBelow: z.number(),
    fewest: z.array(chunkEntry),
    most: z.array(chunkEntry),
    priority: z.array(chunkEntry),
    priorityCount: z.number(),
    lowConfidenceChunks: z.array(chunkEntry),
    warnings: z.array(z.string()),
  }),
  personaEmotion: z.array(
    z.object({ persona: z.string(), personaLabel: z.string(), emotion: z.string(), emotionLabel: z.string(), count: z.number(), belowMinimum: z.boolean() }),
  ),
  gaps: z.array(z.object({ persona: z.string(), personaLabel: z.string(), emotion: z.string(), emotionLabel: z.string(), count: z.number(), missing: z.number(), dismissed: z.boolean() })),
  /** The top five combinations to generate next, dismissed ones left out. */
  recommendations: z.array(combinationRecommendation),
  /** Gaps not dismissed, beyond the five shown too. */
  recommendationCount: z.number(),
  /** "Generate from chunks with confidence > 8", when some such chunk is under the minimum. */
  chunkRecommendation: z.object({ key: z.string(), title: z.string(), reason: z.string(), toPlan: z.number() }).nullable(),
  dismissed: z.array(z.object({ key: z.string(), label: z.string(), dismissedAt: z.string() })),
});
export type CoverageReport = z.infer<typeof coverageReport>;

/** A recommendation's key in a path: `gap:<persona>:<emotion>` or `chunks:high_confidence`. */
export const recommendationKeyParams = z.object({
  key: z
    .string()
    .max(140)
    .regex(/^(gap:[a-z0-9_]{1,64}:[a-z0-9_]{1,64}|chunks:high_confidence)$/, 'must be a recommendation key such as gap:anxious_investor:fear'),
});

export const dismissalResult = z.object({ dismissed: z.number(), restored: z.number() });
export type DismissalResult = z.infer<typeof dismissalResult>;

/** `POST /api/coverage/recommendations/plan`: the recommendations to fill (the five shown when left out). */
export const planRecommendedRequest = z
  .object({
    keys: z.array(recommendationKeyParams.shape.key).min(1).max(500).optional(),
    scope: z.enum(COVERAGE_SCOPES).default('generated'),
    /** Only chunks whose analysed confidence is above this (0–10) ground the new slots. */
    chunkConfidenceAbove: z.number().min(0).max(10).optional(),
    seed: z.number().int().min(0).max(2 ** 31).optional(),
  })
  .strict();
export type PlanRecommendedRequest = z.infer<typeof planRecommendedRequest>;

export const planRecommendedResult = z.object({
  /** New slots planned. */
  created: z.number(),
  /** Everything Generate Recommended should generate: the new slots and the ones already waiting, in order. */
  conversationIds: z.array(z.string()),
  items: z.array(z.object({ key: z.string(), label: z.string(), planned: z.number(), waiting: z.number() })),
  warnings: z.array(z.string()),
});
export type PlanRecommendedResult = z.infer<typeof planRecommendedResult>;
