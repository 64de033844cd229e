import { z } from 'zod';
import { rateLimitConfigSchema } from '../core/rate-limit';
import { LIMIT_FIELDS, LIMIT_SOURCES, rateLimitOverridesSchema } from '../core/rate-limit-policy';
import { RATE_LIMIT_MODES } from '../core/rate-limit-presets';
import { retryPolicySchema } from '../core/retry-policy';
import { BASE_MODEL_IDS } from '../core/base-model-ids';

/** Workspace settings (US14.1.2). Every field has a default, so an empty document is valid. */
export const workspaceSettingsSchema = z.object({
  generation: z
    .object({
      /** `auto`: Claude when an Anthropic key is set, else an OpenAI-compatible server when configured, else offline. */
      provider: z.enum(['auto', 'offline', 'anthropic', 'openai']).default('auto'),
      anthropicModel: z.string().trim().min(1).max(100).default('claude-sonnet-4-6'),
      openaiModel: z.string().trim().min(1).max(100).default('gpt-4o-mini'),
      openaiBaseUrl: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address, such as http://localhost:11434/v1' }).max(500).nullable().default(null),
      temperature: z.number().min(0).max(2).default(0.8),
      maxTokens: z.number().int().min(256).max(64_000).default(4096),
      concurrency: z.number().int().min(1).max(20).default(3),
      /**
       * `learn` (the default): follow the limits the provider announces on every answer. Or an
       * admin's choice: a named API tier, or `custom` to use `customRateLimits`.
       */
      rateLimitPreset: z.enum(RATE_LIMIT_MODES).default('learn'),
      customRateLimits: rateLimitConfigSchema.nullable().default(null),
      /** While learning: single values an admin set on purpose, which win over what is announced (but never go above it). */
      rateLimitOverrides: rateLimitOverridesSchema.default({}),
      retryPolicy: retryPolicySchema.prefault({}),
    })
    .prefault({}),
  budget: z
    .object({
      defaultSpendingLimitUsd: z.number().positive().max(1_000_000).nullable().default(null),
      warnAtPercent: z.number().int().min(1).max(99).default(80),
    })
    .prefault({}),
  quality: z
    .object({
      minApprovalScore: z.number().min(0).max(10).default(6),
      /** Edge cases test the model's limits, so they need a higher score to be approved (US8.3.1: 8). */
      edgeCaseMinScore: z.number().min(0).max(10).default(8),
      /** Score each generated conversation with the LLM-judge rubric too (costs one provider call each). */
      judgeEnabled: z.boolean().default(false),
      /** MinHash similarity (0–1) at which a conversation is marked a near-duplicate of an earlier one. */
      nearDuplicateThreshold: z.number().min(0.5).max(1).default(0.85),
    })
    .prefault({}),
  retention: z.object({ logsDays: z.number().int().min(1).max(3650).default(90), exportsDays: z.number().int().min(1).max(3650).default(365) }).prefault({}),
  privacy: z.object({ redactPiiInLogs: z.boolean().default(false) }).prefault({}),
  documents: z
    .object({
      /** Target chunk length in characters; a heading always starts a new chunk. */
      chunkSize: z.number().int().min(200).max(20_000).default(1500),
      /** Characters of the previous chunk repeated at the start of the next, so no idea is cut in half. */
      chunkOverlap: z.number().int().min(0).max(5_000).default(150),
      maxUploadMb: z.number().int().min(1).max(500).default(50),
      /** The categories a document can be filed under, in the order the lists show them. */
      categories: z
        .array(z.string().trim().min(1).max(80))
        .min(1)
        .max(50)
        .default(['Complete Systems', 'Proprietary Strategies', 'Frameworks', 'Case Studies', 'Reference Material', 'General']),
      /** Planner weight per category (a missing category weighs 1): more conversations from high-value material. */
      categoryWeights: z.record(z.string().max(80), z.number().min(0).max(100)).default({}),
    })
    .refine((d) => d.chunkOverlap < d.chunkSize, { message: 'must be smaller than chunkSize', path: ['chunkOverlap'] })
    .prefault({}),
  planning: z
    .object({
      /** How a planned count is shared between the tiers, as weights (40/35/15 by default). */
      tierSplit: z
        .object({ template: z.number().int().min(0).max(100), scenario: z.number().int().min(0).max(100), edge_case: z.number().int().min(0).max(100) })
        .refine((s) => s.template + s.scenario + s.edge_case > 0, 'at least one tier needs a share above 0')
        .default({ template: 40, scenario: 35, edge_case: 15 }),
    })
    .prefault({}),
  templates: z
    .object({
      /** US7.2.2: a version can be activated only after a test of it succeeded. */
      requireTestBeforeActivation: z.boolean().default(false),
    })
    .prefault({}),
  coverage: z
    .object({
      /** US3.2.1: a persona × emotion combination with fewer conversations than this is a gap. */
      minPerCombination: z.number().int().min(1).max(1000).default(3),
      /** US3.2.2: "Recommended: 3–5 conversations" — what Generate Recommended fills a gap up to. */
      targetPerCombination: z.number().int().min(1).max(1000).default(5),
    })
    .refine((c) => c.minPerCombination <= c.targetPerCombination, { message: 'must not be greater than targetPerCombination', path: ['minPerCombination'] })
    .prefault({}),
  preflight: z
    .object({
      /** The base model the table's token column and the export check count for (see GET /api/preflight/models). */
      baseModel: z.enum(BASE_MODEL_IDS, { error: `must be one of the base models preflight knows: ${BASE_MODEL_IDS.join(', ')}` }).default('llama-3.1'),
      maxSeqLen: z.number().int().min(128).max(1_048_576).default(4096),
    })
    .prefault({}),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

export const SECRET_SETTINGS = ['anthropicApiKey', 'openaiApiKey'] as const;
export type SecretSetting = (typeof SECRET_SETTINGS)[number];

/** What the API shows of a stored key: never the key itself. */
export const secretStatus = z.object({ configured: z.boolean(), last4: z.string().nullable(), source: z.enum(['settings', 'environment', 'none']) });

export const settingsResponse = workspaceSettingsSchema.extend({
  secrets: z.object({ anthropicApiKey: secretStatus, openaiApiKey: secretStatus }),
});
export type SettingsResponse = z.infer<typeof settingsResponse>;

/**
 * A section's fields, all optional and without defaults: a PATCH must change only what it
 * names, never reset the rest to defaults.
 */
function patchOf<T extends z.ZodRawShape>(section: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(section.shape).map(([key, field]) => {
      let inner = field as z.ZodType;
      while (inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault) inner = inner.unwrap() as z.ZodType;
      return [key, inner.optional()];
    }),
  );
  return z.object(shape).strict().optional();
}

/** PATCH /api/settings: any subset; a key set to null is removed. */
export const settingsPatch = z
  .object({
    generation: patchOf(workspaceSettingsSchema.shape.generation.unwrap()),
    budget: patchOf(workspaceSettingsSchema.shape.budget.unwrap()),
    quality: patchOf(workspaceSettingsSchema.shape.quality.unwrap()),
    retention: patchOf(workspaceSettingsSchema.shape.retention.unwrap()),
    privacy: patchOf(workspaceSettingsSchema.shape.privacy.unwrap()),
    documents: patchOf(workspaceSettingsSchema.shape.documents.unwrap()),
    planning: patchOf(workspaceSettingsSchema.shape.planning.unwrap()),
    templates: patchOf(workspaceSettingsSchema.shape.templates.unwrap()),
    coverage: patchOf(workspaceSettingsSchema.shape.coverage.unwrap()),
    preflight: patchOf(workspaceSettingsSchema.shape.preflight.unwrap()),
    anthropicApiKey: z.string().trim().min(10, 'looks too short to be an API key').max(500).nullable().optional(),
    openaiApiKey: z.string().trim().min(1).max(500).nullable().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;

/** GET /api/settings/history: paging, newest first. */
export const settingsHistoryQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type SettingsHistoryQuery = z.infer<typeof settingsHistoryQuery>;

/** One recorded change: a setting's dotted key, its value before and after (API keys only as "set"/"removed"), who and when. */
export const settingsHistoryEntry = z.object({
  id: z.number(),
  key: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  changedBy: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  changedAt: z.string(),
});
export type SettingsHistoryEntry = z.infer<typeof settingsHistoryEntry>;
export const settingsHistoryPage = z.object({ items: z.array(settingsHistoryEntry), total: z.number() });
export type SettingsHistoryPage = z.infer<typeof settingsHistoryPage>;

/** Limits per minute as a provider announced them; null: not announced. */
export const providerLimitsSchema = z.object({
  requestsPerMinute: z.number().nullable(),
  inputTokensPerMinute: z.number().nullable(),
  outputTokensPerMinute: z.number().nullable(),
  tokensPerMinute: z.number().nullable(),
  observedAt: z.string(),
});
export type ProviderLimits = z.infer<typeof providerLimitsSchema>;

/**
 * GET /api/settings/rate-limits: the limits the current provider's calls are paced by, each with
 * where it comes from (announced by the provider, or an admin's choice), and what other
 * providers and models announced.
 */
export const rateLimitsView = z.object({
  provider: z.string(),
  model: z.string(),
  mode: z.enum(RATE_LIMIT_MODES),
  /** What the provider last announced for this key and model; null: nothing yet. */
  announced: providerLimitsSchema.nullable(),
  fields: z.array(
    z.object({
      field: z.enum(LIMIT_FIELDS),
      /** The limit calls are paced by; null: none. */
      value: z.number().nullable(),
      source: z.enum(LIMIT_SOURCES),
    }),
  ),
  maxConcurrency: z.number(),
  others: z.array(providerLimitsSchema.extend({ provider: z.string(), model: z.string() })),
});
export type RateLimitsView = z.infer<typeof rateLimitsView>;
