import { sql } from 'drizzle-orm';
import type { BulkFailure, BulkReviewRequest } from '../contract/bulk';
import { approvalBarMessage, belowApprovalBar } from '../core/approval';
import { STATUS_LABELS, conversationLifecycle, type ConversationStatus } from '../core/statuses';
import type { Db } from '../db/client';
import { conversations } from '../db/schema';
import type { BatchWork, BulkActions } from './bulk-actions';
import { inIds, lockBatch, readSelection, unknownIds, vanished, type SelectedConversation } from './bulk-selection';

type ReviewAction = BulkReviewRequest['action'];

const TARGET: Record<ReviewAction, ConversationStatus> = { approve: 'approved', reject: 'rejected' };
const DOING: Record<ReviewAction, string> = { approve: 'approving', reject: 'rejecting' };

/** Why one conversation cannot take this review, and what to do about it, in the words the table uses. */
export function reviewRefusal(conversation: SelectedConversation, action: ReviewAction): string {
  const { conversationId: name, status } = conversation;
  const to = TARGET[action];
  if (status === to) return `${name} is already ${to}: nothing to change.`;
  switch (status) {
    case 'not_generated':
      return `${name} has no text yet: generate it before ${DOING[action]}.`;
    case 'generating':
      return `${name} is being generated: wait for it to finish, then review it.`;
    case 'failed':
      return `${name} failed to generate: regenerate it before ${DOING[action]}.`;
    default:
      return `${name} is ${STATUS_LABELS[status]}, so it cannot become ${STATUS_LABELS[to]}.`;
  }
}

/**
 * One batch of a bulk review (US4.2.2), in the caller's transaction: locks the batch, approves
 * or rejects every conversation that may take the review and reports the others one by one. A
 * handful of statements whatever the batch's size: every row moves with the same values, so
 * one UPDATE does them all. The audit rows commit with the batch, so they always say exactly
 * which conversations this action changed: that is what undo reverts.
 */
export function reviewBatch(reviewerId: string, request: Pick<BulkReviewRequest, 'action' | 'notes'>, minApprovalScore = 0): BatchWork {
  const to = TARGET[request.action];
  const notes = request.notes || null;
  const may = (c: SelectedConversation) => conversationLifecycle.can(request.action, c.status);
  const barred = (c: SelectedConversation) => request.action === 'approve' && may(c) && belowApprovalBar(c.qualityScore, minApprovalScore);
  return async (tx, batch, actionId) => {
    const selected = await lockBatch(tx, batch);
    const movable = selected.filter((c) => may(c) && !barred(c));
    const refused: BulkFailure[] = selected
      .filter((c) => !may(c) || barred(c))
      .map((c) => ({ id: c.id, conversationId: c.conversationId, message: barred(c) ? approvalBarMessage(c.conversationId, c.qualityScore!, minApprovalScore) : reviewRefusal(c, request.action) }));
    const failures = [...vanished(batch, selected), ...refused];
    if (movable.length === 0) return { succeeded: 0, failures };

    const ids = movable.map((c) => c.id);
    // Each batch's own time: a single review that lands between two batches stays "later" than the batch before it.
    const now = new Date().toISOString();
    // The audit rows go first: they copy the review fields the UPDATE below overwrites, so undo can put them back.
    await tx.execute(sql`
      insert into review_logs (conversation_id, action, reviewer_id, reviewer_notes, from_status, to_status, action_id, previous_review, created_at)
      select c.id, ${request.action}, ${reviewerId}, ${notes}::text, c.status, ${to}, ${actionId},
             jsonb_build_object('reviewedAt', c.reviewed_at, 'reviewedBy', c.reviewed_by, 'reviewNotes', c.review_notes), ${now}::timestamptz
      from conversations c where ${inIds(sql`c.id`, ids)}`);
    await tx
      .update(conversations)
      .set({ status: to, reviewedAt: sql`${now}::timestamptz`, reviewedBy: reviewerId, reviewNotes: notes, updatedAt: sql`${now}::timestamptz` })
      .where(inIds(conversations.id, ids));
    return { succeeded: movable.length, failures };
  };
}

/** The tables a bulk review writes. */
export const REVIEW_TABLES = ['conversations', 'review_logs'] as const;

/**
 * Starts a bulk review of the selection as it is now (refused with a 409 when a running bulk
 * action covers any of it) and answers the action as it is at once.
 */
export async function startBulkReview(db: Db, actions: BulkActions, reviewerId: string, request: BulkReviewRequest, minApprovalScore = 0) {
  const refs = await readSelection(db, request.selection);
  return actions.start({
    kind: request.action,
    refs,
    unknown: unknownIds(request.selection, refs),
    work: reviewBatch(reviewerId, request, minApprovalScore),
    tables: REVIEW_TABLES,
  });
}
