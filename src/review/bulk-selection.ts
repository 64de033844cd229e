import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, sql, type SQL } from 'drizzle-orm';
import { MAX_LISTED_FAILURES, type BulkFailure, type BulkSelection } from '../contract/bulk';
import type { ConversationStatus } from '../core/statuses';
import { queryRows, type Db } from '../db/client';
import { conversations } from '../db/schema';
import { selectedWhere } from '../db/queries/selection';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface SelectedConversation {
  id: string;
  conversationId: string;
  status: ConversationStatus;
  qualityScore: number | null;
  isSeed: boolean;
  tier: string;
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

/** Heap pages per read of a large selection (about 10,000 conversations): short statements, so other requests get the database in between. */
const SNAPSHOT_PAGES = 1_000;

/**
 * The selected conversations in one part of the table, as one JSON text: the embedded
 * database hands back one row far faster than 90,000 (about 0.1 s against 3 s here).
 */
async function readPart(db: Db, where: SQL | undefined): Promise<SelectedRef[]> {
  const [row] = await queryRows<{ refs: string | null }>(
    db,
    sql`select json_agg(json_build_array(${conversations.id}, ${conversations.conversationId}) order by ${conversations}.ctid)::text as "refs"
        from ${conversations} ${where ? sql`where ${where}` : sql``}`,
  );
  return (JSON.parse(row?.refs ?? '[]') as [string, string][]).map(([id, conversationId]) => ({ id, conversationId }));
}

/**
 * The conversations a selection names now, in the order they lie in the table, without
 * locking anything: a bulk action works through them in batches, locking each as it goes.
 * Neighbours in the table share heap and index pages, so a batch of them is written about
 * twice as fast as one drawn from all over the table (as id order would).
 *
 * A list of ids is one indexed read. A filter or "all" is read a range of heap pages at a
 * time, so no statement holds the database for long; a conversation rewritten meanwhile (its
 * new version lands elsewhere) may be read twice, which is undone here, or missed, as if it
 * had changed just before the action started.
 */
export async function readSelection(db: Db, selection: BulkSelection): Promise<SelectedRef[]> {
  if (selection.conversationIds) return readPart(db, selectedWhere(selection));
  const [{ pages }] = await queryRows<{ pages: number }>(db, sql`select (pg_relation_size('conversations') / current_setting('block_size')::int)::int as "pages"`);
  const refs: SelectedRef[] = [];
  const seen = new Set<string>();
  for (let from = 0; ; from += SNAPSHOT_PAGES) {
    const last = from + SNAPSHOT_PAGES >= pages;
    // The last range is open-ended: pages added since the size was read are read too.
    const range = last ? sql`${conversations}.ctid >= ${`(${from},0)`}::tid` : sql`${conversations}.ctid >= ${`(${from},0)`}::tid and ${conversations}.ctid < ${`(${from + SNAPSHOT_PAGES},0)`}::tid`;
    for (const ref of await readPart(db, and(selectedWhere(selection), range))) {
      if (seen.has(ref.id)) continue;
      seen.add(ref.id);
      refs.push(ref);
    }
    if (last) return refs;
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
    .select({ id: conversations.id, conversationId: conversations.conversationId, status: conversations.status, qualityScore: conversations.qualityScore, isSeed: conversations.isSeed, tier: conversations.tier })
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

/** The first MAX_LISTED_FAILURES of `items` by conversation id: what an answer lists one by one. */
export function firstListed<T extends { conversationId: string }>(items: T[]): T[] {
  const sorted = [...items].sort((a, b) => (a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0));
  return sorted.slice(0, MAX_LISTED_FAILURES);
}

/** The answer's failure list: ordered by conversation id, at most MAX_LISTED_FAILURES of them, with the full count. */
export function listFailures(failures: BulkFailure[]): { failed: BulkFailure[]; failedCount: number } {
  return { failed: firstListed(failures), failedCount: failures.length };
}
