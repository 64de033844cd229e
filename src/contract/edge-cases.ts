import { z } from 'zod';
import { EDGE_CASE_CATEGORIES } from '../core/edge-case-categories';
import { EDGE_CASE_SUGGESTION_STATUSES } from '../core/edge-case-suggestions';
import { catalogKey } from './dimension-catalog';

export const edgeCaseCategory = z.enum(EDGE_CASE_CATEGORIES, { error: `must be one of ${EDGE_CASE_CATEGORIES.join(', ')}` });

/** How much an edge case has been used: conversations planned from it, generated, approved, and generated but under the edge-case bar. */
export const edgeCaseUsage = z.object({ conversations: z.number(), generated: z.number(), approved: z.number(), belowBar: z.number() });
export type EdgeCaseUsage = z.infer<typeof edgeCaseUsage>;

export const edgeCaseItem = z.object({
  id: z.string(),
  key: z.string().nullable(),
  title: z.string(),
  /** One of EDGE_CASE_CATEGORIES; read as text so a row written by an older version still lists. */
  category: z.string(),
  description: z.string(),
  adversarialPrompt: z.string(),
  expectedBehavior: z.string(),
  persona: z.string().nullable(),
  emotion: z.string().nullable(),
  topic: z.string().nullable(),
  archived: z.boolean(),
  /** `default` (built in), `manual` (the team's own), `suggested` or `demo`. */
  origin: z.string(),
  usage: edgeCaseUsage,
});
export type EdgeCaseItem = z.infer<typeof edgeCaseItem>;
export const edgeCaseList = z.object({ items: z.array(edgeCaseItem) });
export type EdgeCaseList = z.infer<typeof edgeCaseList>;

export const edgeCaseListQuery = z
  .object({
    q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    category: edgeCaseCategory.optional(),
    archived: z.enum(['true', 'false', 'all'], { error: 'must be true, false or all' }).optional(),
  })
  .strict();
export type EdgeCaseListQuery = z.infer<typeof edgeCaseListQuery>;

export const edgeCaseParams = z.object({ id: z.uuid('must be an edge case id') });

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const dimension = catalogKey.nullable();

/** A team's own edge case (US8.3.2 "custom edge case definition: specify conditions to test"). */
export const createEdgeCase = z
  .object({
    title: text(120),
    category: edgeCaseCategory,
    /** The conditions to test: what the user is like and what they push for. */
    description: text(2000),
    /** What the user says to push the boundary: the prompt sends it into the conversation. */
    adversarialPrompt: text(2000),
    expectedBehavior: text(2000),
    persona: dimension.optional(),
    emotion: dimension.optional(),
    topic: dimension.optional(),
  })
  .strict();
export type CreateEdgeCase = z.infer<typeof createEdgeCase>;

export const updateEdgeCase = createEdgeCase
  .partial()
  .extend({ archived: z.boolean().optional() })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'must change at least one field' });
export type UpdateEdgeCase = z.infer<typeof updateEdgeCase>;

export const deletedEdgeCase = z.object({ deleted: z.string() });

export const edgeCaseSuggestion = z.object({
  key: z.string(),
  category: edgeCaseCategory,
  persona: z.string(),
  personaLabel: z.string(),
  emotion: z.string(),
  emotionLabel: z.string(),
  title: z.string(),
  reason: z.string(),
  status: z.enum(EDGE_CASE_SUGGESTION_STATUSES),
});
export type EdgeCaseSuggestion = z.infer<typeof edgeCaseSuggestion>;
export const edgeCaseSuggestionList = z.object({ items: z.array(edgeCaseSuggestion) });
export type EdgeCaseSuggestionList = z.infer<typeof edgeCaseSuggestionList>;

export const suggestionParams = z.object({ key: z.string().min(1).max(200) });

export const planSuggestionsRequest = z
  .object({ keys: z.array(z.string().min(1).max(200)).min(1, 'must name at least one suggestion').max(500, 'must name at most 500 suggestions') })
  .strict();
export type PlanSuggestionsRequest = z.infer<typeof planSuggestionsRequest>;
export const planSuggestionsResult = z.object({
  /** The new conversation slots, ready for a run (`POST /api/runs` with `{ conversationIds }`). */
  conversationIds: z.array(z.string()),
  items: z.array(z.object({ key: z.string(), id: z.string(), conversationId: z.string(), edgeCaseTitle: z.string() })),
});
export type PlanSuggestionsResult = z.infer<typeof planSuggestionsResult>;

const coverageCounts = { definitions: z.number(), conversations: z.number(), generated: z.number(), approved: z.number(), belowBar: z.number() };
export const edgeCaseCoverage = z.object({
  edgeCaseMinScore: z.number(),
  categories: z.array(z.object({ category: edgeCaseCategory, label: z.string(), ...coverageCounts })),
  /** Edge-case conversations per persona and category. */
  personas: z.array(z.object({ persona: z.string(), label: z.string(), counts: z.record(z.string(), z.number()), total: z.number() })),
  totals: z.object(coverageCounts),
});
export type EdgeCaseCoverage = z.infer<typeof edgeCaseCoverage>;
