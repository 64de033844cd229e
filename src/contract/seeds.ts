import { z } from 'zod';
import { TIERS } from '../core/tiers';

/**
 * Seed conversations (US10.3.1, US10.3.2): hand-written benchmarks, imported from a JSON file,
 * compared with what the generator writes, and used as the model for a template.
 */

/**
 * POST /api/seeds/import: the file's JSON as the body (an array of seeds or
 * `{ conversations: [...] }`), or a multipart upload with the file in `file`. Described here for
 * the API document; the route reads the raw text itself so problems can name their line.
 */
export const seedImportBody = z
  .union([z.array(z.record(z.string(), z.unknown())), z.object({ conversations: z.array(z.record(z.string(), z.unknown())) })])
  .describe(
    'Seed conversations: [{ conversationId?, title?, persona, emotion, topic, intent, tone, tier?, arcKey?, turns: [{ role: "user" | "assistant", content }], metadata? }], or { conversations: [...] }. Or multipart/form-data with the JSON file in "file".',
  );

export const seedImportResult = z.object({
  imported: z.number(),
  /** In file order; conv-NNNNN from the next free number for seeds that had no id. */
  conversationIds: z.array(z.string()),
});
export type SeedImportResult = z.infer<typeof seedImportResult>;

/** How a group of conversations reads on average; null when the group is empty. */
export const seedMetrics = z.object({
  count: z.number(),
  averageQuality: z.number().nullable(),
  averageTurns: z.number().nullable(),
  /** Words per turn. */
  averageTurnWords: z.number().nullable(),
});
export type SeedMetrics = z.infer<typeof seedMetrics>;

export const seedComparisonGroup = z.object({
  seeds: seedMetrics,
  /** Conversations the generator wrote (generated, approved or rejected), seeds left out. */
  generated: seedMetrics,
  /** generated − seeds: negative quality means the generator scores below the seeds. */
  gap: z.object({ quality: z.number().nullable(), turns: z.number().nullable(), turnWords: z.number().nullable() }),
});
export type SeedComparisonGroup = z.infer<typeof seedComparisonGroup>;

export const seedBaselineRow = z.object({
  id: z.string(),
  conversationId: z.string(),
  title: z.string(),
  tier: z.enum(TIERS),
  qualityScore: z.number().nullable(),
  /** Conversations planned from this seed with "Use as Template". */
  variations: z.number(),
  generated: z.number(),
  averageQuality: z.number().nullable(),
  /** Generated ones that score below the seed less one (US10.3.2's bar). */
  belowBaseline: z.number(),
});

/** GET /api/seeds/comparison: seeds against generated conversations, overall and per tier. */
export const seedComparison = z.object({
  overall: seedComparisonGroup,
  byTier: z.object({ template: seedComparisonGroup, scenario: seedComparisonGroup, edge_case: seedComparisonGroup }),
  /** Every seed, with what was made from it. */
  seeds: z.array(seedBaselineRow),
  /** One sentence for people: "Generated conversations score 0.8 below your seeds on average." */
  summary: z.string(),
});
export type SeedComparison = z.infer<typeof seedComparison>;

export const seedParams = z.object({ id: z.string().min(1).max(64) });

const wordRange = z.object({ average: z.number(), min: z.number(), max: z.number() });

/** GET /api/seeds/:id/structure: what "Use as Template" takes from the seed. */
export const seedStructure = z.object({
  conversationId: z.string(),
  title: z.string(),
  qualityScore: z.number().nullable(),
  turnCount: z.number(),
  lengthPattern: z.array(z.object({ turn: z.number(), role: z.enum(['user', 'assistant']), words: z.number() })),
  userWords: wordRange,
  assistantWords: wordRange,
  style: z.object({
    userQuestionRatio: z.number(),
    assistantQuestionRatio: z.number(),
    averageSentenceWords: z.number(),
    formality: z.enum(['formal', 'neutral', 'casual']),
    formalityMarkers: z.array(z.string()),
  }),
  notes: z.array(z.string()),
  /** The template body that would be created. */
  templateBody: z.string(),
  suggestedName: z.string(),
});
export type SeedStructure = z.infer<typeof seedStructure>;

export const MAX_SEED_VARIATIONS = 50;

export const seedTemplateRequest = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters').optional(),
    /** How many conversations to plan with the new template (0 creates only the template). */
    variations: z.number().int().min(0).max(MAX_SEED_VARIATIONS, `must be at most ${MAX_SEED_VARIATIONS}`).default(5),
  })
  .strict();
export type SeedTemplateRequest = z.input<typeof seedTemplateRequest>;

export const seedTemplateResult = z.object({
  templateId: z.string(),
  templateName: z.string(),
  planned: z.number(),
  conversationIds: z.array(z.string()),
});
export type SeedTemplateResult = z.infer<typeof seedTemplateResult>;
