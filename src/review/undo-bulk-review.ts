import { sql } from 'drizzle-orm';
import { MAX_LISTED_FAILURES, type BulkUndoResult } from '../contract/bulk';
import { AppError } from '../core/errors';
import { STATUS_LABELS, type ConversationStatus } from '../core/statuses';
import { queryRows, type Db } from '../db/client';
import type { BulkActions } from './bulk-actions';
import { inIds, type Tx } from './bulk-selection';

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

const actionRows = (actionId: string, ids: string[] | null) => sql`
  select c.id, c.conversation_id, c.status, l.to_status,
         -- A judgement since is not a review: it does not keep the action from being undone.
         exists (select 1 from review_logs later where later.conversation_id = c.id and later.created_at > l.created_at and later.action <> 'judge') as reviewed_since
  from review_logs l join conversations c on c.id = l.conversation_id
  where l.action_id = ${actionId} and l.action <> 'undo'
    and not exists (select 1 from review_logs u where u.action_id = ${actionId} and u.action = 'undo' and u.conversation_id = l.conversation_id)
    ${ids ? sql`and ${inIds(sql`c.id`, ids)}` : sql``}
  order by c.id`;

const restorable = (row: ActionRow) => row.status === row.to_status && !row.reviewed_since;

/** One batch of an undo, in its own transaction: restores what can be restored, returns the others with the reason. */
async function undoBatch(tx: Tx, userId: string, actionId: string, batch: string[]): Promise<{ restored: number; skipped: Skipped[] }> {
  const txDb = tx as unknown as Db;
  // Lock first, then read in a separate statement, so the read sees any review committed while we waited.
  await tx.execute(sql`select c.id from conversations c where ${inIds(sql`c.id`, batch)} order by c.id for update`);
  const rows = await queryRows<ActionRow>(txDb, actionRows(actionId, batch));
  const ids = rows.filter(restorable).map((r) => r.id);
  const skipped = rows.filter((r) => !restorable(r)).map((r) => ({ conversationId: r.conversation_id, message: skipReason(r) }));
  if (ids.length > 0) {
    const at = new Date().toISOString();
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
  return { restored: ids.length, skipped };
}

type Skipped = BulkUndoResult['skipped'][number];

const bySkippedId = (a: Skipped, b: Skipped) => (a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0);

/**
 * Undoes a bulk review (US4.2.2): each conversation the action changed goes back to its
 * previous status and review fields, unless something changed it since. Restoring is not a
 * status transition (approved → generated is not one), so it bypasses the transition table on
 * purpose and is written to the audit log as an 'undo' under the same action id.
 *
 * The action's review_logs rows are its record: each batch of the review committed its rows
 * with its changes, so a review cut short (stopped, failed, or the server killed) is undone for
 * exactly what it did. The undo works in batches too, each committed with its 'undo' rows, and
 * skips conversations that already have one: an undo cut short finishes when asked again. Once
 * nothing is left to restore, asking again is a 409, whatever the first undo found.
 */
export async function undoBulkReview(db: Db, actions: BulkActions, userId: string, actionId: string, now = new Date()): Promise<BulkUndoResult> {
  if (actions.isRunning(actionId)) {
    throw new AppError({
      code: 'bulk_action_running',
      status: 409,
      retryable: true,
      message: 'This bulk review is still running: it can be undone once it has ended.',
      hint: 'Wait for it to finish, or stop it, then undo it.',
    });
  }
  // Two undos of one action at once: the second is refused here until the first has ended.
  const releaseAction = actions.claim([`undo:${actionId}`], actionId, () => 'This bulk review is being undone already.');
  try {
    return await undoClaimed(db, actions, userId, actionId, now);
  } finally {
    releaseAction();
  }
}

async function undoClaimed(db: Db, actions: BulkActions, userId: string, actionId: string, now: Date): Promise<BulkUndoResult> {
  const [action] = await queryRows<ActionSummary>(
    db,
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
  const pending = await queryRows<ActionRow>(db, actionRows(actionId, null));
  const toRestore = pending.filter(restorable).length;
  if (action.undone > 0 && toRestore === 0) {
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
  if (toRestore === 0) {
    const skipped = pending.map((r) => ({ conversationId: r.conversation_id, message: skipReason(r) })).sort(bySkippedId);
    throw new AppError({
      code: 'nothing_to_undo',
      status: 409,
      message: `There is nothing to undo: ${skipped.length === 1 ? 'the conversation this bulk review changed has' : `all ${skipped.length.toLocaleString('en')} conversations this bulk review changed have`} been reviewed or changed again since.`,
      hint: 'Review the conversations again if they need to change.',
      details: { skipped: skipped.slice(0, MAX_LISTED_FAILURES), skippedCount: skipped.length },
    });
  }

  const ids = pending.map((r) => r.id);
  // A second undo of this action, or a bulk action on any of its conversations, is refused while this one runs.
  const release = actions.claim(ids, actionId, (overlap) => `An undo of a bulk review is still running on ${overlap.toLocaleString('en')} of these conversations.`);
  let restored = 0;
  let skipped: Skipped[] = [];
  let skippedCount = 0;
  try {
    await actions.inBatches(ids, async (batch) => {
      const outcome = await db.transaction((tx) => undoBatch(tx, userId, actionId, batch));
      restored += outcome.restored;
      skippedCount += outcome.skipped.length;
      skipped = [...skipped, ...outcome.skipped].sort(bySkippedId).slice(0, MAX_LISTED_FAILURES);
    });
  } finally {
    release();
    if (restored > 0) actions.reportWrites(['conversations', 'review_logs'], restored);
  }
  return { restored, skipped, skippedCount };
}
