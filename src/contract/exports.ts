import { z } from 'zod';
import { FORMAT_IDS } from '../core/export/record';
import { calendarDate } from './calendar-date';
import { bulkSelection } from './bulk';

/** Per-format options a user can set (US5.1.1, issue "Export that trainers accept"). */
export const exportOptions = z
  .object({
    systemPrompt: z.string().max(20_000, 'must be at most 20,000 characters').optional().describe('Written into every example: as a system message, or folded into the first user message with foldSystemPrompt.'),
    foldSystemPrompt: z
      .boolean()
      .optional()
      .describe(
        'Write the system prompt at the start of the first user message, followed by a blank line, instead of as a system message: for base models whose chat template refuses a system role (Gemma, Gemma 2). Chat formats only.',
      ),
    includeMetadata: z
      .boolean()
      .optional()
      .describe(
        "Each conversation's metadata (id, title, tier, dimensions, quality, model, date): a `metadata` key on sharegpt and hf lines; for openai and anthropic, whose services refuse extra keys, a sidecar `<data file>-metadata.jsonl` in a zip, line N describing line N. The json format always carries it.",
      ),
    mergeConsecutive: z.boolean().optional().describe('Join consecutive turns from the same role with a blank line instead of leaving such conversations out.'),
    maxTokensPerExample: z.number().int().min(256).max(1_000_000).optional().describe('Token limit per training example (openai, anthropic); longer conversations are left out.'),
    excludeNearDuplicates: z.boolean().optional().describe('Leave out conversations marked as a near-duplicate of an earlier one (the earlier one is kept).'),
  })
  .strict();

/**
 * What to export: a format, which conversations (the table's selection or filter; every
 * conversation when omitted), approved only (the default), options, an optional seeded
 * train/validation split and dataset card, and a file name.
 */
export const exportRequest = z
  .object({
    format: z.enum(FORMAT_IDS),
    selection: bulkSelection.optional(),
    approvedOnly: z.boolean().default(true),
    options: exportOptions.default({}),
    split: z
      .object({
        validationFraction: z.number().gt(0, 'must be above 0').max(0.5, 'must be at most 0.5'),
        seed: z.union([z.number().int(), z.string().max(64)]).default(42),
      })
      .strict()
      .optional()
      .describe('A train/validation split stratified by tier: validationFraction of every tier (largest-remainder rounding, so the total is that fraction of the whole), chosen by a hash of seed, tier and id.'),
    datasetCard: z.boolean().default(false),
    fileName: z.string().max(100, 'must be at most 100 characters').optional(),
  })
  .strict()
  .refine((r) => !(r.format === 'json' && r.split), { path: ['split'], message: 'cannot be used with the json format, which is one document: choose a JSONL format (openai, anthropic, sharegpt, hf) to split' });
export type ExportRequest = z.infer<typeof exportRequest>;
export type ExportRequestInput = z.input<typeof exportRequest>;

export const validationSummary = z.object({
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  byRule: z.record(z.string(), z.number()),
  examples: z.array(z.object({ conversationId: z.string(), problems: z.array(z.object({ rule: z.string(), message: z.string() })) })),
  /** What keeps conversations that pass from being ready for every common base model, with the fix. */
  warnings: z.array(z.string()),
  summary: z.string(),
});

const balanceBucket = z.object({ key: z.string(), label: z.string(), count: z.number(), share: z.number() });

/** The export's spread by tier, persona and emotion (largest first), and what is lopsided with what to do. */
export const exportBalance = z.object({
  total: z.number(),
  byTier: z.array(balanceBucket),
  byPersona: z.array(balanceBucket),
  byEmotion: z.array(balanceBucket),
  warnings: z.array(z.object({ dimension: z.enum(['tier', 'persona', 'emotion']), rule: z.string(), message: z.string(), hint: z.string() })),
});
export type ExportBalanceView = z.infer<typeof exportBalance>;

const splitCounts = z.object({ train: z.number(), validation: z.number() });

/** What the export dialog shows before anything is downloaded. */
export const exportPreview = z.object({
  count: z.number(),
  /** How many of them the validation below looked at (the first ones, in export order). */
  checked: z.number(),
  /** Conversations in the export that nobody approved or rejected (only when not approved-only). */
  unreviewedCount: z.number(),
  /** Near-duplicates left out by options.excludeNearDuplicates (0 when not asked). */
  nearDuplicatesLeftOut: z.number().default(0),
  fileName: z.string(),
  files: z.array(z.string()),
  sample: z.array(z.string()),
  validation: validationSummary,
  /** The split the export will write, when one was asked for and every conversation was checked. */
  split: splitCounts.extend({ byTier: z.record(z.string(), splitCounts) }).nullable(),
  /** Every conversation of the export (not only the checked ones) by tier, persona and emotion. */
  balance: exportBalance,
});
export type ExportPreview = z.infer<typeof exportPreview>;

export const exportLogEntry = z.object({
  id: z.string(),
  exportId: z.string(),
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  format: z.string(),
  fileName: z.string(),
  conversationCount: z.number(),
  request: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
  exportedAt: z.string(),
});
export type ExportLogEntry = z.infer<typeof exportLogEntry>;

export const exportHistoryQuery = z
  .object({
    userId: z.string().max(64).optional(),
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    // Counts are 32-bit integers in the database.
    minCount: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
    maxCount: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
    sort: z.enum(['date', 'user']).default('date'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ExportHistoryQuery = z.infer<typeof exportHistoryQuery>;

/** The export history's URL state (`/exports?userId=…&from=2026-05-01&sort=user`): its filters, sort and page, dates as calendar days. */
export const exportHistorySearch = z.object({
  userId: exportHistoryQuery.shape.userId,
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  minCount: exportHistoryQuery.shape.minCount,
  sort: exportHistoryQuery.shape.sort,
  page: exportHistoryQuery.shape.page,
});

/** A page of the export history, and everyone who has exported (for the user filter). */
export const exportHistoryPage = z.object({
  items: z.array(exportLogEntry),
  total: z.number(),
  exporters: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ExportHistoryPage = z.infer<typeof exportHistoryPage>;
