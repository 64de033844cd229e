import { sql, type SQL } from 'drizzle-orm';
import { MAX_LISTED_FAILURES, type BulkFailure, type BulkSelection } from '../contract/bulk';
import type { ConversationStatus } from '../core/statuses';
import type { Db } from '../db/client';
import { conversations } from '../db/schema';
import { selectedWhere } from '../db/queries/selection';

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

/**
 * Locks the selected conversations for the rest of the transaction and returns them. Locking
 * in id order means two bulk actions over overlapping selections wait for each other instead
 * of deadlocking.
 */
export async function lockSelection(tx: Tx, selection: BulkSelection): Promise<SelectedConversation[]> {
  const rows = await tx
    .select({ id: conversations.id, conversationId: conversations.conversationId, status: conversations.status, qualityScore: conversations.qualityScore })
    .from(conversations)
    .where(selectedWhere(selection))
    .orderBy(conversations.id)
    .for('update');
  return rows as SelectedConversation[];
}

/** Ids the client sent that name no conversation (deleted meanwhile, or mistyped): reported, not silently dropped. */
export function unknownIds(selection: BulkSelection, found: SelectedConversation[]): BulkFailure[] {
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
