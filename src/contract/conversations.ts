import { z } from 'zod';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../core/statuses';
import { TIERS } from '../core/tiers';
import { AUDIENCE_LEVELS, EMOTIONAL_VALENCES, EXPERTISE_LEVELS } from '../core/chunk-dimensions';

/** `a,b,c` in a query string → ['a','b','c'], each checked by `item`. */
const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(2000)
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item).max(100));

const dimensionKey = z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be a value key such as anxious_investor');

export const SORTABLE_COLUMNS = [
  'conversationId',
  'title',
  'persona',
  'emotion',
  'topic',
  'intent',
  'tone',
  'tier',
  'status',
  'qualityScore',
  'turnCount',
  'costUsd',
  'generatedAt',
  'createdAt',
  'updatedAt',
  /** The stored token count for the workspace's preflight base model (the Tokens column); uncounted last. */
  'tokens',
] as const;
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number];

export const PAGE_SIZES = [25, 50, 100] as const;
export const QUALITY_LEVELS = ['high', 'medium', 'low'] as const;

const score = z.coerce.number().min(0).max(10);

/** A conversation filter's keys in a query string (OR within a dimension, AND across them). */
const filterFields = {
    persona: commaList(dimensionKey).optional(),
    emotion: commaList(dimensionKey).optional(),
    topic: commaList(dimensionKey).optional(),
    intent: commaList(dimensionKey).optional(),
    tone: commaList(dimensionKey).optional(),
    status: commaList(z.enum(CONVERSATION_STATUSES)).optional(),
    tier: commaList(z.enum(TIERS)).optional(),
    quality: commaList(z.enum(QUALITY_LEVELS)).optional(),
    qualityMin: score.optional(),
    qualityMax: score.optional(),
    q: z.string().max(200).optional(),
    /** Custom metadata (US9.2.1): `meta=key:value`, several comma-separated pairs must all match. */
    meta: commaList(z.string().regex(/^[A-Za-z0-9_.-]{1,64}:.{0,200}$/, 'must be key:value, e.g. reviewed_by:dana')).optional(),
    // The source material: its document's category and id, and the source chunk's derived dimensions.
    category: commaList(z.string().min(1).max(100)).optional(),
    document: commaList(z.uuid('must be a document id')).optional(),
    expertise: commaList(z.enum(EXPERTISE_LEVELS)).optional(),
    valence: commaList(z.enum(EMOTIONAL_VALENCES)).optional(),
    audience: commaList(z.enum(AUDIENCE_LEVELS)).optional(),
    confidenceMin: score.optional(),
    /** Seed conversations (US10.3.1): only them, or everything but them. */
    seed: z.enum(['only', 'exclude']).optional(),
    /** Trainer preflight: the stored token count for `tokenModel` (llama-3.1 when omitted) within tokensMin–tokensMax; uncounted conversations never match. */
    tokenModel: z.string().regex(/^[a-z0-9.-]{1,64}$/, 'must be a base model id such as llama-3.1').optional(),
    tokensMin: z.coerce.number().int().min(0).max(10_000_000).optional(),
    tokensMax: z.coerce.number().int().min(0).max(10_000_000).optional(),
    /** `nearDuplicate=1`: only conversations marked as a near-duplicate of an earlier one. */
    nearDuplicate: z.enum(['1']).optional(),
};
const qualityRangeInOrder = { message: 'must not be greater than qualityMax', path: ['qualityMin'] };
const qualityInOrder = (q: { qualityMin?: number; qualityMax?: number }) => q.qualityMin === undefined || q.qualityMax === undefined || q.qualityMin <= q.qualityMax;

/** The list query of `GET /api/conversations`; the web app keeps the same keys in its URL. */
export const conversationListQuery = z
  .object({
    ...filterFields,
    sort: z.enum(SORTABLE_COLUMNS).default('conversationId'),
    dir: z.enum(['asc', 'desc']).default('asc'),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce
      .number()
      .int()
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), 'must be 25, 50 or 100')
      .default(25),
  })
  .strict()
  .refine(qualityInOrder, qualityRangeInOrder);
export type ConversationListQuery = z.infer<typeof conversationListQuery>;

