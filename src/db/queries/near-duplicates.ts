import { isNotNull, sql } from 'drizzle-orm';
import { bandKeys, conversationText, estimateSimilarity, textSignature } from '../../core/minhash';
import { queryRows, type Db } from '../client';
import { conversations } from '../schema';

export interface NearDuplicateMatch {
  id: string;
  similarity: number;
}

/**
 * "Earlier" is by generation time (creation time for rows without one), then by conversation id.
 *
 * Stores a conversation's MinHash signature (replacing any earlier one: a regenerated
 * conversation is compared by its new text) and marks it as a near-duplicate of the most similar
 * EARLIER conversation at or above the threshold, or clears the mark. Only conversations sharing
 * an LSH band key are compared, found through the GIN index on band_keys.
 */
export async function checkNearDuplicate(db: Db, conversationId: string, turns: readonly { content: string }[], threshold: number): Promise<NearDuplicateMatch | null> {
  const signature = textSignature(conversationText(turns));
  const keys = bandKeys(signature);
  // The candidates are read before the signature is stored: the conversation never matches itself anyway.
  const match = await bestEarlierMatch(db, conversationId, signature, keys, threshold);
  // One statement stores the signature and the mark: each statement costs a round of the database's work.
  // xmax is 0 for a freshly inserted row: only a replaced signature (a regeneration) can leave stale marks behind.
  const [stored] = await queryRows<{ inserted: boolean }>(
    db,
    sql`with stored as (
        insert into conversation_minhash (conversation_id, signature, band_keys, marked_at_threshold)
        values (${conversationId}, ${`{${signature.join(',')}}`}::int[], ${`{${keys.join(',')}}`}::text[], ${threshold}::real)
        on conflict (conversation_id) do update
          set signature = excluded.signature, band_keys = excluded.band_keys, marked_at_threshold = excluded.marked_at_threshold, created_at = now()
        returning (xmax = 0) as inserted
      ), marked as (${markStatement(conversationId, match)})
      select inserted from stored`,
  );
  if (!stored.inserted) await recheckStaleMarks(db, conversationId, threshold);
  return match;
}

/**
 * Sets or clears a conversation's near-duplicate mark. A conversation whose mark would not change
 * (most new ones: no match, nothing marked) is not written at all: the mark's column is indexed,
 * so every write of it adds an entry to each of the conversations table's indexes.
 */
function markStatement(conversationId: string, match: NearDuplicateMatch | null) {
  const of = match?.id ?? null;
  const similarity = match?.similarity ?? null;
  return sql`update conversations set near_duplicate_of = ${of}::uuid, near_duplicate_similarity = ${similarity}::real
    where id = ${conversationId} and (near_duplicate_of, near_duplicate_similarity) is distinct from (${of}::uuid, ${similarity}::real)`;
}

/**
 * A regenerated conversation moves to the end of the order: conversations marked as copies of
 * it are now EARLIER than it, so their marks are stale (left alone, both of a pair would point at
 * each other and an export leaving near-duplicates out would drop both). Each is compared again
 * with what is earlier than it, from its stored signature.
 */
async function recheckStaleMarks(db: Db, conversationId: string, threshold: number): Promise<void> {
  const stale = await queryRows<{ id: string; signature: number[]; band_keys: string[] }>(
    db,
    sql`select z.id, m.signature, m.band_keys from conversations z
      join conversation_minhash m on m.conversation_id = z.id
      join conversations s on s.id = ${conversationId}
      where z.near_duplicate_of = ${conversationId}
        and (coalesce(z.generated_at, z.created_at), z.conversation_id) < (coalesce(s.generated_at, s.created_at), s.conversation_id)`,
  );
  for (const row of stale) {
    const match = await bestEarlierMatch(db, row.id, row.signature, row.band_keys, threshold);
    await db.execute(markStatement(row.id, match));
  }
}

