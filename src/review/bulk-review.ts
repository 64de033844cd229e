import { sql } from 'drizzle-orm';
import type { BulkFailure, BulkReviewRequest, BulkSkip } from '../contract/bulk';
import { approvalBarMessage, belowApprovalBar } from '../core/approval';
import { REVIEW_TARGET, SEED_LOCK_REASON, bulkOutcome, bulkRefusal, edgeCaseRefusalMessage, type BulkSkipReason, type ReviewAction } from '../core/bulk-outcome';
import type { Db } from '../db/client';
import { conversations } from '../db/schema';
import type { BatchWork, BulkActions } from './bulk-actions';
import { inIds, lockBatch, readSelection, unknownIds, vanished, type SelectedConversation } from './bulk-selection';

const DOING: Record<ReviewAction, string> = { approve: 'approving', reject: 'rejecting' };

/** Why one conversation is skipped by this review, and what to do about it, in the words the table uses. */
export function skipMessage(conversation: SelectedConversation, action: ReviewAction, reason: BulkSkipReason, minApprovalScore: number): string {
  const name = conversation.conversationId;
  switch (reason) {
    case 'already_in_state':
      return `${name} is already ${REVIEW_TARGET[action]}: nothing to change.`;
    case 'not_generated':
      return `${name} has no text yet: generate it before ${DOING[action]}.`;
    case 'generating':
      return `${name} is being generated: wait for it to finish, then review it.`;
    case 'generation_failed':
      return `${name} failed to generate: regenerate it before ${DOING[action]}.`;
    case 'below_quality_bar':
      return approvalBarMessage(name, conversation.qualityScore!, minApprovalScore);
    case 'queued_in_run':
      return `${name} is queued in a run: wait for it to finish, then review it.`;
    case 'seed':
      return `${SEED_LOCK_REASON} (${name} was written by hand and is never ${REVIEW_TARGET[action]} in bulk).`;
  }
}

/**
 * One batch of a bulk review (US4.2.2), in the caller's transaction: locks the batch, approves
 * or rejects every conversation that may take the review and lists the others as skipped, each
 * with its reason. A handful of statements whatever the batch's size: every row moves with the
 * same values, so one UPDATE does them all. The audit rows commit with the batch, so they
 * always say exactly which conversations this action changed: that is what undo reverts.
 */
export function reviewBatch(reviewerId: string, request: Pick<BulkReviewRequest, 'action' | 'notes'>, minApprovalScore = 0): BatchWork {
  const to = REVIEW_TARGET[request.action];
  const notes = request.notes || null;
  const candidate = (c: SelectedConversation) => ({ status: c.status, belowBar: belowApprovalBar(c.qualityScore, minApprovalScore), queued: false, seed: c.isSeed, edgeCase: c.tier === 'edge_case' });
  return async (tx, batch, actionId) => {
    const selected = await lockBatch(tx, batch);
    const movable: SelectedConversation[] = [];
    const skips: BulkSkip[] = [];
    const refused: BulkFailure[] = [];
    for (const c of selected) {
      const refusal = bulkRefusal(request.action, candidate(c));
      if (refusal) {
        refused.push({ id: c.id, conversationId: c.conversationId, reason: refusal, message: edgeCaseRefusalMessage(c.conversationId) });
        continue;
      }
      const reason = bulkOutcome(request.action, candidate(c));
      if (reason) skips.push({ id: c.id, conversationId: c.conversationId, reason, message: skipMessage(c, request.action, reason, minApprovalScore) });
      else movable.push(c);
    }
    const failures = [...vanished(batch, selected), ...refused];
    if (movable.length === 0) return { succeeded: 0, skips, failures };

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
    return { succeeded: movable.length, skips, failures };
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
