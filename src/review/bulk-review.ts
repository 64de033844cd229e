import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { BulkFailure, BulkResult, BulkReviewRequest } from '../contract/bulk';
import { approvalBarMessage, belowApprovalBar } from '../core/approval';
import { STATUS_LABELS, canTransition, type ConversationStatus } from '../core/statuses';
import type { Db } from '../db/client';
import { conversations } from '../db/schema';
import { inIds, listFailures, lockSelection, unknownIds, type SelectedConversation } from './bulk-selection';

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
 * Approves or rejects every selected conversation that may take the review (US4.2.2), in one
 * transaction, and reports the others one by one. A handful of statements whatever the size
 * of the selection: every row moves with the same values, so one UPDATE does them all.
 */
export async function bulkReview(db: Db, reviewerId: string, request: BulkReviewRequest, minApprovalScore = 0): Promise<BulkResult> {
  const to = TARGET[request.action];
  const notes = request.notes || null;
  const barred = (c: SelectedConversation) => request.action === 'approve' && canTransition(c.status, to) && belowApprovalBar(c.qualityScore, minApprovalScore);
  return db.transaction(async (tx) => {
    const selected = await lockSelection(tx, request.selection);
    const movable = selected.filter((c) => canTransition(c.status, to) && !barred(c));
    const refused: BulkFailure[] = selected
      .filter((c) => !canTransition(c.status, to) || barred(c))
      .map((c) => ({ id: c.id, conversationId: c.conversationId, message: barred(c) ? approvalBarMessage(c.conversationId, c.qualityScore!, minApprovalScore) : reviewRefusal(c, request.action) }));
    const unknown = unknownIds(request.selection, selected);
    const result = { requested: selected.length + unknown.length, succeeded: movable.length, ...listFailures([...unknown, ...refused]) };
    if (movable.length === 0) return { actionId: null, ...result };

    const actionId = randomUUID();
    const ids = movable.map((c) => c.id);
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
    return { actionId, ...result };
  });
}
