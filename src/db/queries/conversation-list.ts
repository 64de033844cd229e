import { count, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { ConversationListQuery, ConversationListResponse, SortableColumn } from '../../contract/conversations';
import type { Db } from '../client';
import { conversations } from '../schema';
import { conversationWhere } from './conversation-filter';
import { tokenCountColumn } from './token-counts';

const SORT_COLUMNS: Record<Exclude<SortableColumn, 'tokens'>, AnyColumn> = {
  conversationId: conversations.conversationId,
  title: conversations.title,
  persona: conversations.persona,
  emotion: conversations.emotion,
  topic: conversations.topic,
  intent: conversations.intent,
  tone: conversations.tone,
  tier: conversations.tier,
  status: conversations.status,
  qualityScore: conversations.qualityScore,
  turnCount: conversations.turnCount,
  costUsd: conversations.costUsd,
  generatedAt: conversations.generatedAt,
  createdAt: conversations.createdAt,
  updatedAt: conversations.updatedAt,
};

/** The columns the table shows; turns are fetched only when a preview opens. */
export const summaryColumns = {
  id: conversations.id,
  conversationId: conversations.conversationId,
  title: conversations.title,
  persona: conversations.persona,
  emotion: conversations.emotion,
  topic: conversations.topic,
  intent: conversations.intent,
  tone: conversations.tone,
  tier: conversations.tier,
  arcKey: conversations.arcKey,
  status: conversations.status,
  qualityScore: conversations.qualityScore,
  turnCount: conversations.turnCount,
  isSeed: conversations.isSeed,
  model: conversations.model,
  costUsd: conversations.costUsd,
  errorMessage: conversations.errorMessage,
  generatedAt: conversations.generatedAt,
  createdAt: conversations.createdAt,
  updatedAt: conversations.updatedAt,
  nearDuplicateId: conversations.nearDuplicateOf,
  nearDuplicateSimilarity: conversations.nearDuplicateSimilarity,
  // One indexed lookup per row of the page: the table links to the duplicate by its human id.
  // Spelled out: in a one-table select the column would be written unqualified and read d's own.
  nearDuplicateConversationId: sql<string | null>`(select d.conversation_id from conversations d where d.id = "conversations"."near_duplicate_of")`,
  judgeScore: conversations.judgeScore,
};

type SummaryRow = Pick<typeof conversations.$inferSelect, Exclude<keyof typeof summaryColumns, 'nearDuplicateId' | 'nearDuplicateConversationId'>> & {
  nearDuplicateId: string | null;
  nearDuplicateConversationId: string | null;
};

export function presentSummary(row: SummaryRow): ConversationListResponse['items'][number] {
  const { nearDuplicateId, nearDuplicateConversationId, nearDuplicateSimilarity, ...rest } = row;
  return {
    ...rest,
    nearDuplicateOf:
      nearDuplicateId && nearDuplicateConversationId ? { id: nearDuplicateId, conversationId: nearDuplicateConversationId, similarity: nearDuplicateSimilarity ?? 0 } : null,
    tier: row.tier as ConversationListResponse['items'][number]['tier'],
    status: row.status as ConversationListResponse['items'][number]['status'],
    generatedAt: row.generatedAt ? row.generatedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The list's order: NULLS LAST in both directions (unscored and uncounted rows sink) and
 * conversation_id as the tie-break, so paging is stable and matches the (column, conversation_id)
 * indexes. Tokens sort by the count the Tokens column shows: the one for `tokenModel`.
 */
export function listOrder(query: Pick<ConversationListQuery, 'sort' | 'dir'>, tokenModel = 'llama-3.1'): SQL[] {
  const column = query.sort === 'tokens' ? tokenCountColumn(tokenModel) : SORT_COLUMNS[query.sort];
  const direction = query.dir === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  return [sql`${column} ${direction}`, ...(query.sort === 'conversationId' ? [] : [sql`${conversations.conversationId} ${direction}`])];
}

/** One page of conversations plus the total matching the filter (server-side everything). */
export async function listConversations(db: Db, query: ConversationListQuery, tokenModel?: string): Promise<ConversationListResponse> {
  const where = conversationWhere(query);
  const order = listOrder(query, tokenModel);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ ...summaryColumns, ...(tokenModel ? { tokens: tokenCountColumn(tokenModel) } : {}) })
      .from(conversations)
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(conversations).where(where),
  ]);
  return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
}
