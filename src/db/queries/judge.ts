import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { AgreementRow, JudgeBreakdown, JudgeSubject } from '../../core/judge';
import { AppError, notFound } from '../../core/errors';
import { formatUsd } from '../../core/pricing';
import { queryRows, type Db } from '../client';
import { conversations, reviewLogs } from '../schema';

const label = (dimension: string, column: unknown) => sql<string>`coalesce((select v.label from dimension_values v where v.dimension = ${dimension} and v.key = ${column}), ${column})`;

/** What the judge reads of a conversation: its turns and the labels of its slot. */
export async function loadJudgeSubject(db: Db, id: string): Promise<JudgeSubject & { conversationId: string }> {
  const [row] = await queryRows<{ conversation_id: string; turn_count: number; turns: string | null; persona: string; emotion: string; topic: string; intent: string }>(
    db,
    sql`select c.conversation_id, c.turn_count, t.turns,
      ${label('persona', sql`c.persona`)} as persona, ${label('emotion', sql`c.emotion`)} as emotion,
      ${label('topic', sql`c.topic`)} as topic, ${label('intent', sql`c.intent`)} as intent
      from conversations c left join conversation_transcripts t on t.conversation_id = c.id where c.id = ${id}`,
  );
  if (!row) throw notFound('The conversation');
  if (!row.turns || row.turn_count === 0) {
    throw new AppError({ code: 'not_generated', status: 409, message: `${row.conversation_id} has no turns to judge yet.`, hint: 'Generate it first, then ask the judge.', details: { field: 'id' } });
  }
  return { conversationId: row.conversation_id, turns: JSON.parse(row.turns) as JudgeSubject['turns'], persona: row.persona, emotion: row.emotion, topic: row.topic, intent: row.intent };
}


/**
 * Stores an on-demand judgement beside the structural score and, in the same transaction, its
 * audit event: who asked, the score, what the call cost and which model judged (the status
 * does not change). A judgement made by a run is stored when the run stores the conversation.
 */
export async function saveJudgement(db: Db, id: string, breakdown: JudgeBreakdown, audit: { userId: string; costUsd: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(conversations)
      .set({ judgeScore: breakdown.score, judgeBreakdown: breakdown as unknown as Record<string, unknown> })
      .where(eq(conversations.id, id))
      .returning({ status: conversations.status });
    if (!row) throw notFound('The conversation');
    await tx.insert(reviewLogs).values({
      conversationId: id,
      action: 'judge',
      reviewerId: audit.userId,
      reviewerNotes: `LLM judge score ${breakdown.score.toFixed(1)}/10 by ${breakdown.model}, cost ${formatUsd(audit.costUsd)}.`,
      fromStatus: row.status,
      toStatus: row.status,
      judge: { score: breakdown.score, costUsd: audit.costUsd, model: breakdown.model },
    });
  });
}

/**
 * Audits an on-demand judge call that failed after the provider billed it (its answer was not a
 * rubric): who asked, what it cost and why it failed. The conversation is not changed; a failure
 * that cost nothing leaves no event.
 */
export async function auditFailedJudgement(db: Db, id: string, audit: { userId: string; costUsd: number; model: string; reason: string }): Promise<void> {
  const [row] = await db.select({ status: conversations.status }).from(conversations).where(eq(conversations.id, id));
  if (!row) return;
  await db.insert(reviewLogs).values({
    conversationId: id,
    action: 'judge',
    reviewerId: audit.userId,
    reviewerNotes: `LLM judge failed; the call still cost ${formatUsd(audit.costUsd)}. ${audit.reason}`,
    fromStatus: row.status,
    toStatus: row.status,
    judge: { score: null, costUsd: audit.costUsd, model: audit.model, error: audit.reason },
  });
}

/** Reviewed conversations with a judge score: what the agreement rate compares. */
export async function judgedReviewRows(db: Db): Promise<AgreementRow[]> {
  const rows = await db
    .select({ judgeScore: conversations.judgeScore, status: conversations.status })
    .from(conversations)
    .where(and(isNotNull(conversations.judgeScore), inArray(conversations.status, ['approved', 'rejected'])));
  return rows.map((r) => ({ judgeScore: r.judgeScore ?? 0, status: r.status }));
}

/** Conversations with a judge score. */
export async function judgedCount(db: Db): Promise<number> {
  return db.$count(conversations, isNotNull(conversations.judgeScore));
}
