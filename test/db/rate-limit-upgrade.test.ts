import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../../src/db/client';
import { migrateDatabase } from '../../src/db/migrate';
import { getSettings } from '../../src/settings/workspace-settings';
import { migrationsBefore } from '../support/migrations';

/** A database as the release before learned rate limits left it, with `prepare` run on it, then upgraded. */
async function upgraded(prepare: (database: Database) => Promise<void>, check: (database: Database) => Promise<void>) {
  const older = migrationsBefore('0012_provider_rate_limits');
  const database = await openDatabase({});
  try {
    await migrateDatabase(database, older);
    await prepare(database);
    await migrateDatabase(database);
    await check(database);
  } finally {
    await database.close();
    fs.rmSync(older, { recursive: true, force: true });
  }
}

const storeSettings = (database: Database, preset: string) =>
  database.db.execute(sql`insert into workspace_settings (id, values) values (1, ${JSON.stringify({ generation: { rateLimitPreset: preset, concurrency: 4 }, budget: { warnAtPercent: 70 } })}::jsonb)`);

describe('upgrading a database from before learned rate limits', () => {
  it('learns where tier 1 was only the old default, keeps it where an admin chose it, and relabels connection failures', async () => {
    await upgraded(
      async (database) => {
        // Saving any other setting stored the whole section, default preset included.
        await storeSettings(database, 'anthropic-tier-1');
        await database.db.execute(sql`insert into settings_history (key, old_value, new_value) values ('budget.warnAtPercent', '80', '70')`);
        await database.db.execute(sql`insert into generation_logs (provider, model, status, error_kind, error_message, http_status) values
          ('openai', 'm', 'error', 'server', 'Could not reach the provider (Connection error.).', null),
          ('openai', 'm', 'error', 'server', 'The provider had an internal error. (500: boom)', 500)`);
      },
      async (database) => {
        expect((await getSettings(database.db)).generation).toMatchObject({ rateLimitPreset: 'learn', concurrency: 4, rateLimitOverrides: {} });
        const kinds = await queryRows<{ error_kind: string }>(database.db, sql`select error_kind from generation_logs order by http_status nulls first`);
        expect(kinds.map((k) => k.error_kind)).toEqual(['network', 'server']);
      },
    );
    await upgraded(
      async (database) => {
        await storeSettings(database, 'anthropic-tier-1');
        // Chosen on purpose (from tier 2 back to tier 1): the history says so.
        await database.db.execute(sql`insert into settings_history (key, old_value, new_value) values ('generation.rateLimitPreset', '"anthropic-tier-2"', '"anthropic-tier-1"')`);
      },
      async (database) => expect((await getSettings(database.db)).generation.rateLimitPreset).toBe('anthropic-tier-1'),
    );
    // Creates two databases from scratch and migrates each twice: slow on a busy machine.
  }, 180_000);
});
