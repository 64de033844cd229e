import { z } from 'zod';

/** Where the re-scoring of stored conversations stands (POST/GET /api/quality/rescore). */
export const rescoreStatus = z.object({
  running: z.boolean(),
  forced: z.boolean(),
  rescored: z.number(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  /** Stored conversations still scored by an older version of the criteria. */
  outdated: z.number(),
  scoringVersion: z.number(),
});
export type RescoreStatus = z.infer<typeof rescoreStatus>;

export const rescoreRequest = z.object({ force: z.boolean().optional() }).strict();

/** GET /api/quality/distribution: scores against reviewers' decisions, to tune the review threshold. */
export const qualityDistribution = z.object({
  /** Nine 1-point buckets (1–2 … 9–10) with approved, rejected and unreviewed counts. Seeds are left out: nobody reviewed them. */
  buckets: z.array(z.object({ min: z.number(), label: z.string(), approved: z.number(), rejected: z.number(), unreviewed: z.number() })),
  /** Per criterion: the average score of approved and of rejected conversations (null when none). */
  criteria: z.array(
    z.object({ key: z.string(), label: z.string(), approvedAverage: z.number().nullable(), rejectedAverage: z.number().nullable(), approvedCount: z.number(), rejectedCount: z.number() }),
  ),
  /** What "score < threshold" would have flagged, for threshold 2 … 10. */
  thresholds: z.array(z.object({ threshold: z.number(), rejectionsCaught: z.number(), approvalsCaught: z.number() })),
  /** The threshold that separates best, in a sentence; null until there are approvals and rejections. */
  suggestion: z.object({ threshold: z.number(), sentence: z.string() }).nullable(),
  /** The threshold in force today (conversations below it are flagged for review). */
  currentThreshold: z.number(),
  totals: z.object({ scored: z.number(), approved: z.number(), rejected: z.number(), unreviewed: z.number() }),
  /** Stored scores from an older version of the criteria, still being re-scored. */
  outdated: z.number(),
});
export type QualityDistribution = z.infer<typeof qualityDistribution>;
