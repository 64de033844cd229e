import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema';
import { acquireDataDirLock } from './lockfile';

export type Schema = typeof schema;
/** The common face of the PGlite and node-postgres Drizzle databases. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** The transaction `db.transaction(async (tx) => …)` hands its callback. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — when set, PostgreSQL is used instead of the embedded database. */
  databaseUrl?: string;
  /** Folder for PGlite files; `undefined` with no databaseUrl means in-memory. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (tests use a migrated template). */
  loadDataDir?: Blob;
}

/**
 * The embedded database's buffer cache. It lives inside the convgen process, and WebAssembly
 * memory never shrinks once touched, so it counts fully against the server's memory. With
 * 100,000 conversations, 64 MB kept every table and review-screen goal (text search as fast as
 * with PGlite's default 128 MB; the first load of the table about 130 ms slower) for about 70 MB
 * less memory; 32 MB made text search 40 % slower.
 */
const PGLITE_SHARED_BUFFERS = process.env.CONVGEN_PGLITE_SHARED_BUFFERS ?? '64MB';

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection the server ends (a restart, an administrator) is dropped and replaced
    // by the pool; without a listener its error event would crash the process.
    pool.on('error', (err) => console.warn(`[convgen] A database connection was closed by the server: ${err.message}`));
    // Fail fast with the real connection error rather than at the first query.
    await pool.query('select 1');
    return { db: drizzlePg(pool, { schema }) as unknown as Db, kind: 'postgres', close: () => pool.end() };
  }
  const release = opts.dataDir ? acquireDataDirLock(opts.dataDir) : () => {};
  try {
    const client = await PGlite.create({
      dataDir: opts.dataDir ? path.join(opts.dataDir, 'pglite') : undefined,
      loadDataDir: opts.loadDataDir,
      extensions: { pg_trgm },
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    });
    return {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      kind: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Runs raw SQL and returns its rows (PGlite and node-postgres both answer `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
