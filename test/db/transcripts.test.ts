import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../../src/db/client';
import { migrateDatabase, migrationsFolder } from '../../src/db/migrate';
import { conversations, conversationTranscripts, conversationTurns } from '../../src/db/schema';
import { ENGINES, openTestDatabase } from '../support/databases';

/** The transcript the database keeps for a conversation, parsed; null when it has none. */
async function transcriptOf(database: Database, id: string) {
  const [row] = await database.db.select({ turns: conversationTranscripts.turns }).from(conversationTranscripts).where(eq(conversationTranscripts.conversationId, id));
  return row ? (JSON.parse(row.turns) as { role: string; content: string }[]) : null;
}

describe.each(ENGINES)('conversation transcripts on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { demo: true });
  });
  afterAll(() => database.close());

  const newConversation = async (conversationId: string) => {
    const [row] = await database.db
      .insert(conversations)
      .values({ conversationId, persona: 'p', emotion: 'e', topic: 't', intent: 'i', tone: 'o', tier: 'template' })
      .returning({ id: conversations.id });
    return row.id;
  };

  it('holds every stored conversation’s turns in turn order, matching the turn rows', async () => {
    const rows = await queryRows<{ mismatched: number; missing: number }>(
      database.db,
      sql`with expected as (
            select conversation_id, json_agg(json_build_object('role', role, 'content', content) order by turn_number)::text as turns
            from conversation_turns group by conversation_id)
          select count(*) filter (where x.turns is distinct from e.turns)::int as mismatched, count(*) filter (where x.conversation_id is null)::int as missing
          from expected e left join conversation_transcripts x on x.conversation_id = e.conversation_id`,
    );
    expect(rows[0]).toEqual({ mismatched: 0, missing: 0 });
    const [{ n }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from conversation_transcripts`);
    expect(n).toBeGreaterThan(0);
  });

  it('follows inserts (in any order), edits and deletes of turns', async () => {
    const id = await newConversation('transcript-1');
    expect(await transcriptOf(database, id)).toBeNull();
    // Inserted out of order: the transcript is in turn order all the same.
    await database.db.insert(conversationTurns).values([
      { conversationId: id, turnNumber: 2, role: 'assistant', content: 'Hello — "quoted", with a \\ and a\nnew line' },
      { conversationId: id, turnNumber: 1, role: 'user', content: 'Hi' },
    ]);
    expect(await transcriptOf(database, id)).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello — "quoted", with a \\ and a\nnew line' },
    ]);

    await database.db.update(conversationTurns).set({ content: 'Hi there' }).where(sql`${conversationTurns.conversationId} = ${id} and ${conversationTurns.turnNumber} = 1`);
    expect((await transcriptOf(database, id))?.[0]).toEqual({ role: 'user', content: 'Hi there' });

    await database.db.delete(conversationTurns).where(sql`${conversationTurns.conversationId} = ${id} and ${conversationTurns.turnNumber} = 2`);
    expect(await transcriptOf(database, id)).toEqual([{ role: 'user', content: 'Hi there' }]);

    // A regeneration deletes every turn, then stores the new ones.
    await database.db.delete(conversationTurns).where(eq(conversationTurns.conversationId, id));
    expect(await transcriptOf(database, id)).toBeNull();
    await database.db.insert(conversationTurns).values({ conversationId: id, turnNumber: 1, role: 'user', content: 'Again' });
    expect(await transcriptOf(database, id)).toEqual([{ role: 'user', content: 'Again' }]);
  });

  it('leaves other conversations’ transcripts alone and goes with a deleted conversation', async () => {
    const first = await newConversation('transcript-2');
    const second = await newConversation('transcript-3');
    await database.db.insert(conversationTurns).values([
      { conversationId: first, turnNumber: 1, role: 'user', content: 'First' },
      { conversationId: second, turnNumber: 1, role: 'user', content: 'Second' },
    ]);
    await database.db.delete(conversations).where(eq(conversations.id, first));
    expect(await transcriptOf(database, first)).toBeNull();
    expect(await transcriptOf(database, second)).toEqual([{ role: 'user', content: 'Second' }]);
  });

  it('rolls back with the transaction that changed the turns', async () => {
    const id = await newConversation('transcript-4');
    await database.db.insert(conversationTurns).values({ conversationId: id, turnNumber: 1, role: 'user', content: 'Kept' });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(conversationTurns).set({ content: 'Discarded' }).where(eq(conversationTurns.conversationId, id));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await transcriptOf(database, id)).toEqual([{ role: 'user', content: 'Kept' }]);
  });
});

/** A copy of the migrations folder that stops before `tag`, as a database from an older release saw it. */
function migrationsBefore(tag: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-migrations-'));
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('upgrading a database from before conversation transcripts', () => {
  it('fills the transcripts of the conversations it already holds', async () => {
    const older = migrationsBefore('0009_conversation_transcripts');
    const database = await openDatabase({});
    try {
      await migrateDatabase(database, older);
      const [{ id }] = await queryRows<{ id: string }>(
        database.db,
        sql`insert into conversations (conversation_id, persona, emotion, topic, intent, tone, tier, turn_count)
            values ('before-upgrade', 'p', 'e', 't', 'i', 'o', 'template', 2) returning id`,
      );
      await database.db.execute(sql`insert into conversation_turns (conversation_id, turn_number, role, content) values (${id}, 2, 'assistant', 'Hello'), (${id}, 1, 'user', 'Hi')`);

      await migrateDatabase(database);
      expect(await transcriptOf(database, id)).toEqual([
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
      ]);
    } finally {
      await database.close();
      fs.rmSync(older, { recursive: true, force: true });
    }
  });
});
