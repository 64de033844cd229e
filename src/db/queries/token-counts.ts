import { and, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../client';
import { conversations, conversationTokenCounts, conversationTranscripts } from '../schema';

/** A conversation of a preflight, with its stored count for the model when its turns are unchanged. */
export type CountRow = {
  id: string;
  conversationId: string;
  contentHash: string;
  stored: { tokens: number | null; assistantTokens: number | null; refusedReason: string | null } | null;
};

/**
 * One batch of the selection after `after` (conversation-id order), with each one's stored count
 * when it is fresh. What was counted is identified by md5 of the stored transcript (the turns as
 * one JSON text), kept by the database beside it, so finding the conversations whose turns changed reads no text.
 */
export async function readCountBatch(db: Db, baseModel: string, where: SQL | undefined, after: string, size: number): Promise<CountRow[]> {
  const rows = await queryRows<{ id: string; conversation_id: string; hash: string; tokens: number | null; assistant_tokens: number | null; refused_reason: string | null; stored_hash: string | null }>(
    db,
    sql`select conversations.id, conversations.conversation_id, transcript.turns_md5 as hash,
          tc.tokens, tc.assistant_tokens, tc.refused_reason, tc.content_hash as stored_hash
        from conversations
          join conversation_transcripts transcript on transcript.conversation_id = conversations.id
          left join conversation_token_counts tc on tc.conversation_id = conversations.id and tc.base_model = ${baseModel}
        where ${and(where, gt(conversations.conversationId, after))}
        order by conversations.conversation_id limit ${size}`,
  );
  return rows.map((r) => ({
    id: r.id,
    conversationId: r.conversation_id,
    contentHash: r.hash,
    stored: r.stored_hash === r.hash ? { tokens: r.tokens, assistantTokens: r.assistant_tokens, refusedReason: r.refused_reason } : null,
  }));
}

/** The turns of the conversations to count. */
export async function readTurns(db: Db, ids: string[]): Promise<Map<string, { role: string; content: string }[]>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: conversationTranscripts.conversationId, turns: conversationTranscripts.turns }).from(conversationTranscripts).where(inArray(conversationTranscripts.conversationId, ids));
  return new Map(rows.map((r) => [r.id, JSON.parse(r.turns) as { role: string; content: string }[]]));
}

export type NewCount = { conversationId: string; contentHash: string; tokens: number | null; assistantTokens: number | null; refusedReason: string | null };

/** Stores (or replaces) counts for one model, so the next preflight and the table read them. */
export async function storeCounts(db: Db, baseModel: string, counts: NewCount[]): Promise<void> {
  if (!counts.length) return;
  await db
    .insert(conversationTokenCounts)
    .values(counts.map((c) => ({ ...c, baseModel })))
    .onConflictDoUpdate({
      target: [conversationTokenCounts.conversationId, conversationTokenCounts.baseModel],
      set: {
        tokens: sql`excluded.tokens`,
        assistantTokens: sql`excluded.assistant_tokens`,
        refusedReason: sql`excluded.refused_reason`,
        contentHash: sql`excluded.content_hash`,
        computedAt: sql`now()`,
      },
    });
}

/**
 * Fresh planner statistics for the counts table. A first check fills it from nothing, and PGlite
 * runs no autovacuum: with the statistics of a near-empty table, reading a batch's stored counts
 * turned into a scan of every stored row per conversation, and one batch near the end of a check
 * of 35,115 held the server for 3.5–6.7 s.
 */
export async function analyzeTokenCounts(db: Db): Promise<void> {
  await db.execute(sql`analyze conversation_token_counts`);
}

/**
 * The table's token filter: conversations whose stored count for the model (of their current
 * turns) lies in the range. The (base_model, tokens) index finds the candidates; their stored hashes are compared.
 */
export function tokenRangeWhere(baseModel: string, min: number | undefined, max: number | undefined): SQL {
  return sql`${conversations.id} in (select tc.conversation_id from conversation_token_counts tc
    join conversation_transcripts tt on tt.conversation_id = tc.conversation_id
    where tc.base_model = ${baseModel} and tc.tokens is not null
      ${min === undefined ? sql`` : sql`and tc.tokens >= ${min}`} ${max === undefined ? sql`` : sql`and tc.tokens <= ${max}`}
      and tc.content_hash = tt.turns_md5)`;
}

/** The column of the table: the stored count for the model when the turns are unchanged since. */
export function tokenCountColumn(baseModel: string): SQL<number | null> {
  return sql<number | null>`(select tc.tokens from conversation_token_counts tc join conversation_transcripts tt on tt.conversation_id = tc.conversation_id
    where tc.conversation_id = ${conversations.id} and tc.base_model = ${baseModel} and tc.content_hash = tt.turns_md5)`;
}
