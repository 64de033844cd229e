import { z } from 'zod';
import { calendarDate } from './calendar-date';

/**
 * The review audit trail and the compliance reports built on it (US9.3.2, US9.3.3), and the
 * retention run (US9.3.1). Review events come from review_logs, which are never pruned.
 */

/** `judge`: the LLM judge scored the conversation on someone's request (POST /api/conversations/:id/judge); the status does not change. */
export const REVIEW_EVENT_ACTIONS = ['approve', 'reject', 'undo', 'edit', 'judge'] as const;
export type ReviewEventAction = (typeof REVIEW_EVENT_ACTIONS)[number];

const isoDateTime = (example: string) => z.iso.datetime({ offset: true, message: `must be an ISO date-time such as ${example}` });

/** `from` after `to` names an empty range, which is always a mistake in the request. */
const orderedRange = <T extends { from?: string; to?: string }>(q: T) => !q.from || !q.to || new Date(q.from).getTime() <= new Date(q.to).getTime();
const rangeMessage = { message: "must not be before 'from'", path: ['to'] };

const auditReviewFilters = z
  .object({
    /** One or more conversations, comma-separated: human ids (conv-00042) or row ids. */
    conversationId: z
      .string()
      .max(10_000)
      .transform((s) => [...new Set(s.split(',').map((v) => v.trim()).filter(Boolean))])
      .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be conversation ids such as conv-00042, comma-separated')).min(1).max(500))
      .optional(),
    reviewerId: z.string().trim().min(1).max(64).optional(),
    action: z.enum(REVIEW_EVENT_ACTIONS).optional(),
    from: isoDateTime('2026-01-31T00:00:00Z').optional(),
    to: isoDateTime('2026-01-31T23:59:59Z').optional(),
  })
  .strict();

export const auditReviewQuery = auditReviewFilters
  .extend({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine(orderedRange, rangeMessage);
export type AuditReviewQuery = z.infer<typeof auditReviewQuery>;

export const auditReviewCsvQuery = auditReviewFilters.refine(orderedRange, rangeMessage);
export type AuditReviewFilters = z.infer<typeof auditReviewCsvQuery>;

/**
 * The audit page's URL state (`/audit?action=undo&from=2026-05-01`): the review log's filters and
 * page, with the range as local calendar days (shared with the activity report).
 */
export const auditSearch = z.object({
  conversationId: auditReviewFilters.shape.conversationId,
  reviewerId: auditReviewFilters.shape.reviewerId,
  action: auditReviewFilters.shape.action,
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  page: auditReviewQuery.shape.page,
});

export const auditUser = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const reviewEvent = z.object({
  id: z.string(),
  /** The conversation's row id and its human id. */
  conversationId: z.string(),
  conversationLabel: z.string(),
  action: z.enum(REVIEW_EVENT_ACTIONS),
  fromStatus: z.string(),
  toStatus: z.string(),
  /** Null when the reviewer's account was deleted since. */
  reviewer: auditUser.nullable(),
  notes: z.string().nullable(),
  /** Shared by every event of one bulk action and of its undo; null for a single review. */
  actionId: z.string().nullable(),
  /**
   * A `judge` event's score (0–10), what its provider call cost and the model that judged; null
   * for the others. A call that failed but was billed (an answer that was not a rubric) is audited
   * too, with a null score and the reason.
   */
  judge: z.object({ score: z.number().nullable(), costUsd: z.number(), model: z.string(), error: z.string().optional() }).nullable(),
  createdAt: z.string(),
});
export type ReviewEvent = z.infer<typeof reviewEvent>;

export const reviewEventPage = z.object({ items: z.array(reviewEvent), total: z.number(), page: z.number(), pageSize: z.number() });
export type ReviewEventPage = z.infer<typeof reviewEventPage>;

/** One provider call for the conversation, from the generation log (kept for retention.logsDays). */
export const generationEvent = z.object({
  id: z.string(),
  createdAt: z.string(),
  status: z.enum(['success', 'error']),
  errorKind: z.string().nullable(),
  runId: z.string().nullable(),
  model: z.string(),
  attempt: z.number(),
  /** Who started the run (or made the call). */
  startedBy: auditUser.nullable(),
});
export type GenerationEvent = z.infer<typeof generationEvent>;

export const MAX_TRAIL_GENERATIONS = 50;

export const conversationAudit = z.object({
  conversation: z.object({ id: z.string(), conversationId: z.string(), status: z.string() }),
  /** Every review event, newest first. */
  reviews: z.array(reviewEvent),
  /** The newest provider calls (at most MAX_TRAIL_GENERATIONS), newest first. */
  generations: z.array(generationEvent),
  generationCount: z.number(),
});
export type ConversationAudit = z.infer<typeof conversationAudit>;

export const activityQuery = z
  .object({
    from: isoDateTime('2026-01-01T00:00:00Z').optional(),
    to: isoDateTime('2026-01-31T23:59:59Z').optional(),
  })
  .strict()
  .refine(orderedRange, rangeMessage);
export type ActivityQuery = z.infer<typeof activityQuery>;

export const userActivity = z.object({
  /** Null for events of users deleted since: they are counted together. */
  userId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.string().nullable(),
  approvals: z.number(),
  rejections: z.number(),
  undos: z.number(),
  /** Distinct conversations this user approved or rejected in the range. */
  conversationsReviewed: z.number(),
  firstActivityAt: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
});
export type UserActivity = z.infer<typeof userActivity>;

export const activityReport = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Everyone with review activity in the range, then everyone who may review but did not. */
  users: z.array(userActivity),
  totals: z.object({ approvals: z.number(), rejections: z.number(), undos: z.number(), conversationsReviewed: z.number(), activeReviewers: z.number() }),
});
export type ActivityReport = z.infer<typeof activityReport>;

