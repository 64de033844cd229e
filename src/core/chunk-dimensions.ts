import { z } from 'zod';

export const EXPERTISE_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export const EMOTIONAL_VALENCES = ['negative', 'neutral', 'positive'] as const;
export const AUDIENCE_LEVELS = ['general', 'practitioner', 'expert'] as const;
export type ExpertiseLevel = (typeof EXPERTISE_LEVELS)[number];
export type EmotionalValence = (typeof EMOTIONAL_VALENCES)[number];
export type AudienceLevel = (typeof AUDIENCE_LEVELS)[number];

/** Words users read for each value (the filter menu, the preview, the editor). */
export const EXPERTISE_LABELS: Record<ExpertiseLevel, string> = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' };
export const VALENCE_LABELS: Record<EmotionalValence, string> = { negative: 'Negative', neutral: 'Neutral', positive: 'Positive' };
export const AUDIENCE_LABELS: Record<AudienceLevel, string> = { general: 'General public', practitioner: 'Practitioner', expert: 'Expert' };

const keyTerm = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');

/**
 * What analysing one chunk yields. Providers are asked for exactly this shape (a forced tool or a
 * JSON schema) and their answer is checked against it; a hand edit is checked by its partial.
 */
export const chunkDimensionsSchema = z
  .object({
    summary: z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1,000 characters').describe('One or two sentences saying what the passage teaches.'),
    key_terms: z.array(keyTerm).min(1, 'must name at least one term').max(15, 'must name at most 15 terms').describe('The passage’s most important terms, most important first.'),
    expertise_level: z.enum(EXPERTISE_LEVELS).describe('How much prior knowledge the passage assumes.'),
    emotional_valence: z.enum(EMOTIONAL_VALENCES).describe('The overall emotional tone of the passage.'),
    audience_level: z.enum(AUDIENCE_LEVELS).describe('Who the passage is written for.'),
    confidence: z.number().min(0, 'must be 0 or more').max(10, 'must be 10 or less').describe('How confident the analysis is, 0 (guess) to 10 (certain).'),
  })
  .strict();
export type DerivedDimensions = z.infer<typeof chunkDimensionsSchema>;

/** A hand edit: any of the fields, each checked like a provider's. */
export const chunkDimensionsPatchSchema = chunkDimensionsSchema.partial();
export type DimensionsPatch = z.infer<typeof chunkDimensionsPatchSchema>;

export type DimensionsParse = { ok: true; value: DerivedDimensions } | { ok: false; problem: string };

/** Validates a provider's answer, naming the first problem in words ("expertise_level: …"). */
export function parseChunkDimensions(value: unknown): DimensionsParse {
  const result = chunkDimensionsSchema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, problem: `${issue.path.join('.') || 'output'}: ${issue.message}` };
}

/** Where a chunk's dimensions came from. `manual` is never overwritten by analysis unless asked. */
export const DIMENSION_SOURCES = ['provider', 'offline', 'manual'] as const;
export type DimensionSource = (typeof DIMENSION_SOURCES)[number];

/** The prompt that asks a model for one chunk's dimensions. */
export function dimensionsPrompt(chunk: { heading: string | null; content: string; documentTitle: string; category: string }): string {
  return [
    `Analyse this passage from the document "${chunk.documentTitle}" (category: ${chunk.category}).`,
    chunk.heading ? `Section: ${chunk.heading}` : '',
    '',
    '<passage>',
    chunk.content,
    '</passage>',
    '',
    'Record its summary, key terms, expertise level, emotional valence, audience level and your confidence (0–10) with the record_chunk_dimensions tool.',
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}

export const DIMENSIONS_SYSTEM_PROMPT =
  'You analyse passages of training material so that conversations can be generated from them. Be factual and concise: the summary says what the passage teaches, key terms are words or short phrases taken from it.';

/** A typical analysis answer, for estimates before any has been made. */
export const TYPICAL_DIMENSION_OUTPUT_TOKENS = 200;
/** The most an analysis answer may use: the worst case the budget reserves. */
export const MAX_DIMENSION_OUTPUT_TOKENS = 1024;