/** `GET /api/conversations/status-counts`: a filter; its status part is ignored (every status is counted). */
export const statusCountsQuery = z.object(filterFields).strict().refine(qualityInOrder, qualityRangeInOrder);
/** How many conversations the filter matches in each status, for the status pills ("Needs Review 42"). */
export const statusCounts = z.object({
  total: z.number(),
  counts: z.object(Object.fromEntries(CONVERSATION_STATUSES.map((s) => [s, z.number()])) as Record<ConversationStatus, z.ZodNumber>),
});
export type StatusCounts = z.infer<typeof statusCounts>;

/** `GET /api/conversations/:id/position`: where a conversation stands in a filtered, sorted list. */
export const conversationPositionQuery = conversationListQuery;
export const conversationPosition = z.object({
  /** 1-based; null when the conversation exists but the filter leaves it out. */
  position: z.number().nullable(),
  total: z.number(),
  /** The page it is on at the query's page size; null with the position. */
  page: z.number().nullable(),
});
export type ConversationPosition = z.infer<typeof conversationPosition>;
/** The conversations page's URL state: the list query's keys, plus the conversation open in the preview. */
export const conversationViewSearch = z.object({
  ...conversationListQuery.shape,
  open: z.string().min(1).max(64).optional(),
  /** `plan=1` opens the Plan dialog (the first-run checklist links to it). */
  plan: z.coerce.number().int().min(1).max(1).optional(),
});

/** The filter part of the list query: what a selector's `filter` holds too. */
export type ConversationFilter = Omit<ConversationListQuery, 'sort' | 'dir' | 'page' | 'pageSize'>;

export const conversationSummary = z.object({
  id: z.string(),
  conversationId: z.string(),
  title: z.string(),
  persona: z.string(),
  emotion: z.string(),
  topic: z.string(),
  intent: z.string(),
  tone: z.string(),
  tier: z.enum(TIERS),
  arcKey: z.string().nullable(),
  status: z.enum(CONVERSATION_STATUSES),
  qualityScore: z.number().nullable(),
  turnCount: z.number(),
  isSeed: z.boolean(),
  model: z.string().nullable(),
  costUsd: z.number().nullable(),
  errorMessage: z.string().nullable(),
  generatedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The earlier conversation this one nearly repeats (MinHash similarity 0–1), or null. */
  nearDuplicateOf: z.object({ id: z.string(), conversationId: z.string(), similarity: z.number() }).nullable(),
  /** The optional LLM-judge score (1–10), beside the structural one; null when not judged. */
  judgeScore: z.number().nullable(),
  /** Tokens of the conversation through the workspace's preflight base model's chat template (list only); null when not counted since its turns last changed. */
  tokens: z.number().nullable().optional(),
});
export type ConversationSummary = z.infer<typeof conversationSummary>;

