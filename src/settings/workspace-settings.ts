import { eq } from 'drizzle-orm';
import { SECRET_SETTINGS, workspaceSettingsSchema, type SecretSetting, type SettingsPatch, type SettingsResponse, type WorkspaceSettings } from '../contract/settings';
import { AppError } from '../core/errors';
import type { Db } from '../db/client';
import { settingsHistory, workspaceSettings } from '../db/schema';
import { decryptSecret, encryptSecret } from './secrets';


type Stored = Record<string, unknown> & { secrets?: Partial<Record<SecretSetting, string>> };

async function readStored(db: Db): Promise<Stored> {
  const [row] = await db.select({ values: workspaceSettings.values }).from(workspaceSettings).where(eq(workspaceSettings.id, 1));
  return (row?.values ?? {}) as Stored;
}

/** The settings with defaults filled in; a section that no longer validates falls back to its defaults alone. */
export async function getSettings(db: Db): Promise<WorkspaceSettings> {
  const stored = await readStored(db);
  const sections = Object.keys(workspaceSettingsSchema.shape) as (keyof WorkspaceSettings)[];
  const valid = Object.fromEntries(
    sections.filter((key) => workspaceSettingsSchema.shape[key].safeParse(stored[key]).success).map((key) => [key, stored[key]]),
  );
  return workspaceSettingsSchema.parse(valid);
}

export async function getSecret(db: Db, name: SecretSetting, authSecret: string): Promise<string | undefined> {
  const stored = (await readStored(db)).secrets?.[name];
  return stored ? decryptSecret(stored, authSecret) : undefined;
}

const last4 = (value: string | undefined) => (value ? value.slice(-4) : null);

/** Settings for the API: secrets only as "configured, ends in …, from where". */
export async function presentSettings(db: Db, authSecret: string, env: Partial<Record<SecretSetting, string | undefined>>): Promise<SettingsResponse> {
  const settings = await getSettings(db);
  const status = async (name: SecretSetting) => {
    if (env[name]) return { configured: true, last4: last4(env[name]), source: 'environment' as const };
    const value = await getSecret(db, name, authSecret);
    return value ? { configured: true, last4: last4(value), source: 'settings' as const } : { configured: false, last4: null, source: 'none' as const };
  };
  return { ...settings, secrets: { anthropicApiKey: await status('anthropicApiKey'), openaiApiKey: await status('openaiApiKey') } };
}

function changedLeaves(before: unknown, after: unknown, prefix = ''): { key: string; from: unknown; to: unknown }[] {
  if (before && after && typeof before === 'object' && typeof after === 'object' && !Array.isArray(before) && !Array.isArray(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((k) => changedLeaves((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ key: prefix, from: before ?? null, to: after ?? null }];
}

/** Bumped on every change made by this process, so in-process caches notice at once. */
let localVersion = 0;
export const settingsVersion = () => localVersion;

/** Applies a patch in one transaction and records every changed value in the history (US14.1.2). */
export async function updateSettings(db: Db, patch: SettingsPatch, userId: string | null, authSecret: string): Promise<void> {
  await db.transaction(async (tx) => {
    const stored = await readStored(tx as unknown as Db);
    const before = await getSettings(tx as unknown as Db);
    const merged: Record<string, unknown> = { ...before };
    for (const section of Object.keys(workspaceSettingsSchema.shape) as (keyof WorkspaceSettings)[]) {
      if (patch[section]) merged[section] = { ...before[section], ...patch[section] };
    }
    // Rules across fields (a chunk overlap smaller than the chunk size) are checked on the merged result.
    const checked = workspaceSettingsSchema.safeParse(merged);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const field = issue.path.join('.');
      throw new AppError({ code: 'invalid_request', status: 400, message: `The field '${field}' ${issue.message}.`, hint: 'Correct that value and send the request again.', details: { field } });
    }
    const after = checked.data;
    const secrets = { ...(stored.secrets ?? {}) };
    const history = changedLeaves(before, after);
    for (const name of SECRET_SETTINGS) {
      const value = patch[name];
      if (value === undefined) continue;
      if (value === null) delete secrets[name];
      else secrets[name] = encryptSecret(value, authSecret);
      history.push({ key: name, from: null, to: value === null ? 'removed' : `set (…${last4(value)})` });
    }
    const values = { ...stored, ...after, secrets };
    await tx
      .insert(workspaceSettings)
      .values({ id: 1, values, updatedBy: userId })
      .onConflictDoUpdate({ target: workspaceSettings.id, set: { values, updatedBy: userId, updatedAt: new Date() } });
    if (history.length) await tx.insert(settingsHistory).values(history.map((h) => ({ key: h.key, oldValue: h.from, newValue: h.to, changedBy: userId })));
  });
  localVersion++;
}
