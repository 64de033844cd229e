import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, gt, sql, type SQL } from 'drizzle-orm';
import { MAX_LISTED_FAILURES, type BulkFailure, type BulkSelection } from '../contract/bulk';
import type { ConversationStatus } from '../core/statuses';
import type { Db } from '../db/client';
import { conversations } from '../db/schema';
import { selectedWhere } from '../generation/selection';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface SelectedConversation {
  id: string;
  conversationId: string;
  status: ConversationStatus;
  qualityScore: number | null;
}

/**
 * `column = any($1::uuid[])` with the ids as one array parameter: a selection may hold 100,000
 * rows, more than the 65,535 parameters a statement may carry as a list.
 */
export function inIds(column: SQL | typeof conversations.id, ids: string[]): SQL {
  return sql`${column} = any(${sql.param(ids)}::uuid[])`;
}

/** A selected conversation as the selection was read when the bulk action started. */
export interface SelectedRef {
  id: string;
  conversationId: string;
}

/** Rows per read of a selection: short statements, so other requests get the database in between. */
const SNAPSHOT_PAGE = 5_000;

/**
 * The conversations a selection names now, in id order, read page by page without locking
 * anything: a bulk action works through them in batches, locking each batch as it goes.
 */
export async function readSelection(db: Db, selection: BulkSelection): Promise<SelectedRef[]> {
  const refs: SelectedRef[] = [];
  for (;;) {
    const after = refs.at(-1)?.id;
    const page = await db
      .select({ id: conversations.id, conversationId: conversations.conversationId })
      .from(conversations)
      .where(after ? and(selectedWhere(selection), gt(conversations.id, after)) : selectedWhere(selection))
      .orderBy(conversations.id)
      .limit(SNAPSHOT_PAGE);
    refs.push(...page);
    if (page.length < SNAPSHOT_PAGE) return refs;
    await nextTurn();
  }
}

/**
 * Locks one batch of conversations for the rest of its transaction and returns them as they
 * are now. Locking in id order means two writers over overlapping batches wait for each other
 * instead of deadlocking.
 */
export async function lockBatch(tx: Tx, batch: SelectedRef[]): Promise<SelectedConversation[]> {
  const rows = await tx
    .select({ id: conversations.id, conversationId: conversations.conversationId, status: conversations.status, qualityScore: conversations.qualityScore })
    .from(conversations)
    .where(inIds(conversations.id, batch.map((r) => r.id)))
    .orderBy(conversations.id)
    .for('update');
  return rows as SelectedConversation[];
}

/** Conversations of the batch that were deleted after the selection was read: reported, not silently dropped. */
export function vanished(batch: SelectedRef[], found: { id: string }[]): BulkFailure[] {
  const present = new Set(found.map((r) => r.id));
  return batch.filter((r) => !present.has(r.id)).map((r) => ({ id: r.id, conversationId: r.conversationId, message: `${r.conversationId} was deleted while the bulk action ran.` }));
}

/** Ids the client sent that name no conversation (deleted meanwhile, or mistyped): reported, not silently dropped. */
export function unknownIds(selection: BulkSelection, found: SelectedRef[]): BulkFailure[] {
  if (!selection.conversationIds) return [];
  const known = new Set<string>();
  for (const row of found) {
    known.add(row.id.toLowerCase());
    known.add(row.conversationId);
  }
  // PostgreSQL reads a UUID in either case; a human id matches exactly.
  const missing = new Set(selection.conversationIds.filter((ref) => !known.has(UUID.test(ref) ? ref.toLowerCase() : ref)));
  return [...missing].map((ref) => ({ id: ref, conversationId: ref, message: `${ref} was not found: it may have been deleted. Reload the list and select again.` }));
}

/** The answer's failure list: ordered by conversation id, at most MAX_LISTED_FAILURES of them, with the full count. */
export function listFailures(failures: BulkFailure[]): { failed: BulkFailure[]; failedCount: number } {
  const sorted = [...failures].sort((a, b) => (a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0));
  return { failed: sorted.slice(0, MAX_LISTED_FAILURES), failedCount: failures.length };
}