async function bestEarlierMatch(db: Db, conversationId: string, signature: number[], keys: string[], threshold: number): Promise<NearDuplicateMatch | null> {
  const candidates = await queryRows<{ id: string; signature: number[] }>(
    db,
    // The candidates' order keys are looked up one by one (a subquery per candidate, through the
    // primary key), not joined: the planner expects thousands of candidates where there are a
    // handful, and for a join it chose to read all of conversations (about 10 ms at 100,000).
    sql`select m.conversation_id as id, m.signature from conversation_minhash m
      where m.band_keys && array[${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )}]::text[]
        and m.conversation_id <> ${conversationId}
        and (select (coalesce(c.generated_at, c.created_at), c.conversation_id) from conversations c where c.id = m.conversation_id)
          < (select (coalesce(s.generated_at, s.created_at), s.conversation_id) from conversations s where s.id = ${conversationId})`,
  );
  let best: NearDuplicateMatch | null = null;
  for (const candidate of candidates) {
    const similarity = estimateSimilarity(signature, candidate.signature);
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { id: candidate.id, similarity };
  }
  return best;
}

/**
 * Up to `limit` conversations whose mark was decided at another threshold than `threshold` (the
 * setting changed, or the workspace predates keeping it), with their stored signatures. The
 * threshold is compared as the column's own type (real), or 0.85 would never equal itself.
 */
export async function marksAtAnotherThreshold(db: Db, threshold: number, limit: number): Promise<{ id: string; signature: number[]; band_keys: string[] }[]> {
  return queryRows<{ id: string; signature: number[]; band_keys: string[] }>(db, sql`
    select m.conversation_id as id, m.signature, m.band_keys from conversation_minhash m
    where m.marked_at_threshold is distinct from ${threshold}::real
    limit ${limit}`);
}

/**
 * Decides a conversation's mark again at `threshold` from its stored signature, and records the
 * threshold. Each mark only looks at earlier conversations, so the order of re-marking does not matter.
 */
export async function remarkAtThreshold(db: Db, row: { id: string; signature: number[]; band_keys: string[] }, threshold: number): Promise<void> {
  const match = await bestEarlierMatch(db, row.id, row.signature, row.band_keys, threshold);
  await db.execute(sql`with marked as (${markStatement(row.id, match)})
    update conversation_minhash set marked_at_threshold = ${threshold}::real where conversation_id = ${row.id}`);
}

/**
 * Up to `limit` conversations with turns but no signature yet (the demo, workspaces upgraded from
 * before near-duplicates, imported seeds), oldest first so each is compared with what came before.
 */
export async function conversationsWithoutSignature(db: Db, limit: number): Promise<{ id: string; turns: string }[]> {
  return queryRows<{ id: string; turns: string }>(db, sql`
    select c.id, t.turns from conversations c
    join conversation_transcripts t on t.conversation_id = c.id
    where c.turn_count > 0 and not exists (select 1 from conversation_minhash m where m.conversation_id = c.id)
    order by coalesce(c.generated_at, c.created_at), c.conversation_id
    limit ${limit}`);
}

/** How many conversations are marked as near-duplicates. */
export async function nearDuplicateCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(conversations).where(isNotNull(conversations.nearDuplicateOf));
  return row.n;
}

export interface NearDuplicatePair {
  id: string;
  conversationId: string;
  title: string;
  of: { id: string; conversationId: string; title: string };
  similarity: number;
}

/** The most similar near-duplicate pairs first. */
export async function topNearDuplicates(db: Db, limit: number): Promise<NearDuplicatePair[]> {
  const rows = await queryRows<{ id: string; conversation_id: string; title: string; of_id: string; of_conversation_id: string; of_title: string; similarity: number }>(db, sql`
    select c.id, c.conversation_id, c.title, d.id as of_id, d.conversation_id as of_conversation_id, d.title as of_title, c.near_duplicate_similarity as similarity
    from conversations c join conversations d on d.id = c.near_duplicate_of
    order by c.near_duplicate_similarity desc, c.conversation_id
    limit ${limit}`);
  return rows.map((r) => ({
    id: r.id,
    conversationId: r.conversation_id,
    title: r.title,
    of: { id: r.of_id, conversationId: r.of_conversation_id, title: r.of_title },
    similarity: Number(r.similarity),
  }));
}

/** Conversations with text not yet checked at the current threshold: no signature yet, or a mark decided at another threshold. */
export async function uncheckedCount(db: Db, threshold: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select (select count(*)::int from conversations c where c.turn_count > 0 and not exists (select 1 from conversation_minhash m where m.conversation_id = c.id))
      + (select count(*)::int from conversation_minhash m where m.marked_at_threshold is distinct from ${threshold}::real) as n`,
  );
  return row.n;
}
