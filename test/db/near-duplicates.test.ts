import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client';
import { checkNearDuplicate } from '../../src/db/queries/near-duplicates';
import { conversations } from '../../src/db/schema';
import { openTestDatabase } from '../support/databases';

const TEXT = 'The emergency fund should cover three to six months of essential expenses before any investing starts, kept in a savings account you can reach within a day.';
const OTHER = 'A Roth conversion moves money from a traditional account into a Roth account, and the converted amount counts as income in the year of the conversion.';

describe('the near-duplicate check', () => {
  let database: Database;
  const ids: Record<string, string> = {};
  const mark = async (key: string) => {
    const [row] = await database.db.select({ of: conversations.nearDuplicateOf, similarity: conversations.nearDuplicateSimilarity }).from(conversations).where(eq(conversations.id, ids[key]));
    return row;
  };
  /** Stored as a run stores it: generated now, so it is the latest. */
  const store = async (key: string, text: string) => {
    await database.db.update(conversations).set({ generatedAt: sql`clock_timestamp()` }).where(eq(conversations.id, ids[key]));
    return checkNearDuplicate(database.db, ids[key], [{ content: text }], 0.85);
  };

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    for (const key of ['first', 'copy', 'fresh']) {
      const [row] = await database.db.insert(conversations).values({ conversationId: `nd-${key}`, persona: 'p', emotion: 'e', topic: 't', intent: 'i', tone: 'o', tier: 'template' }).returning({ id: conversations.id });
      ids[key] = row.id;
    }
  });
  afterAll(() => database.close());

  it('writes the band index at each insert, so no lookup has to read a pending list', async () => {
    const [row] = await queryRows<{ reloptions: string[] }>(database.db, sql`select reloptions from pg_class where relname = 'conversation_minhash_bands_idx'`);
    expect(row.reloptions).toContain('fastupdate=off');
  });

  it('marks a later copy as a near-duplicate of the earlier conversation, and leaves the earlier and a different text alone', async () => {
    expect(await store('first', TEXT)).toBeNull();
    expect(await store('copy', `${TEXT} Thanks!`)).toMatchObject({ id: ids.first });
    expect(await store('fresh', OTHER)).toBeNull();
    expect((await mark('copy')).of).toBe(ids.first);
    expect((await mark('copy')).similarity).toBeGreaterThanOrEqual(0.85);
    expect(await mark('first')).toEqual({ of: null, similarity: null });
    expect(await mark('fresh')).toEqual({ of: null, similarity: null });
  });

  it('clears the mark when a conversation is stored again with different text', async () => {
    expect(await store('copy', OTHER.replace('Roth', 'backdoor Roth'))).toMatchObject({ id: ids.fresh });
    expect((await mark('copy')).of).toBe(ids.fresh);
    expect(await store('copy', 'Something else entirely: how a health savings account is invested once the balance passes the deductible.')).toBeNull();
    expect(await mark('copy')).toEqual({ of: null, similarity: null });
  });

  it('turns a pair around when the earlier one is regenerated with the same text', async () => {
    expect(await store('copy', TEXT)).toMatchObject({ id: ids.first, similarity: 1 });
    // Regenerated, "first" is now the later of the two: it is the copy, and the old mark pointing at it is gone.
    expect(await store('first', TEXT)).toMatchObject({ id: ids.copy, similarity: 1 });
    expect((await mark('first')).of).toBe(ids.copy);
    expect(await mark('copy')).toEqual({ of: null, similarity: null });
  });
});
