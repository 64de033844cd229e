/**
 * Where a bench's workspace database lives: a fresh PGlite folder, or with engine 'postgres' a
 * fresh database on a throwaway PostgreSQL server (Debian's binaries, as the database tests use).
 * Both go away with remove(), so a bench leaves nothing behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseOptions } from '../../src/db/client';
import { startTestPostgres } from '../../test/support/postgres';

export type Engine = 'pglite' | 'postgres';

export interface BenchStore {
  engine: Engine;
  /** The engine's name as the benches print it. */
  label: 'PGlite' | 'PostgreSQL';
  /** A fresh folder: PGlite's files, or on PostgreSQL only the server's own (its workspace secret). */
  dataDir: string;
  /** Set on PostgreSQL only. */
  databaseUrl?: string;
  /** What openDatabase needs to open this store. */
  connection: DatabaseOptions;
  remove(): void;
}

/** BENCH_ENGINE=postgres picks PostgreSQL for the benches that can run on either. */
export function engineFromEnv(): Engine {
  return process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

/** `name` goes into the folder's name, so a leftover one says which bench made it. */
export async function createStore(name: string, engine: Engine = 'pglite'): Promise<BenchStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `convgen-bench-${name}-`));
  const postgres = engine === 'postgres' ? await startTestPostgres() : null;
  let databaseUrl: string | undefined;
  if (postgres) {
    const admin = await openDatabase({ databaseUrl: postgres.url('postgres') });
    await admin.db.execute(sql`create database bench`);
    await admin.close();
    databaseUrl = postgres.url('bench');
  }
  return {
    engine,
    label: engine === 'pglite' ? 'PGlite' : 'PostgreSQL',
    dataDir,
    databaseUrl,
    connection: databaseUrl ? { databaseUrl } : { dataDir },
    remove: () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      postgres?.stop();
    },
  };
}
