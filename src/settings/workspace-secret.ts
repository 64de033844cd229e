import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../core/errors';
import type { Db } from '../db/client';
import { workspaceSettings } from '../db/schema';

export const KEY_FILE_NAME = 'convgen.key';

/**
 * The workspace secret signs session cookies and encrypts stored API keys. It must never sit in
 * the database beside what it protects: a copy of the database alone must not let anyone sign
 * in as a user or read the keys. So it comes from CONVGEN_SECRET, or from a key file (mode 0600)
 * in the data folder, created on first start. The database keeps only a check value (an HMAC of
 * a fixed text), so a process started with another secret is told so instead of silently
 * failing to read the stored keys.
 */
export interface SecretSources {
  db: Db;
  dataDir: string;
  fromEnv: string | undefined;
  /** `start` may create the key file; an extra `worker` must use the server's secret. */
  mayCreate: boolean;
}

const checkValueOf = (secret: string) => createHmac('sha256', secret).update('convgen-workspace-secret-check').digest('hex');

function sameCheck(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function readKeyFile(file: string): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  const value = fs.readFileSync(file, 'utf8').trim();
  if (value.length < 16) throw new AppError({ code: 'invalid_key_file', message: `The key file ${file} is damaged (it holds fewer than 16 characters).`, hint: 'Restore it from a backup, or set CONVGEN_SECRET to the secret it held.' });
  return value;
}

function writeKeyFile(file: string, secret: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written under another name and renamed, so a crash never leaves half a key.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${secret}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}

interface StoredSecretState {
  /** A secret kept in the database by versions before the key file: moved out on first start. */
  legacySecret?: string;
  secretCheck?: string;
}

async function readState(db: Db): Promise<StoredSecretState> {
  const [row] = await db.select({ values: workspaceSettings.values }).from(workspaceSettings).where(eq(workspaceSettings.id, 1));
  const values = (row?.values ?? {}) as Record<string, unknown>;
  return {
    legacySecret: typeof values.authSecret === 'string' ? values.authSecret : undefined,
    secretCheck: typeof values.secretCheck === 'string' ? values.secretCheck : undefined,
  };
}

/** Stores the check value and removes any secret a previous version kept in the database. */
async function storeCheck(db: Db, check: string) {
  const patch = JSON.stringify({ secretCheck: check });
  await db
    .insert(workspaceSettings)
    .values({ id: 1, values: { secretCheck: check } })
    .onConflictDoUpdate({ target: workspaceSettings.id, set: { values: sql`(${workspaceSettings.values} - 'authSecret') || ${patch}::jsonb` } });
}

export async function resolveWorkspaceSecret({ db, dataDir, fromEnv, mayCreate }: SecretSources): Promise<string> {
  const keyFile = path.join(dataDir, KEY_FILE_NAME);
  const state = await readState(db);
  let secret = fromEnv ?? readKeyFile(keyFile) ?? state.legacySecret;
  if (!secret) {
    if (!mayCreate || state.secretCheck) {
      throw new AppError({
        code: 'secret_missing',
        message: `This process has no workspace secret: CONVGEN_SECRET is not set and there is no key file at ${keyFile}.`,
        hint: 'Give it the same secret as the convgen server: set CONVGEN_SECRET to the same value, or copy the server\'s data/convgen.key into this data folder (CONVGEN_DATA_DIR).',
      });
    }
    secret = randomBytes(32).toString('base64url');
  }
  if (!fromEnv && !fs.existsSync(keyFile)) writeKeyFile(keyFile, secret);

  const check = checkValueOf(secret);
  if (state.secretCheck && !sameCheck(state.secretCheck, check)) {
    if (!mayCreate) {
      throw new AppError({
        code: 'secret_mismatch',
        message: 'This process\'s workspace secret is not the one the convgen server uses, so it could not read the stored API keys.',
        hint: 'Set CONVGEN_SECRET to the server\'s value, or copy the server\'s data/convgen.key into this data folder.',
      });
    }
    // The server's secret changed on purpose (or was lost): sessions signed with the old one
    // end, and API keys stored with it must be entered again in Settings.
    console.warn('[convgen] The workspace secret changed: everyone must sign in again, and API keys stored in Settings must be entered again.');
  }
  if (state.secretCheck !== check || state.legacySecret) await storeCheck(db, check);
  return secret;
}
