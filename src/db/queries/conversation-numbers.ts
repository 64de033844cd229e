import { sql } from 'drizzle-orm';
import { formatConversationId } from '../../core/planner';
import { queryRows, type Db, type Tx } from '../client';

/**
 * Serialises whatever hands out conversation ids (conv-00042) until its transaction ends, so
 * two imports or plans at once never pick the same next number.
 */
export async function lockConversationNumbers(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('convgen.conversation_numbers'))`);
}

/** The next free number after the highest conv-NNNNN in use (1 in an empty workspace). */
export async function nextConversationNumber(db: Db | Tx): Promise<number> {
  const [row] = await queryRows<{ next: number }>(
    db as Db,
    sql`select (coalesce(max(substring(conversation_id from '^conv-([0-9]{1,9})$')::int), 0) + 1)::int as "next" from conversations`,
  );
  return row.next;
}

/** `count` fresh conversation ids from the next free number on. */
export async function nextConversationIds(db: Db | Tx, count: number): Promise<string[]> {
  const first = await nextConversationNumber(db);
  return Array.from({ length: count }, (_, i) => formatConversationId(first + i));
}
