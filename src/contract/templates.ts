import { z } from 'zod';
import { TIERS } from '../core/tiers';

/** Prompt templates (US7.1.1, US7.2.1, US7.2.2): list, editor, versions, activation and tests. */

const valueKey = z.string().regex(/^[a-z0-9_]{1,64}$/, 'must be a catalog key such as anxious_investor');
const body = z.string().trim().min(1, 'must not be empty').max(50_000, 'must be at most 50,000 characters');
const notes = z.string().trim().max(500, 'must be at most 500 characters');
const name = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');

export const templateIdParams = z.object({ id: z.string().uuid('must be a template id') });
export const templateTestParams = z.object({ id: z.string().uuid('must be a template id'), testId: z.string().uuid('must be a test id') });

export const templateUsageFigures = z.object({
  generated: z.number(),
  averageQuality: z.number().nullable(),
  approvalRate: z.number().nullable(),
});
export type TemplateUsageFigures = z.infer<typeof templateUsageFigures>;

export const templateListQuery = z.object({
  tier: z.enum(TIERS).optional(),
  q: z.string().trim().max(200).optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type TemplateListQuery = z.input<typeof templateListQuery>;

export const templateSummary = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  tier: z.enum(TIERS),
  arcKey: z.string().nullable(),
  active: z.boolean(),
  /** The version generation uses. */
  currentVersion: z.number(),
  latestVersion: z.number(),
  /** A saved version newer than the active one, not yet activated. */
  hasDraft: z.boolean(),
  applicablePersonas: z.array(z.string()),
  applicableEmotions: z.array(z.string()),
  updatedAt: z.string(),
  usage: templateUsageFigures,
});
export type TemplateSummary = z.infer<typeof templateSummary>;
export const templateList = z.object({ items: z.array(templateSummary) });
export type TemplateList = z.infer<typeof templateList>;

const author = z.object({ id: z.string(), name: z.string() }).nullable();

