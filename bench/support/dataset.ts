/**
 * The benches' data: the demo workspace, and on top of it the bench data set of generated
 * conversations (bench-000001, …) that most benches measure against.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database, type DatabaseOptions } from '../../src/db/client';
import { migrateDatabase } from '../../src/db/migrate';
import { seedDemoWorkspace } from '../../src/db/seed/seed-demo';
import { loadConversations } from './load-conversations';

const TURNS = 12;

/**
 * Opens `connection` (`{}`: in memory), migrated and seeded with the demo workspace, so the bench
 * conversations find the catalog, templates and chunks they draw from. The caller closes it.
 */
export async function openDemoWorkspace(connection: DatabaseOptions): Promise<Database> {
  const database = await openDatabase(connection);
  await migrateDatabase(database);
  await seedDemoWorkspace(database.db);
  return database;
}

/**
 * The demo workspace plus `count` bench conversations of `turnsEach` turns, left open for the
 * bench's own additions (templates, chunks, signatures); the caller closes it.
 */
export async function openWorkspaceWithConversations(connection: DatabaseOptions, count: number, turnsEach: number, log: (msg: string) => void): Promise<Database> {
  const database = await openDemoWorkspace(connection);
  log(`Loading ${count.toLocaleString()} conversations…`);
  await loadConversations(database.db, count, turnsEach, log);
  return database;
}

/** The bench data set: the demo workspace plus `count` generated conversations of 12 turns, analysed and closed. */
export async function prepareDataset(connection: DatabaseOptions, count: number, log: (msg: string) => void) {
  const started = Date.now();
  const database = await openDemoWorkspace(connection);
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
