import { z } from 'zod';
import { MAX_SELECTED_IDS, exactlyOneOf, selectorFilter } from './runs';

/** How many failures a bulk answer lists one by one; `failedCount` always has the full number. */
export const MAX_LISTED_FAILURES = 1_000;

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

export const bulkFailure = z.object({
  /** The conversation's UUID; for an id that names no conversation, the id as it was sent. */
  id: z.string(),
  /** The human id (conv-00017); for an id that names no conversation, the id as it was sent. */
  conversationId: z.string(),
  message: z.string(),
});
export type BulkFailure = z.infer<typeof bulkFailure>;

export const bulkResult = z.object({
  /** Pass to the undo route within 10 minutes; null while nothing has changed, and for a delete (it cannot be undone). */
  actionId: z.string().nullable(),
  requested: z.number(),
  succeeded: z.number(),
  /** At most MAX_LISTED_FAILURES, ordered by conversation id. */
  failed: z.array(bulkFailure),
  failedCount: z.number(),
});
export type BulkResult = z.infer<typeof bulkResult>;

export const BULK_KINDS = ['approve', 'reject', 'delete'] as const;
export type BulkKind = (typeof BULK_KINDS)[number];

/** running → done, or cancelled (stopped on request after a batch), or failed (an error stopped it after a batch). */
export const BULK_ACTION_STATES = ['running', 'done', 'cancelled', 'failed'] as const;
export type BulkActionState = (typeof BULK_ACTION_STATES)[number];

/**
 * A bulk review or delete and how far it got. It works through the selection in batches (1,000
 * conversations by default), each committed with its audit rows, so other requests are served
 * between batches and what was done is exactly what undo reverts. `failed`, `failedCount`,
 * `succeeded` and `actionId` read like the final result at every moment.
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
