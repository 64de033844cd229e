/** The benches' data set: the demo workspace plus `count` generated conversations of 12 turns, on PGlite in `dataDir`. */
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { seedDemoWorkspace } from '../src/db/seed/seed-demo';
import { loadConversations } from './load-conversations';

const TURNS = 12;

/**
 * The Node flags `npm start` (package.json) and the convgen command (its #! line) run the server
 * with. A heap limit makes V8 collect garbage early: with Node's default (about 4 GB here) an
 * export of 100,000 conversations grew the server to 400+ MB of mostly dead objects; with a limit
 * of 1 GB it stays near 250 MB, and no request comes near the limit.
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=1024'];

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

