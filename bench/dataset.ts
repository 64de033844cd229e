/** The benches' data set: the demo workspace plus `count` generated conversations of 12 turns, on PGlite in `dataDir`. */
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { seedDemoWorkspace } from '../src/db/seed/seed-demo';
import { loadConversations } from './load-conversations';

const TURNS = 12;

/** `where` is a PGlite folder, or `{ databaseUrl }` for PostgreSQL. */
export async function prepareDataset(where: string | { databaseUrl: string }, count: number, log: (msg: string) => void) {
  const started = Date.now();
  const database = await openDatabase(typeof where === 'string' ? { dataDir: where } : where);
  await migrateDatabase(database);
  await seedDemoWorkspace(database.db);
  log(`Loading ${count.toLocaleString()} conversations with ${TURNS} turns each…`);
  await loadConversations(database.db, count, TURNS, log);
  await database.db.execute(sql`vacuum analyze`);
  const [counts] = await queryRows<{ conversations: number; turns: number }>(
    database.db,
    sql`select (select count(*) from conversations)::int as conversations, (select count(*) from conversation_turns)::int as turns`,
  );
  await database.close();
  log(`Loaded ${counts.conversations.toLocaleString()} conversations and ${counts.turns.toLocaleString()} turns in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

export async function waitForServer(url: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The server did not start.');
}

