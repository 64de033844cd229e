import fs from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../../src/db/client';
import { migrateDatabase } from '../../src/db/migrate';
import { conversations, conversationTranscripts } from '../../src/db/schema';
import { ENGINES, openTestDatabase } from '../support/databases';
import { migrationsBefore } from '../support/migrations';

/** The transcript stored for a conversation, parsed; null when it has none. */
async function transcriptOf(database: Database, id: string) {
  const [row] = await database.db.select({ turns: conversationTranscripts.turns }).from(conversationTranscripts).where(eq(conversationTranscripts.conversationId, id));
  return row ? (JSON.parse(row.turns) as { role: string; content: string }[]) : null;
}

/** Conversations whose stored transcript is missing or differs from their turn rows. */
async function mismatches(database: Database) {
  return queryRows<{ conversation_id: string }>(
    database.db,
    sql`with expected as (
          select conversation_id, json_agg(json_build_object('role', role, 'content', content) order by turn_number)::jsonb as turns
          from conversation_turns group by conversation_id)
        select c.id as conversation_id
        from conversations c
          left join expected e on e.conversation_id = c.id
          left join conversation_transcripts x on x.conversation_id = c.id
        where e.turns is distinct from x.turns::jsonb`,
  );
}

// Generation's part (stored with the turns, replaced on regeneration, kept when the lease is
// lost) is tested with the worker in generation-worker.test.ts.
describe.each(ENGINES)('conversation transcripts on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { demo: true });
  });
  afterAll(() => database.close());

  it('match the turns of every conversation in the demo workspace, and exist only where there are turns', async () => {
    expect(await mismatches(database)).toEqual([]);
    const [{ n }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from conversation_transcripts`);
    expect(n).toBeGreaterThan(0);
  });

  it('go with a deleted conversation', async () => {
    const [seed] = await queryRows<{ id: string }>(database.db, sql`select conversation_id as id from conversation_transcripts limit 1`);
    await database.db.delete(conversations).where(eq(conversations.id, seed.id));
    expect(await transcriptOf(database, seed.id)).toBeNull();
  });
});

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
      await database.db.execute(sql`insert into conversation_turns (conversation_id, turn_number, role, content) values (${id}, 2, 'assistant', 'Hello — "quoted", with a \\ and a
new line'), (${id}, 1, 'user', 'Hi')`);

      await migrateDatabase(database);
      expect(await transcriptOf(database, id)).toEqual([
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello — "quoted", with a \\ and a\nnew line' },
      ]);
      expect(await mismatches(database)).toEqual([]);
    } finally {
      await database.close();
      fs.rmSync(older, { recursive: true, force: true });
    }
    // Creates a database from scratch and migrates it twice: slow on a busy machine.
  }, 120_000);
});
