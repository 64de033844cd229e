import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client';
import { migrateDatabase } from '../../src/db/migrate';
import { seedDemoWorkspace } from '../../src/db/seed/seed-demo';
import { startTestPostgres } from './postgres';
import { TEMPLATE_DIR } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** Dumps a migrated PGlite database (empty and with the demo) that each test loads in ~0.5 s. */
async function dumpPglite(file: string, demo: boolean) {
  const database = await openDatabase({});
  await migrateDatabase(database);
  if (demo) await seedDemoWorkspace(database.db);
  const client = (database.db as unknown as { $client: { dumpDataDir: (c: 'none') => Promise<Blob> } }).$client;
  const blob = await client.dumpDataDir('none');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await database.close();
}

/** Creates template databases on the throwaway server; each test copies one with CREATE DATABASE … TEMPLATE. */
async function preparePostgresTemplates(url: (db: string) => string) {
  const admin = new pg.Client({ connectionString: url('postgres') });
  await admin.connect();
  for (const [name, demo] of [
    ['template_empty', false],
    ['template_demo', true],
  ] as const) {
    await admin.query(`create database ${name}`);
    const database = await openDatabase({ databaseUrl: url(name) });
    await migrateDatabase(database);
    if (demo) await seedDemoWorkspace(database.db);
    await database.close();
  }
  await admin.end();
}

export default async function setup(project: TestProject) {
  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  const postgres = await startTestPostgres();
  await Promise.all([
    dumpPglite(path.join(TEMPLATE_DIR, 'pglite-empty.tar'), false),
    dumpPglite(path.join(TEMPLATE_DIR, 'pglite-demo.tar'), true),
    preparePostgresTemplates(postgres.url),
  ]);
  project.provide('postgresUrl', postgres.url('postgres'));
  return () => postgres.stop();
}