export const templateVersionEntry = z.object({
  version: z.number(),
  body: z.string(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  createdBy: author,
  active: z.boolean(),
  /** Whether a "Test template" of this version succeeded. */
  tested: z.boolean(),
  usage: templateUsageFigures,
});
export type TemplateVersionEntry = z.infer<typeof templateVersionEntry>;
export const templateVersionList = z.object({ items: z.array(templateVersionEntry) });
export type TemplateVersionList = z.infer<typeof templateVersionList>;

export const templateDetail = templateSummary.extend({
  /** The active version's body. */
  body: z.string(),
  /** The newest version when it is a draft (newer than the active one), else null. */
  draft: z.object({ version: z.number(), body: z.string(), notes: z.string().nullable(), createdAt: z.string(), createdBy: author }).nullable(),
  /** Conversations that point at this template (any status): a template in use cannot be deleted. */
  conversationCount: z.number(),
});
export type TemplateDetail = z.infer<typeof templateDetail>;

export const createTemplateBody = z
  .object({
    name,
    description: z.string().trim().max(1000).optional(),
    tier: z.enum(TIERS),
    arcKey: valueKey.nullable().optional(),
    body,
    notes: notes.optional(),
    applicablePersonas: z.array(valueKey).max(200).optional(),
    applicableEmotions: z.array(valueKey).max(200).optional(),
  })
  .strict();
export type CreateTemplateBody = z.infer<typeof createTemplateBody>;

export const updateTemplateBody = z
  .object({
    body: body.optional(),
    notes: notes.optional(),
    name: name.optional(),
    description: z.string().trim().max(1000).optional(),
    tier: z.enum(TIERS).optional(),
    arcKey: valueKey.nullable().optional(),
    applicablePersonas: z.array(valueKey).max(200).optional(),
    applicableEmotions: z.array(valueKey).max(200).optional(),
  })
  .strict()
  .refine((p) => Object.entries(p).some(([k, v]) => k !== 'notes' && v !== undefined), { message: 'must change at least one of body, name, description, tier, arcKey, applicablePersonas, applicableEmotions' });
export type UpdateTemplateBody = z.infer<typeof updateTemplateBody>;

/** What a PATCH did: the template now, and the version a body change saved (null when none). */
export const updateTemplateResult = z.object({ template: templateDetail, savedVersion: z.number().nullable() });
export type UpdateTemplateResult = z.infer<typeof updateTemplateResult>;

export const activateTemplateBody = z.object({ version: z.number().int().min(1, 'must be a version number from 1') }).strict();
export type ActivateTemplateBody = z.infer<typeof activateTemplateBody>;

export const deletedTemplate = z.object({ deleted: z.string() });

/** The dimension values (and sources) a test or preview is filled from; anything left out is picked from the catalog. */
export const sampleSlotInput = z
  .object({
    persona: valueKey.optional(),
    emotion: valueKey.optional(),
    topic: valueKey.optional(),
    intent: valueKey.optional(),
    tone: valueKey.optional(),
    /** The sources of a sample shown before (so a test sends what was previewed); picked at random when left out. */
    arcKey: valueKey.optional(),
    scenarioId: z.string().uuid().optional(),
    edgeCaseId: z.string().uuid().optional(),
    chunkId: z.string().uuid().optional(),
    /** Take every value (and the source chunk) from this conversation instead: a row id or conv-00042. */
    conversationId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type SampleSlotInput = z.infer<typeof sampleSlotInput>;

/** The sample a prompt was filled from, with labels for people. */
export const sampleSlot = z.object({
  persona: z.string(),
  emotion: z.string(),
  topic: z.string(),
  intent: z.string(),
  tone: z.string(),
  tier: z.enum(TIERS),
  arcKey: z.string().nullable(),
  scenarioId: z.string().nullable(),
  edgeCaseId: z.string().nullable(),
  chunkId: z.string().nullable(),
  /** The conversation it was taken from, when it was. */
  conversationId: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
});
export type SampleSlot = z.infer<typeof sampleSlot>;

export const previewTemplateBody = z
  .object({
    body: z.string().max(50_000),
    tier: z.enum(TIERS).optional(),
    arcKey: valueKey.nullable().optional(),
    slot: sampleSlotInput.optional(),
  })
  .strict();
export type PreviewTemplateBody = z.infer<typeof previewTemplateBody>;

export const templatePreview = z.object({
  /** The body rendered with the sample's parameters; empty while a required parameter is missing. */
  prompt: z.string(),
  /** Required parameters the sample has no value for. */
  missing: z.array(z.string()),
  /** Placeholders no slot can fill. */
  unknown: z.array(z.string()),
  parameters: z.record(z.string(), z.string().nullable()),
  slot: sampleSlot,
});
export type TemplatePreview = z.infer<typeof templatePreview>;

export const testTemplateBody = z
  .object({
    /** The version to test; the newest (the draft, if any) by default. */
    version: z.number().int().min(1).optional(),
    slot: sampleSlotInput.optional(),
  })
  .strict();
export type TestTemplateBody = z.infer<typeof testTemplateBody>;

export const qualityBreakdown = z.object({
  score: z.number(),
  level: z.enum(['high', 'medium', 'low']),
  flaggedForReview: z.boolean(),
  breakdown: z.record(z.string(), z.object({ label: z.string(), value: z.string(), target: z.string(), score: z.number(), explanation: z.string() })),
  recommendation: z.string(),
});

export const templateTestResult = z.object({
  id: z.string(),
  templateId: z.string(),
  version: z.number(),
  status: z.enum(['succeeded', 'failed']),
  slot: sampleSlot,
  prompt: z.string(),
  conversation: z.object({ title: z.string(), turns: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })) }),
  qualityScore: z.number().nullable(),
  qualityBreakdown: qualityBreakdown.nullable(),
  /** The active version's average quality so far (null before it has made any conversation). */
  baselineQuality: z.number().nullable(),
  baselineVersion: z.number(),
  baselineCount: z.number(),
  provider: z.string(),
  model: z.string(),
  durationMs: z.number().nullable(),
  costUsd: z.number().nullable(),
  errorMessage: z.string().nullable(),
  keptConversationId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: author,
});
export type TemplateTestResult = z.infer<typeof templateTestResult>;
export const templateTestList = z.object({ items: z.array(templateTestResult) });
export type TemplateTestList = z.infer<typeof templateTestList>;

export const keptTest = z.object({ conversationId: z.string(), id: z.string() });
export type KeptTest = z.infer<typeof keptTest>;

/** The Templates page's URL state: the template open in the editor, and the versions compared. */
export const templatesSearch = z.object({
  id: z.string().uuid().optional(),
  version: z.coerce.number().int().min(1).optional(),
  compare: z.coerce.number().int().min(1).optional(),
  tier: z.enum(TIERS).optional(),
  status: z.enum(['active', 'inactive']).optional(),
  q: z.string().max(200).optional(),
});
export type TemplatesSearch = z.infer<typeof templatesSearch>;
