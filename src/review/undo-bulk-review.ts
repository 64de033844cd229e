import { sql } from 'drizzle-orm';
import { MAX_LISTED_FAILURES, type BulkUndoResult } from '../contract/bulk';
import { AppError } from '../core/errors';
import { STATUS_LABELS, type ConversationStatus } from '../core/statuses';
import { queryRows, type Db } from '../db/client';
import { inIds } from './bulk-selection';

/** Long enough to notice a mis-click in the toast; short enough that undo never rewrites old history. */
export const UNDO_WINDOW_MS = 10 * 60 * 1000;

interface ActionSummary {
  changed: number;
  undone: number;
  firstAtMs: number | null;
}

interface ActionRow {
  id: string;
  conversation_id: string;
  status: ConversationStatus;
  to_status: ConversationStatus;
  reviewed_since: boolean;
}

function skipReason(row: ActionRow): string {
  if (row.reviewed_since) return `${row.conversation_id} was reviewed again since, so its newer review stays.`;
  return `${row.conversation_id} is now ${STATUS_LABELS[row.status]}, no longer ${STATUS_LABELS[row.to_status]} as this action left it, so it was left as it is.`;
}

/**
 * Undoes a bulk review (US4.2.2): each conversation the action changed goes back to its
 * previous status and review fields, unless something changed it since. Restoring is not a
 * status transition (approved → generated is not one), so it bypasses the transition table on
 * purpose and is written to the audit log as an 'undo' under the same action id.
 */
export async function undoBulkReview(db: Db, userId: string, actionId: string, now = new Date()): Promise<BulkUndoResult> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    // Two undos of one action at once: the second waits here, then sees the first one's rows and refuses.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`bulk-undo:${actionId}`}))`);
    const [action] = await queryRows<ActionSummary>(
      txDb,
      sql`select count(*) filter (where action <> 'undo')::int as "changed", count(*) filter (where action = 'undo')::int as "undone",
                 (extract(epoch from min(created_at) filter (where action <> 'undo')) * 1000)::float8 as "firstAtMs"
          from review_logs where action_id = ${actionId}`,
    );
    if (action.changed === 0) {
      throw new AppError({
        code: 'action_not_found',
        status: 404,
        message: 'There is no bulk review with this action id.',
        hint: 'Undo takes the actionId a bulk review answered with. The conversations it changed may also have been deleted since.',
      });
    }
    if (action.undone > 0) {
      throw new AppError({ code: 'already_undone', status: 409, message: 'This bulk review was already undone.', hint: 'Review the conversations again if they need to change.' });
    }
    if (action.firstAtMs !== null && now.getTime() - action.firstAtMs > UNDO_WINDOW_MS) {
      throw new AppError({
        code: 'too_late_to_undo',
        status: 409,
        message: 'It is too late to undo this bulk review: an action can be undone for 10 minutes after it.',
        hint: 'Select the conversations and review them again instead.',
      });
    }

    // Lock first, then read in a separate statement, so the read sees any review committed while we waited.
    await tx.execute(sql`
      select c.id from conversations c
      where c.id in (select conversation_id from review_logs where action_id = ${actionId} and action <> 'undo')
      order by c.id for update`);
    const rows = await queryRows<ActionRow>(
      txDb,
      sql`select c.id, c.conversation_id, c.status, l.to_status,
                 exists (select 1 from review_logs later where later.conversation_id = c.id and later.created_at > l.created_at) as reviewed_since
          from review_logs l join conversations c on c.id = l.conversation_id
          where l.action_id = ${actionId} and l.action <> 'undo'`,
    );
    const restorable: ActionRow[] = [];
    const kept: ActionRow[] = [];
    for (const row of rows) (row.status === row.to_status && !row.reviewed_since ? restorable : kept).push(row);
    const skipped = kept
      .sort((a, b) => (a.conversation_id < b.conversation_id ? -1 : 1))
      .map((r) => ({ conversationId: r.conversation_id, message: skipReason(r) }));

    if (restorable.length > 0) {
      const ids = restorable.map((r) => r.id);
      const at = now.toISOString();
      // Audit first, while the conversations still hold the review fields being undone.
      await tx.execute(sql`
        insert into review_logs (conversation_id, action, reviewer_id, reviewer_notes, from_status, to_status, action_id, previous_review, created_at)
        select c.id, 'undo', ${userId}, null, c.status, l.from_status, ${actionId},
               jsonb_build_object('reviewedAt', c.reviewed_at, 'reviewedBy', c.reviewed_by, 'reviewNotes', c.review_notes), ${at}::timestamptz
        from review_logs l join conversations c on c.id = l.conversation_id
        where l.action_id = ${actionId} and l.action <> 'undo' and ${inIds(sql`c.id`, ids)}`);
      // A previous reviewer whose account was deleted since comes back as nobody rather than breaking the foreign key.
      await tx.execute(sql`
        update conversations c set
          status = l.from_status,
          reviewed_at = (l.previous_review->>'reviewedAt')::timestamptz,
          reviewed_by = (select u.id from "user" u where u.id = l.previous_review->>'reviewedBy'),
          review_notes = l.previous_review->>'reviewNotes',
          updated_at = ${at}::timestamptz
        from review_logs l
        where l.conversation_id = c.id and l.action_id = ${actionId} and l.action <> 'undo' and ${inIds(sql`c.id`, ids)}`);
    }
    return { restored: restorable.length, skipped: skipped.slice(0, MAX_LISTED_FAILURES), skippedCount: skipped.length };
  });
}
