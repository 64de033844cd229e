import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { workspaceSettings } from '../../src/db/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { encryptSecret } from '../../src/settings/secrets';
import { KEY_FILE_NAME, resolveWorkspaceSecret } from '../../src/settings/workspace-secret';
import { getSecret } from '../../src/settings/workspace-settings';
import { ENGINES, openTestDatabase } from '../support/databases';

const storedValues = async (database: Database) => {
  const [row] = await database.db.select({ values: workspaceSettings.values }).from(workspaceSettings).where(eq(workspaceSettings.id, 1));
  return (row?.values ?? {}) as Record<string, unknown>;
};

describe.each(ENGINES)('the workspace secret (%s)', (engine) => {
  let database: Database;
  let dataDir: string;
  beforeEach(async () => {
    database = await openTestDatabase(engine, { demo: false });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-secret-'));
  });
  afterEach(async () => {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is generated into a key file only the owner can read, and only a check value is stored', async () => {
    const secret = await resolveWorkspaceSecret({ db: database.db, dataDir, fromEnv: undefined, mayCreate: true });
    const keyFile = path.join(dataDir, KEY_FILE_NAME);
    expect(fs.readFileSync(keyFile, 'utf8').trim()).toBe(secret);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const stored = await storedValues(database);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.secretCheck).toMatch(/^[0-9a-f]{64}$/);
    // The next start reads the same secret back.
    expect(await resolveWorkspaceSecret({ db: database.db, dataDir, fromEnv: undefined, mayCreate: true })).toBe(secret);
  });

  it('moves a secret an older version kept in the database out of it, keeping stored API keys readable', async () => {
    const legacy = 'legacy-secret-legacy-secret-0123';
    const values = { authSecret: legacy, secrets: { anthropicApiKey: encryptSecret('sk-ant-kept-1234', legacy) } };
    await database.db.execute(sql`insert into workspace_settings (id, values) values (1, ${JSON.stringify(values)}::jsonb) on conflict (id) do update set values = excluded.values`);

    const secret = await resolveWorkspaceSecret({ db: database.db, dataDir, fromEnv: undefined, mayCreate: true });
    expect(secret).toBe(legacy);
    expect(fs.readFileSync(path.join(dataDir, KEY_FILE_NAME), 'utf8').trim()).toBe(legacy);
    const stored = await storedValues(database);
    expect(stored).not.toHaveProperty('authSecret');
    expect(JSON.stringify(stored)).not.toContain(legacy);
    expect(await getSecret(database.db, 'anthropicApiKey', secret)).toBe('sk-ant-kept-1234');
  });

  it('uses CONVGEN_SECRET when set, without writing a key file', async () => {
    const secret = await resolveWorkspaceSecret({ db: database.db, dataDir, fromEnv: 'from-the-environment-0123456789', mayCreate: true });
    expect(secret).toBe('from-the-environment-0123456789');
    expect(fs.existsSync(path.join(dataDir, KEY_FILE_NAME))).toBe(false);
  });

  it('tells an extra worker without the server\'s secret what to do, instead of generating without the stored keys', async () => {
    await resolveWorkspaceSecret({ db: database.db, dataDir, fromEnv: undefined, mayCreate: true });
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-worker-'));
    try {
      await expect(resolveWorkspaceSecret({ db: database.db, dataDir: elsewhere, fromEnv: undefined, mayCreate: false })).rejects.toMatchObject({ code: 'secret_missing', hint: expect.stringMatching(/CONVGEN_SECRET/) });
      await expect(resolveWorkspaceSecret({ db: database.db, dataDir: elsewhere, fromEnv: 'some-other-secret-0123456789', mayCreate: false })).rejects.toMatchObject({ code: 'secret_mismatch' });
      const serverSecret = fs.readFileSync(path.join(dataDir, KEY_FILE_NAME), 'utf8').trim();
      expect(await resolveWorkspaceSecret({ db: database.db, dataDir: elsewhere, fromEnv: serverSecret, mayCreate: false })).toBe(serverSecret);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
