import fs from 'node:fs';
import path from 'node:path';
import { hashStoredSessionTokens } from '../accounts/sessions';
import { firstAdminId, registerApiToken, upsertAdmin } from '../accounts/users';
import type { AppConfig } from '../config/env';
import { openDatabase, type Database } from '../db/client';
import { scheduleMaintenance, type MaintenanceSchedule } from '../db/maintenance';
import { createReportCache } from '../db/report-cache';
import { migrateDatabase } from '../db/migrate';
import { isWorkspaceEmpty, seedDemoWorkspace } from '../db/seed/seed-demo';
import { installDefaults } from '../db/seed/install-defaults';
import { createProviderSource } from '../generation/choose-provider';
import { recoverRuns } from '../generation/run-control';
import { createMailer } from '../notify/mailer';
import { startWorker, type Worker } from '../generation/worker';
import { keepNearDuplicatesCurrent, stopNearDuplicateChecks } from '../duplicates/near-duplicates';
import { scheduleRetention, type RetentionSchedule } from '../retention/schedule';
import { BulkActions } from '../review/bulk-actions';
import { DocumentProcessor } from '../documents/document-processor';
import { resolveWorkspaceSecret } from '../settings/workspace-secret';
import { startRescoring, stopRescoring } from '../quality/rescore';
import { buildApp } from './app';
import { createAuth } from './auth';
import type { AppContext } from './context';
import { projectRoot } from '../config/project-root';

export const packageVersion: string = JSON.parse(
  fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'),
).version;

export interface Services {
  ctx: AppContext;
  worker: Worker | null;
  /** Log retention (US9.3.1): deletes and compresses old log rows. */
  retention: RetentionSchedule;
  /** VACUUM ANALYZE of the churning tables after bulk actions, and hourly on PGlite (which has no autovacuum). */
  maintenance: MaintenanceSchedule;
  close(): Promise<void>;
}

/**
 * Opens and migrates the database, installs the built-in defaults, seeds the demo into an empty workspace, applies the admin
 * and token from the environment, and starts the in-process worker. Shared by `convgen start`
 * and the tests.
 */
export async function startServices(config: AppConfig, log: (msg: string) => void = () => {}, database?: Database): Promise<Services> {
  const db = database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrateDatabase(db);
  // Every workspace, demo or not, gets the built-in defaults it has not had yet.
  const defaults = await installDefaults(db.db);
  if (defaults.installed) log(`Installed ${defaults.installed} built-in defaults (emotions, intents, tones, arcs, templates, edge cases).`);
  if (config.demo && (await isWorkspaceEmpty(db.db))) {
    const seeded = await seedDemoWorkspace(db.db);
    log(`Seeded the demo workspace: ${seeded.planned} planned and ${seeded.seeds} seed conversations.`);
  }
  const adminId = config.adminEmail && config.adminPassword ? await upsertAdmin(db.db, config.adminEmail, config.adminPassword) : await firstAdminId(db.db);
  if (config.apiToken) {
    if (adminId) await registerApiToken(db.db, adminId, config.apiToken, 'CONVGEN_API_TOKEN', { replaceSameName: true });
    else log('CONVGEN_API_TOKEN is set, but there is no admin yet: create one on the first-run page (or with CONVGEN_ADMIN_EMAIL/PASSWORD) and restart.');
  }
  const converted = await hashStoredSessionTokens(db.db);
  if (converted) log(`Stored ${converted} session token(s) as hashes; nobody is signed out.`);
  const secret = await resolveWorkspaceSecret({ db: db.db, dataDir: config.dataDir, fromEnv: config.secret, mayCreate: true });
  const providers = createProviderSource(db.db, config, secret);
  const baseURL = config.publicUrl ?? `http://localhost:${config.port}`;
  let worker: Worker | null = null;
  const bulkActions = new BulkActions({ db: db.db, kind: db.kind, batchSize: config.bulkBatchSize, onFinished: (tables, changed) => maintenance.afterBulkWrite(tables, changed) });
  const maintenance = scheduleMaintenance(db, { log, busy: () => bulkActions.busy() });
  const ctx: AppContext = {
    database: db,
    config,
    auth: createAuth({ db: db.db, secret, baseURL }),
    providers,
    secret,
    version: packageVersion,
    wakeWorker: () => worker?.wake(),
    bulkActions,
    maintenance,
    documents: new DocumentProcessor(db.db, log),
    reports: createReportCache(db.db),
  };
  // With PGlite this process is the only one on the database: any claimed upload was interrupted.
  await ctx.documents.resume({ all: db.kind === 'pglite' });
  if (config.runWorker) {
    // With PGlite this process is the only one on the database, so anything left in progress
    // was interrupted by a restart and can go straight back to the queue.
    const recovered = await recoverRuns(db.db, { releaseInProgress: db.kind === 'pglite' });
    if (recovered.resumed) log(`Resuming ${recovered.resumed} generation run(s) that were going when convgen stopped.`);
    if (recovered.interrupted) log(`${recovered.interrupted} interrupted run(s) wait for Resume.`);
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log: (msg) => log(msg) });
    worker = startWorker({ db: db.db, providers, mailer, appUrl: baseURL, batchPollMs: config.batchPollMs, log: (msg, err) => log(`${msg}${err ? `: ${String(err)}` : ''}`) });
  }
  // Runs now in the background (the server starts meanwhile), then every 6 hours.
  const retention = scheduleRetention(db.db, log);
  // Scores stored by older quality criteria are brought up to date in the background, without holding up the start.
  startRescoring(db.db, { log });
  keepNearDuplicatesCurrent(db.db, log);
  return {
    ctx,
    worker,
    retention,
    maintenance,
    async close() {
      // Bulk actions stop after their current batch: what they did stays done, and can be undone.
      await bulkActions.stopAll();
      await ctx.documents.stop();
      await maintenance.stop();
      await retention.stop();
      await stopRescoring(db.db);
      await stopNearDuplicateChecks(db.db);
      await worker?.stop();
      await db.close();
    },
  };
}

export async function startServer(config: AppConfig) {
  const log = (msg: string) => console.log(`[convgen] ${msg}`);
  const services = await startServices(config, log);
  const app = await buildApp(services.ctx, { logger: config.logLevel === 'silent' ? false : { level: config.logLevel }, serveWeb: true });
  await app.listen({ port: config.port, host: config.host });
  const where = services.ctx.database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  log(`convgen ${packageVersion} is running at http://localhost:${config.port} (${where}, provider: ${(await services.ctx.providers.current()).info.name}).`);
  const shutdown = async () => {
    log('Shutting down…');
    await app.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { app, services };
}