export const MAX_LISTED_VIOLATIONS = 100;

const exportRow = z.object({
  id: z.string(),
  exportId: z.string(),
  exportedAt: z.string(),
  format: z.string(),
  fileName: z.string(),
  conversationCount: z.number(),
  user: auditUser.nullable(),
});

export const complianceReport = z.object({
  generatedAt: z.string(),
  reviewCoverage: z.object({
    ok: z.boolean(),
    summary: z.string(),
    hint: z.string(),
    byStatus: z.record(z.string(), z.number()),
    /** Generated (not seed) conversations: the ones that need a review. */
    withText: z.number(),
    /** Approved or rejected, with an approve/reject event to show for it. */
    reviewed: z.number(),
    /** Status generated: waiting for a review. */
    awaitingReview: z.number(),
    /** Awaiting review with no review event at all (the rest of awaitingReview were reviewed, then undone or regenerated). */
    neverReviewed: z.number(),
    /** Approved or rejected with no approve/reject event: set outside convgen's review flow. */
    withoutTrail: z.number(),
    /** The oldest unreviewed ones (at most MAX_LISTED_VIOLATIONS). */
    unreviewed: z.array(z.object({ id: z.string(), conversationId: z.string(), status: z.string(), generatedAt: z.string().nullable(), reason: z.enum(['never_reviewed', 'needs_review_again', 'no_review_record']) })),
    /** Exports whose log says they contained unreviewed conversations. */
    unreviewedExports: z.array(exportRow.extend({ unreviewedCount: z.number(), approvedOnly: z.boolean().nullable() })),
    unreviewedExportCount: z.number(),
  }),
  exportAttribution: z.object({
    ok: z.boolean(),
    summary: z.string(),
    hint: z.string(),
    totalExports: z.number(),
    unattributed: z.array(exportRow),
    unattributedCount: z.number(),
  }),
});
export type ComplianceReport = z.infer<typeof complianceReport>;

export const retentionResult = z.object({
  startedAt: z.string(),
  durationMs: z.number(),
  logsDays: z.number(),
  exportsDays: z.number(),
  generationLogsDeleted: z.number(),
  exportLogsDeleted: z.number(),
  payloadsCompressed: z.number(),
  /** Size of the compressed payloads' JSON before and after gzip. */
  bytesBefore: z.number(),
  bytesAfter: z.number(),
});
export type RetentionResult = z.infer<typeof retentionResult>;
