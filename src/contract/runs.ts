import { z } from 'zod';
import { RUN_STATUSES } from '../core/run-statuses';
import { CONVERSATION_STATUSES } from '../core/statuses';
import { TIERS } from '../core/tiers';
import { AUDIENCE_LEVELS, EMOTIONAL_VALENCES, EXPERTISE_LEVELS } from '../core/chunk-dimensions';
import { retryPolicyOverrideSchema } from '../core/retry-policy';
import { QUALITY_LEVELS } from './conversations';
import { providerLimitsSchema } from './settings';

export { RUN_STATUSES, type RunStatus } from '../core/run-statuses';

export const runProgress = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(RUN_STATUSES),
  total: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  pending: z.number(),
  inProgress: z.number(),
  /** What is being generated now (keys, for the client's labels; `label` joins them). */
  current: z.array(z.object({ conversationId: z.string(), id: z.string(), label: z.string(), persona: z.string(), emotion: z.string(), topic: z.string() })),
  /** The latest items to finish, newest first: the progress panel's ticks and crosses. */
  recent: z.array(z.object({ conversationId: z.string(), id: z.string(), status: z.enum(['succeeded', 'failed']), error: z.string().nullable() })),
  etaSeconds: z.number().nullable(),
  spentUsd: z.number(),
  estimatedCostUsd: z.number().nullable(),
  spendingLimitUsd: z.number().nullable(),
  reservedUsd: z.number(),
  error: z.string().nullable(),
  throttledUntil: z.string().nullable(),
  provider: z.string(),
  model: z.string(),
  /** The limits the provider last announced for this model ("provider allows 4,000 requests/min"); null: none known. */
  providerLimits: providerLimitsSchema.nullable(),
  /** Rows in the run's log (GET /api/runs/:id/events): what went missing beside the items' outcomes. */
  eventCount: z.number(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type RunProgress = z.infer<typeof runProgress>;

export const runList = z.object({ items: z.array(runProgress) });

export const RUN_EVENT_KINDS = ['judge_failed', 'judge_skipped'] as const;

/** A row of a run's log: something that happened beside an item's outcome, in plain words with what to do. */
export const runEvent = z.object({
  id: z.string(),
  createdAt: z.string(),
  kind: z.enum(RUN_EVENT_KINDS),
  /** The conversation's row id and human id; null once it was deleted. */
  conversationId: z.string().nullable(),
  conversationLabel: z.string().nullable(),
  message: z.string(),
  hint: z.string(),
  /** What the event cost the run (a failed call that was still billed). */
  costUsd: z.number(),
});
export type RunEvent = z.infer<typeof runEvent>;

export const runEventsQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();
export const runEventPage = z.object({ items: z.array(runEvent), total: z.number() });
export type RunEventPage = z.infer<typeof runEventPage>;
export type RunList = z.infer<typeof runList>;

export const generateResponse = z.object({ runId: z.string() });
export type GenerateResponse = z.infer<typeof generateResponse>;

const dimensionKeys = z.array(z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be a value key such as anxious_investor')).max(100);

/** The filter part of a selector: the list query's filters, as JSON arrays. */
export const selectorFilter = z
  .object({
    persona: dimensionKeys.optional(),
    emotion: dimensionKeys.optional(),
    topic: dimensionKeys.optional(),
    intent: dimensionKeys.optional(),
    tone: dimensionKeys.optional(),
    status: z.array(z.enum(CONVERSATION_STATUSES)).max(10).optional(),
    tier: z.array(z.enum(TIERS)).max(3).optional(),
    quality: z.array(z.enum(QUALITY_LEVELS)).max(3).optional(),
    qualityMin: z.number().min(0).max(10).optional(),
    qualityMax: z.number().min(0).max(10).optional(),
    q: z.string().max(200).optional(),
    category: z.array(z.string().min(1).max(100)).max(100).optional(),
    document: z.array(z.uuid('must be a document id')).max(100).optional(),
    expertise: z.array(z.enum(EXPERTISE_LEVELS)).max(3).optional(),
    valence: z.array(z.enum(EMOTIONAL_VALENCES)).max(3).optional(),
    audience: z.array(z.enum(AUDIENCE_LEVELS)).max(3).optional(),
    confidenceMin: z.number().min(0).max(10).optional(),
    seed: z.enum(['only', 'exclude']).optional(),
    tokenModel: z.string().regex(/^[a-z0-9.-]{1,64}$/, 'must be a base model id such as llama-3.1').optional(),
    tokensMin: z.number().int().min(0).max(10_000_000).optional(),
    tokensMax: z.number().int().min(0).max(10_000_000).optional(),
  })
  .strict();
export type SelectorFilter = z.infer<typeof selectorFilter>;

const SELECTOR_KEYS = ['conversationIds', 'filter', 'tier', 'all'] as const;

/** How many conversations one request may name by id; larger selections are made with a filter, a tier or all. */
export const MAX_SELECTED_IDS = 50_000;

const selectorFields = {
  conversationIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_SELECTED_IDS).optional(),
  filter: selectorFilter.optional(),
  tier: z.enum(TIERS).optional(),
  all: z.literal(true).optional(),
  /** Also regenerate conversations that already have text (otherwise only not generated / failed ones). */
  regenerate: z.boolean().optional(),
};

/** A refinement that accepts exactly one of `keys`: naming the second one given, or the first key when none is. */
export const exactlyOneOf =
  (keys: readonly string[]) =>
  (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const given = keys.filter((k) => value[k] !== undefined);
    if (given.length !== 1) {
      const message = given.length === 0 ? `is missing: give exactly one of ${keys.join(', ')}` : `must be the only selector: give exactly one of ${keys.join(', ')}`;
      ctx.addIssue({ code: 'custom', path: [given[1] ?? keys[0]], message });
    }
  };

const exactlyOneSelector = exactlyOneOf(SELECTOR_KEYS);

/** Which conversations a run or an estimate covers: exactly one of ids, filter, tier or all. */
export const selectorSchema = z.object(selectorFields).strict().superRefine(exactlyOneSelector);
export type Selector = z.infer<typeof selectorSchema>;

export const runOptions = {
  spendingLimitUsd: z.number().positive().max(1_000_000).optional(),
  concurrency: z.number().int().min(1).max(20).optional(),
  notifyEmail: z.boolean().optional(),
  retryPolicy: retryPolicyOverrideSchema.optional(),
  /** Continue by itself after a server restart (default), or wait for Resume. */
  resumeOnStart: z.boolean().optional(),
  /** Send through Anthropic's Message Batches: half price, results within 24 hours. */
  useBatchApi: z.boolean().optional(),
};

export const createRunBody = z
  .object({ ...selectorFields, ...runOptions })
  .strict()
  .superRefine(exactlyOneSelector);
export type CreateRunBody = z.infer<typeof createRunBody>;

export const tierEstimate = z.object({ count: z.number(), costUsd: z.number(), seconds: z.number() });
export const runEstimate = z.object({
  count: z.number(),
  estimatedCostUsd: z.number(),
  estimatedSeconds: z.number(),
  perConversationUsd: z.number(),
  byTier: z.object({ template: tierEstimate, scenario: tierEstimate, edge_case: tierEstimate }),
  basis: z.enum(['history', 'token_estimate']),
  provider: z.string(),
  model: z.string(),
  skipped: z.number(),
  /** Of the selected, how many are seeds: written by hand, never generated (part of `skipped` when a list or filter names them). */
  seeds: z.number(),
  warnings: z.array(z.string()),
});
export type RunEstimate = z.infer<typeof runEstimate>;

/** POST /api/runs: the new run, how many conversations it covers and its estimate. */
export const createRunResponse = z.object({ runId: z.string(), total: z.number(), estimate: runEstimate });
export type CreateRunResponse = z.infer<typeof createRunResponse>;
