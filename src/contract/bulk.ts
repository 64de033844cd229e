import { z } from 'zod';
import { BULK_KINDS, BULK_REFUSAL_REASONS, BULK_SKIP_REASONS } from '../core/bulk-outcome';
import { CONVERSATION_STATUSES } from '../core/statuses';
import { MAX_SELECTED_IDS, exactlyOneOf, selectorFilter } from './runs';

export { BULK_KINDS, BULK_REFUSAL_REASONS, BULK_SKIP_REASONS, type BulkKind, type BulkRefusalReason, type BulkSkipReason } from '../core/bulk-outcome';

/** How many skips or failures a bulk answer lists one by one; `skippedCount` and `failedCount` always have the full number. */
export const MAX_LISTED_FAILURES = 1_000;

/** One count per key, every key present (zero when none). */
const countsOf = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<K, z.ZodNumber>);
export const skipCounts = countsOf(BULK_SKIP_REASONS);
export const statusCounts = countsOf(CONVERSATION_STATUSES);

/** Anything else (spaces, quotes, control characters) cannot name a conversation, so it is refused up front. */
const conversationRef = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be a conversation id such as conv-00017, or its UUID');

const BULK_SELECTION_KEYS = ['conversationIds', 'filter', 'all'] as const;

/**
 * The conversations a bulk action covers: exactly one of the ids ticked in the table, the
 * table's filter (every page of it), or all. A subset of a run's selector, so it reads the same.
 */
export const bulkSelection = z
  .object({
    conversationIds: z
      .array(conversationRef)
      .min(1, 'must name at least one conversation')
      .max(MAX_SELECTED_IDS, `must name at most ${MAX_SELECTED_IDS.toLocaleString('en')} conversations: select more with a filter or all`)
      .optional(),
    filter: selectorFilter.optional(),
    all: z.literal(true, { error: 'must be true when given' }).optional(),
  })
  .strict()
  .superRefine(exactlyOneOf(BULK_SELECTION_KEYS));
export type BulkSelection = z.infer<typeof bulkSelection>;

export const bulkReviewRequest = z
  .object({
    selection: bulkSelection,
    action: z.enum(['approve', 'reject']),
    notes: z.string().trim().max(500, 'must be at most 500 characters: shorten the notes').optional(),
  })
  .strict();
export type BulkReviewRequest = z.infer<typeof bulkReviewRequest>;

export const bulkDeleteRequest = z
  .object({
    selection: bulkSelection,
    // Deleting cannot be undone, so the client must say so explicitly rather than by default.
    confirm: z.literal(true, { error: 'must be true: confirm that the selected conversations should be deleted for good' }),
  })
  .strict();
export type BulkDeleteRequest = z.infer<typeof bulkDeleteRequest>;

export const bulkUndoRequest = z.object({ actionId: z.string().min(1).max(100) }).strict();
export type BulkUndoRequest = z.infer<typeof bulkUndoRequest>;

/**
 * The confirmation dialog's question, asked before a bulk action: what would it do to this
 * selection now? Counted in one grouped query, so a filter naming 90,000 rows answers as fast.
 */
export const bulkPreviewRequest = z.object({ selection: bulkSelection, action: z.enum(BULK_KINDS) }).strict();
export type BulkPreviewRequest = z.infer<typeof bulkPreviewRequest>;

export const bulkPreview = z.object({
  action: z.enum(BULK_KINDS),
  /** Conversations the selection names now. */
  selected: z.number().int(),
  /** Ids sent that name no conversation (deleted meanwhile, or mistyped): the action would report each as failed. */
  notFound: z.number().int(),
  /** How many the action would change… */
  willChange: z.number().int(),
  /** …by their status now: an approval changes generated ones, and flips rejected ones to approved. */
  changeFrom: statusCounts,
  /** How many it would leave as they are… */
  skipped: z.number().int(),
  /** …and why. */
  skippedByReason: skipCounts,
  /** Edge cases an approval would refuse (they are reviewed one at a time): the action reports each as failed, with the reason. */
  refusedEdgeCases: z.number().int(),
});
export type BulkPreview = z.infer<typeof bulkPreview>;

/** A conversation the action left as it was, and why: not an error. */
export const bulkSkip = z.object({
  id: z.string(),
  conversationId: z.string(),
  reason: z.enum(BULK_SKIP_REASONS),
  message: z.string(),
});
export type BulkSkip = z.infer<typeof bulkSkip>;

/** A conversation the action could not act on: it names no conversation, or was deleted while the action ran. */
export const bulkFailure = z.object({
  /** The conversation's UUID; for an id that names no conversation, the id as it was sent. */
  id: z.string(),
  /** The human id (conv-00017); for an id that names no conversation, the id as it was sent. */
  conversationId: z.string(),
  /** Set when the workspace's rules refused it: `edge_case` (edge cases are approved one at a time). */
  reason: z.enum(BULK_REFUSAL_REASONS).optional(),
  message: z.string(),
});
export type BulkFailure = z.infer<typeof bulkFailure>;

export const bulkResult = z.object({
  /** Pass to the undo route within 10 minutes; null while nothing has changed, and for a delete (it cannot be undone). */
  actionId: z.string().nullable(),
  requested: z.number(),
  succeeded: z.number(),
  /** Left as they were, with the reason (already approved, not generated yet…). At most MAX_LISTED_FAILURES, ordered by conversation id. */
  skipped: z.array(bulkSkip),
  skippedCount: z.number(),
  /** Every skip, counted by reason. */
  skippedByReason: skipCounts,
  /** At most MAX_LISTED_FAILURES, ordered by conversation id. */
  failed: z.array(bulkFailure),
  failedCount: z.number(),
});
export type BulkResult = z.infer<typeof bulkResult>;

/** running → done, or cancelled (stopped on request after a batch), or failed (an error stopped it after a batch). */
export const BULK_ACTION_STATES = ['running', 'done', 'cancelled', 'failed'] as const;
export type BulkActionState = (typeof BULK_ACTION_STATES)[number];

/**
 * A bulk review or delete and how far it got. It works through the selection in batches (1,000
 * conversations by default), each committed with its audit rows, so other requests are served
 * between batches and what was done is exactly what undo reverts. `succeeded`, the skips, the
 * failures and `actionId` read like the final result at every moment.
 */
export const bulkAction = bulkResult.extend({
  /** Poll `GET /api/conversations/bulk/actions/:id` while `state` is running. */
  id: z.string(),
  kind: z.enum(BULK_KINDS),
  state: z.enum(BULK_ACTION_STATES),
  /** Of `requested`, how many have been looked at so far. */
  processed: z.number(),
  /** Someone asked it to stop: it stops after the batch in progress. */
  stopRequested: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Why a failed action stopped. */
  error: z.object({ code: z.string(), message: z.string(), hint: z.string() }).nullable(),
});
export type BulkAction = z.infer<typeof bulkAction>;

export const bulkActionParams = z.object({ id: z.string().min(1).max(100) });

export const bulkUndoResult = z.object({
  restored: z.number(),
  /** At most MAX_LISTED_FAILURES, ordered by conversation id. */
  skipped: z.array(z.object({ conversationId: z.string(), message: z.string() })),
  skippedCount: z.number(),
});
export type BulkUndoResult = z.infer<typeof bulkUndoResult>;
