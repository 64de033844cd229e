import { count, eq, sql } from 'drizzle-orm';
import type { ConversationFilter, ConversationListQuery, ConversationPosition, StatusCounts } from '../../contract/conversations';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../../core/statuses';
import type { Db } from '../client';
import { conversations } from '../schema';
import { conversationWhere } from './conversation-filter';
import { listOrder } from './conversation-list';

/**
 * Where one conversation stands in the filtered, sorted list, so a link to it opens the page
 * that holds it (and ← / → walk its neighbours). One pass over the filtered rows, numbered in
 * the list's own order.
 */
export async function conversationPosition(db: Db, id: string, query: ConversationListQuery, tokenModel?: string): Promise<ConversationPosition> {
  const where = conversationWhere(query);
  const numbered = db
    .select({ id: conversations.id, position: sql<number>`row_number() over (order by ${sql.join(listOrder(query, tokenModel), sql`, `)})`.as('position') })
    .from(conversations)
    .where(where)
    .as('numbered');
  const [[found], [{ total }]] = await Promise.all([
    db.select({ position: numbered.position }).from(numbered).where(eq(numbered.id, id)),
    db.select({ total: count() }).from(conversations).where(where),
  ]);
  const position = found ? Number(found.position) : null;
  return { position, total, page: position === null ? null : Math.ceil(position / query.pageSize) };
}

/** How many conversations a filter matches in each status; the filter's own status part is left out. */
export async function statusCounts(db: Db, filter: ConversationFilter): Promise<StatusCounts> {
  const rows = await db
    .select({ status: conversations.status, n: count() })
    .from(conversations)
    .where(conversationWhere({ ...filter, status: undefined }))
    .groupBy(conversations.status);
  const counts = Object.fromEntries(CONVERSATION_STATUSES.map((s) => [s, 0])) as Record<ConversationStatus, number>;
  for (const row of rows) if (row.status in counts) counts[row.status as ConversationStatus] = row.n;
  return { total: rows.reduce((sum, row) => sum + row.n, 0), counts };
}
