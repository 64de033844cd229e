/**
 * The convgen app inside the bench's own process (services and routes, requests by inject, no
 * HTTP), on a fresh PGlite folder: for benches of the machinery behind the routes, where a
 * separate server process would only add its HTTP round trips.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/env';
import { openDatabase } from '../../src/db/client';
import { buildApp } from '../../src/server/app';
import { startServices } from '../../src/server/start';
import { BENCH_ADMIN, BENCH_API_TOKEN } from './server';

/**
 * Starts the app on a new folder named after the bench; `env` adds to (and wins over) the
 * bench defaults: an admin, the API token, and no logging.
 */
export async function startInProcessApp(name: string, env: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `convgen-bench-${name}-`));
  const database = await openDatabase({ dataDir });
  const config = loadConfig({
    ...process.env,
    CONVGEN_DATA_DIR: dataDir,
    CONVGEN_ADMIN_EMAIL: BENCH_ADMIN.email,
    CONVGEN_ADMIN_PASSWORD: BENCH_ADMIN.password,
    CONVGEN_API_TOKEN: BENCH_API_TOKEN,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const services = await startServices(config, () => {}, database);
  const app = await buildApp(services.ctx);
  return {
    app,
    services,
    db: database.db,
    /** The bearer token's header, for inject. */
    headers: { authorization: `Bearer ${BENCH_API_TOKEN}` },
    close: async () => {
      await app.close();
      await services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
