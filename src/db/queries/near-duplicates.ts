import { eq, isNotNull, sql } from 'drizzle-orm';
import { bandKeys, conversationText, estimateSimilarity, textSignature } from '../../core/minhash';
import { queryRows, type Db } from '../client';
import { conversationMinhash, conversations } from '../schema';

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
  // xmax is 0 for a freshly inserted row: only a replaced signature (a regeneration) can leave stale marks behind.
  const [upserted] = await db
    .insert(conversationMinhash)
    .values({ conversationId, signature, bandKeys: keys })
    .onConflictDoUpdate({ target: conversationMinhash.conversationId, set: { signature, bandKeys: keys, createdAt: sql`now()` } })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  const match = await bestEarlierMatch(db, conversationId, signature, keys, threshold);
  await db
    .update(conversations)
    .set({ nearDuplicateOf: match?.id ?? null, nearDuplicateSimilarity: match?.similarity ?? null })
    .where(eq(conversations.id, conversationId));
  if (!upserted.inserted) await recheckStaleMarks(db, conversationId, threshold);
  return match;
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
    await db
      .update(conversations)
      .set({ nearDuplicateOf: match?.id ?? null, nearDuplicateSimilarity: match?.similarity ?? null })
      .where(eq(conversations.id, row.id));
  }
}

async function bestEarlierMatch(db: Db, conversationId: string, signature: number[], keys: string[], threshold: number): Promise<NearDuplicateMatch | null> {
  const candidates = await queryRows<{ id: string; signature: number[] }>(
    db,
    sql`select m.conversation_id as id, m.signature from conversation_minhash m
      join conversations c on c.id = m.conversation_id
      join conversations s on s.id = ${conversationId}
      where m.band_keys && array[${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )}]::text[]
        and m.conversation_id <> ${conversationId}
        and (coalesce(c.generated_at, c.created_at), c.conversation_id) < (coalesce(s.generated_at, s.created_at), s.conversation_id)`,
  );
  let best: NearDuplicateMatch | null = null;
  for (const candidate of candidates) {
    const similarity = estimateSimilarity(signature, candidate.signature);
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { id: candidate.id, similarity };
  }
  return best;
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

/** Conversations with text that have no signature yet (the startup backfill has not reached them). */
export async function uncheckedCount(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from conversations c where c.turn_count > 0 and not exists (select 1 from conversation_minhash m where m.conversation_id = c.id)`);
  return row.n;
}
