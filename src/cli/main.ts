import { Command } from 'commander';
import { loadConfig } from '../config/env';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { isWorkspaceEmpty, seedDemoWorkspace } from '../db/seed/seed-demo';
import { createUser } from '../accounts/users';
import { ROLES, isRole } from '../core/roles';
import { AppError } from '../core/errors';
import { ensureWebBuilt } from './build-web';
import { generateCommand } from './generate-command';
import { exportCommand } from './export-command';
import { documentsCommand } from './documents-command';
import { runsCommand } from './runs-command';
import { usersCommand } from './users-command';
import { planCommand } from './plan-command';
import { catalogCommand } from './catalog-command';
import { edgeCasesCommand } from './edge-cases-command';
import { documentsAnalyzeCommand } from './documents-analyze-command';
import { seedsCommand } from './seeds-command';
import { arcsCommand } from './arcs-command';
import { tiersCommand } from './tiers-command';
import { templateAnalyticsCommand } from './template-analytics-command';
import { preflightCommand } from './preflight-command';
import { qualityCommand } from './quality-command';
import { diversityCommand, duplicatesCommand } from './duplicates-command';
import { templatesCommand } from './templates-command';
import { scenariosCommand } from './scenarios-command';
import { regenerateCommand } from './regenerate-command';
import { coverageCommand } from './coverage-command';
import { createProviderSource } from '../generation/choose-provider';
import { createMailer } from '../notify/mailer';
import { resolveWorkspaceSecret } from '../settings/workspace-secret';
import { startWorker } from '../generation/worker';
import { packageVersion, startServer } from '../server/start';

const program = new Command();
program.name('convgen').description('Turn source documents into reviewed, LoRA-ready training conversations.').version(packageVersion);
// `--version` after a command is that command's own option (convgen templates activate ID --version 2), not the program's.
program.enablePositionalOptions();

program
  .command('start')
  .description('Build the web app if needed, migrate the database and serve convgen')
  .action(async () => {
    await ensureWebBuilt();
    await startServer(loadConfig());
  });

program
  .command('serve')
  .description('Migrate the database and serve convgen (expects the web app to be built)')
  .action(async () => {
    await startServer(loadConfig());
  });

program
  .command('worker')
  .description('Run an extra generation worker against the PostgreSQL database in DATABASE_URL')
  .action(async () => {
    const config = loadConfig();
    if (!config.databaseUrl) {
      throw new AppError({
        code: 'worker_needs_postgres',
        message: 'An extra worker needs a shared PostgreSQL database, but DATABASE_URL is not set.',
        hint: 'The embedded database belongs to the `convgen start` process, which already runs a worker. Set DATABASE_URL=postgres://… to add workers.',
      });
    }
    const database = await openDatabase({ databaseUrl: config.databaseUrl });
    await migrateDatabase(database);
    const secret = await resolveWorkspaceSecret({ db: database.db, dataDir: config.dataDir, fromEnv: config.secret, mayCreate: false });
    const worker = startWorker({
      db: database.db,
      providers: createProviderSource(database.db, config, secret),
      mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }),
      appUrl: config.publicUrl,
      log: (msg, err) => console.error(`[worker] ${msg}`, err ?? ''),
    });
    console.log(`[convgen] Worker ${worker.id} is generating from ${new URL(config.databaseUrl).host}. Stop it with Ctrl+C.`);
    const stop = async () => {
      await worker.stop();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('Apply database migrations and exit')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrateDatabase(database);
    await database.close();
    console.log('Migrations applied.');
  });

program
  .command('seed')
  .description('Seed the demo workspace into an empty database')
  .action(async () => {
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrateDatabase(database);
    if (!(await isWorkspaceEmpty(database.db))) console.log('The workspace already has content; nothing seeded.');
    else console.log(await seedDemoWorkspace(database.db));
    await database.close();
  });

program
  .command('user')
  .description('Create a user: convgen user create EMAIL --role ROLE --password PASSWORD')
  .argument('<action>', 'create')
  .argument('<email>')
  .option('--name <name>', 'display name')
  .option('--role <role>', `one of ${ROLES.join(', ')}`, 'viewer')
  .requiredOption('--password <password>', 'at least 8 characters')
  .action(async (action: string, email: string, options: { name?: string; role: string; password: string }) => {
    if (action !== 'create') throw new AppError({ code: 'invalid_argument', message: `Unknown action "${action}".`, hint: 'Use: convgen user create EMAIL --role ROLE --password PASSWORD' });
    if (!isRole(options.role)) throw new AppError({ code: 'invalid_argument', message: `Unknown role "${options.role}".`, hint: `Use one of: ${ROLES.join(', ')}.` });
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrateDatabase(database);
    const { id } = await createUser(database.db, { email, name: options.name ?? email, role: options.role, password: options.password });
    await database.close();
    console.log(`Created ${options.role} ${email} (${id}).`);
  });

program.addCommand(generateCommand());
program.addCommand(runsCommand());
program.addCommand(exportCommand());
program.addCommand(documentsCommand().addCommand(documentsAnalyzeCommand()));
program.addCommand(usersCommand());
program.addCommand(planCommand());
program.addCommand(catalogCommand());
program.addCommand(edgeCasesCommand());
program.addCommand(seedsCommand());
program.addCommand(tiersCommand());
program.addCommand(arcsCommand());
program.addCommand(templateAnalyticsCommand());
program.addCommand(preflightCommand());
program.addCommand(qualityCommand());
program.addCommand(duplicatesCommand());
program.addCommand(diversityCommand());
program.addCommand(templatesCommand());
program.addCommand(scenariosCommand());
program.addCommand(regenerateCommand());
program.addCommand(coverageCommand());

program.parseAsync().catch((err: unknown) => {
  if (err instanceof AppError) {
    console.error(`Error: ${err.message}${err.hint ? `\n${err.hint}` : ''}`);
  } else {
    console.error(err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
