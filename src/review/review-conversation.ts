import { eq } from 'drizzle-orm';
import type { ReviewRequest } from '../contract/conversations';
import { approvalBarMessage, belowApprovalBar } from '../core/approval';
import { edgeCaseBarMessage, belowEdgeCaseBar } from '../core/edge-case-review';
import { AppError, notFound } from '../core/errors';
import { seedLocked } from '../core/seed-lock';
import { conversationLifecycle, type ConversationStatus } from '../core/statuses';
import type { Db, Tx } from '../db/client';
import { conversations, reviewLogs } from '../db/schema';

/** Approves or rejects a conversation and writes the audit entry in the same transaction (US4.2.1). */
export async function reviewConversation(db: Db, conversationId: string, reviewerId: string, request: ReviewRequest, minApprovalScore = 0, edgeCaseMinScore = 0) {
  return db.transaction((tx) => reviewInTransaction(tx, conversationId, reviewerId, request, minApprovalScore, edgeCaseMinScore));
}

/** The review inside a caller's transaction, for commands that review and do more at once (reject and regenerate). */
export async function reviewInTransaction(tx: Tx, conversationId: string, reviewerId: string, request: ReviewRequest, minApprovalScore = 0, edgeCaseMinScore = 0) {
  {
    const [row] = await tx
      .select({ id: conversations.id, label: conversations.conversationId, qualityScore: conversations.qualityScore, status: conversations.status, tier: conversations.tier, isSeed: conversations.isSeed, reviewedAt: conversations.reviewedAt, reviewedBy: conversations.reviewedBy, reviewNotes: conversations.reviewNotes })
      .from(conversations)
      .where(eq(conversations.id, conversationId))
      .for('update');
    if (!row) throw notFound('The conversation');
    if (row.isSeed && request.action === 'reject') throw seedLocked(row.label, 'rejected');
    // The review is the state machine's approve or reject transition: it refuses what the table does not allow.
    const to = conversationLifecycle.move(request.action, row.status as ConversationStatus) as 'approved' | 'rejected';
    if (request.action === 'approve' && belowApprovalBar(row.qualityScore, minApprovalScore)) {
      throw new AppError({ code: 'below_quality_bar', status: 409, message: approvalBarMessage(row.label, row.qualityScore!, minApprovalScore), hint: 'The minimum is under Settings → Quality.' });
    }
    if (request.action === 'approve' && row.tier === 'edge_case' && belowEdgeCaseBar(row.qualityScore, edgeCaseMinScore)) {
      throw new AppError({
        code: 'below_edge_case_bar',
        status: 409,
        message: edgeCaseBarMessage(row.label, row.qualityScore!, edgeCaseMinScore),
        hint: 'Edge cases need a higher score than other conversations: regenerate it for a better answer, or reject it.',
        details: { qualityScore: row.qualityScore, edgeCaseMinScore },
      });
    }
    const now = new Date();
    const notes = request.notes?.trim() || null;
    await tx.update(conversations).set({ status: to, reviewedAt: now, reviewedBy: reviewerId, reviewNotes: notes, updatedAt: now }).where(eq(conversations.id, row.id));
    const previousReview = { reviewedAt: row.reviewedAt?.toISOString() ?? null, reviewedBy: row.reviewedBy, reviewNotes: row.reviewNotes };
    await tx.insert(reviewLogs).values({ conversationId: row.id, action: request.action, reviewerId, reviewerNotes: notes, fromStatus: row.status, toStatus: to, previousReview, createdAt: now });
    return { id: row.id, status: to, reviewedAt: now.toISOString() };
  }
}
