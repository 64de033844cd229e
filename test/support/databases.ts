import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client';
import { TEMPLATE_DIR } from './paths';

export type Engine = 'pglite' | 'postgres';
export const ENGINES: Engine[] = ['pglite', 'postgres'];

const dumps = new Map<string, Blob>();

/**
 * A fresh database for one test: PGlite loaded from a migrated dump, or a PostgreSQL database
 * copied from a migrated template. `demo` includes the demo workspace.
 */
export async function openTestDatabase(engine: Engine = 'pglite', opts: { demo?: boolean } = {}): Promise<Database> {
  const variant = opts.demo ? 'demo' : 'empty';
  if (engine === 'pglite') {
    const file = path.join(TEMPLATE_DIR, `pglite-${variant}.tar`);
    if (!dumps.has(file)) dumps.set(file, new Blob([fs.readFileSync(file)]));
    return openDatabase({ loadDataDir: dumps.get(file) });
  }
  const adminUrl = inject('postgresUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template template_${variant}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: adminUrl.replace(/\/postgres$/, `/${name}`) });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