export const conversationListResponse = z.object({
  items: z.array(conversationSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type ConversationListResponse = z.infer<typeof conversationListResponse>;

export const turn = z.object({ turnNumber: z.number(), role: z.enum(['user', 'assistant']), content: z.string() });

export const qualityCriterion = z.object({
  label: z.string(),
  value: z.string(),
  target: z.string(),
  score: z.number(),
  explanation: z.string(),
});

/**
 * Grounding (scenario tier): each assistant sentence with whether the source chunk supports it
 * (lexical overlap, optionally a provider check), and the supported share.
 */
export const groundingResult = z.object({
  supportedShare: z.number(),
  method: z.enum(['lexical', 'provider']),
  model: z.string().optional().describe('The model that checked each statement (provider method only).'),
  sentences: z.array(
    z.object({
      turnNumber: z.number(),
      start: z.number(),
      end: z.number(),
      text: z.string(),
      supported: z.boolean(),
      overlap: z.number(),
      verdict: z.enum(['supported', 'contradicted', 'unsupported', 'not_a_claim']).optional().describe("The model's verdict (provider method only)."),
      reason: z.string().optional(),
    }),
  ),
});
export const groundingCheckResponse = groundingResult.extend({ costUsd: z.number() });
export type GroundingCheckResponse = z.infer<typeof groundingCheckResponse>;
export type GroundingResult = z.infer<typeof groundingResult>;

export const conversationDetail = conversationSummary.extend({
  turns: z.array(turn),
  metadata: z.record(z.string(), z.unknown()),
  quality: z
    .object({
      score: z.number(),
      level: z.enum(QUALITY_LEVELS),
      flaggedForReview: z.boolean(),
      breakdown: z.record(z.string(), qualityCriterion),
      recommendation: z.string(),
    })
    .nullable(),
  source: z
    .object({
      chunk: z.object({ id: z.string(), ordinal: z.number(), heading: z.string().nullable(), content: z.string(), dimensions: z.record(z.string(), z.unknown()) }).nullable(),
      document: z.object({ id: z.string(), title: z.string(), category: z.string() }).nullable(),
    }),
  arc: z.object({ key: z.string(), label: z.string(), stages: z.array(z.string()), startEmotion: z.string(), endEmotion: z.string() }).nullable(),
  scenario: z.object({ id: z.string(), title: z.string() }).nullable(),
  edgeCase: z.object({ id: z.string(), title: z.string(), category: z.string() }).nullable(),
  template: z.object({ id: z.string(), name: z.string(), version: z.number().nullable(), activeVersion: z.number() }).nullable(),
  review: z.object({ reviewedAt: z.string().nullable(), reviewedBy: z.string().nullable(), notes: z.string().nullable() }),
  error: z.object({ message: z.string(), code: z.string().nullable(), details: z.record(z.string(), z.unknown()).nullable() }).nullable(),
  inputTokens: z.number().nullable(),
  outputTokens: z.number().nullable(),
  provider: z.string().nullable(),
  /** Edge-case tier only (else null): does it meet the tier's criteria, and if not, why (US8.3.1). */
  edgeCaseCheck: z.object({ meets: z.boolean(), reasons: z.array(z.string()) }).nullable(),
  /** The quality breakdown as a list, one entry per criterion (the same entries as `quality.breakdown`). */
  qualityBreakdown: z.array(qualityCriterion.extend({ key: z.string() })),
  /** Scenario tier only (else null): how much of the assistant's text the source chunk supports. */
  grounding: groundingResult.nullable(),
  /** The LLM-judge rubric when the workspace judges conversations, else null. */
  judge: z.object({ score: z.number(), rationale: z.string(), criteria: z.array(z.object({ key: z.string(), label: z.string(), score: z.number(), comment: z.string() })), /** 'offline' for the heuristic judge, else the model. */ model: z.string().optional() }).nullable(),
  /** Reject and regenerate: the conversation this one replaces and the guidance it was given; and the one that replaced it. */
  regeneratedFrom: z.object({ id: z.string(), conversationId: z.string(), guidance: z.string().nullable() }).nullable(),
  regeneratedAs: z.object({ id: z.string(), conversationId: z.string() }).nullable(),
});
export type ConversationDetail = z.infer<typeof conversationDetail>;

export const reviewRequest = z
  .object({
    action: z.enum(['approve', 'reject']),
    notes: z.string().max(500, 'must be at most 500 characters').optional(),
  })
  .strict();
export type ReviewRequest = z.infer<typeof reviewRequest>;

/** What POST /api/conversations/:id/review answers. */
export const reviewResult = z.object({ id: z.string(), status: z.enum(['approved', 'rejected']), reviewedAt: z.string() });
export type ReviewResult = z.infer<typeof reviewResult>;

/** The prompt a conversation is generated from, resolved with its parameters (US7.2.1). */
export const resolvedPrompt = z.object({
  system: z.string(),
  prompt: z.string(),
  template: z.object({ id: z.string(), version: z.number(), name: z.string() }).nullable(),
  parameters: z.record(z.string(), z.string().nullable()),
  missing: z.array(z.string()),
});
export type ResolvedPrompt = z.infer<typeof resolvedPrompt>;

/** A metadata key: letters, digits, `_`, `-` and `.`, so `meta=key:value` filters can name it. */
const metadataKey = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 letters, digits, _, - or .');
const metadataValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null(), z.array(z.unknown()).max(100), z.record(z.string(), z.unknown())]);

/**
 * `PATCH /api/conversations/:id`: post-generation edits (US9.2.1). Dimension values must be in the
 * catalog; metadata keys merge into the conversation's metadata, and a key set to null is removed.
 */
export const conversationPatch = z
  .object({
    persona: dimensionKey.optional(),
    emotion: dimensionKey.optional(),
    topic: dimensionKey.optional(),
    intent: dimensionKey.optional(),
    tone: dimensionKey.optional(),
    metadata: z
      .record(metadataKey, metadataValue)
      .refine((m) => Object.keys(m).length <= 50, 'may change at most 50 keys at once')
      .optional(),
  })
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'must change at least one of persona, emotion, topic, intent, tone, metadata' });
export type ConversationPatch = z.infer<typeof conversationPatch>;
