import { z } from 'zod';

const diversityStats = z.object({
  conversations: z.number().describe('Conversations measured (the sample)'),
  words: z.number(),
  vocabulary: z.number().describe('Distinct words'),
  typeTokenRatio: z.number().describe('Distinct words / words'),
  distinct1: z.number().describe('Unique unigrams / all unigrams'),
  distinct2: z.number().describe('Unique bigrams / all bigrams'),
  averageWords: z.number().describe('Words per conversation'),
});

const diversityGroup = diversityStats.extend({ key: z.string(), label: z.string(), total: z.number().describe('Conversations with text in the group (the sample is drawn from them)') });

/** `GET /api/diversity`: lexical diversity overall, per tier and per persona. */
export const diversityResponse = z.object({
  /** At most this many conversations per group are read (a fixed pseudo-random sample), so distinct-n, which falls as text grows, compares groups fairly. */
  samplePerGroup: z.number(),
  overall: diversityStats.extend({ total: z.number() }),
  byTier: z.array(diversityGroup),
  byPersona: z.array(diversityGroup),
});
export type DiversityResponse = z.infer<typeof diversityResponse>;

const pairSide = z.object({ id: z.string(), conversationId: z.string(), title: z.string() });

/** `GET /api/duplicates`: how many conversations are near-duplicates, and the closest pairs. */
export const duplicatesResponse = z.object({
  count: z.number(),
  threshold: z.number(),
  /** Conversations with text that have no signature yet (the startup check is still going). */
  unchecked: z.number(),
  pairs: z.array(pairSide.extend({ of: pairSide, similarity: z.number() })),
});
export type DuplicatesResponse = z.infer<typeof duplicatesResponse>;

export const duplicatesQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) }).strict();

/** `GET /api/quality/judge-agreement`. */
export const judgeAgreementResponse = z.object({
  enabled: z.boolean(),
  judged: z.number().describe('Conversations with a judge score'),
  compared: z.number().describe('Reviewed (approved or rejected) conversations with a judge score'),
  agreeing: z.number(),
  rate: z.number().nullable().describe('agreeing / compared; null with nothing to compare'),
  threshold: z.number().describe('The workspace minimum approval score: judge ≥ it counts as a pass'),
  approvedPassed: z.number(),
  approvedFailed: z.number(),
  rejectedPassed: z.number(),
  rejectedFailed: z.number(),
});
export type JudgeAgreementResponse = z.infer<typeof judgeAgreementResponse>;

export const judgeResponse = z.object({
  score: z.number(),
  rationale: z.string(),
  criteria: z.array(z.object({ key: z.string(), label: z.string(), score: z.number(), comment: z.string() })),
  model: z.string(),
  costUsd: z.number(),
});
export type JudgeResponse = z.infer<typeof judgeResponse>;
