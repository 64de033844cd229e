import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { workspaceSettings } from '../db/schema';

/** Internal values kept with the settings but never sent to a client. */
const SECRET_KEYS = new Set(['authSecret']);

export async function readSettings(db: Db): Promise<Record<string, unknown>> {
  const [row] = await db.select({ values: workspaceSettings.values }).from(workspaceSettings).where(eq(workspaceSettings.id, 1));
  return row?.values ?? {};
}

export function publicSettings(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_KEYS.has(key)));
}

/**
 * The secret that signs session cookies: CONVGEN_SECRET when set, otherwise one generated on
 * first start and kept in the database, so every process on the same database shares it.
 */
export async function ensureAuthSecret(db: Db, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  const generated = randomBytes(32).toString('base64url');
  await db
    .insert(workspaceSettings)
    .values({ id: 1, values: { authSecret: generated } })
    .onConflictDoUpdate({
      target: workspaceSettings.id,
      set: { values: sql`case when ${workspaceSettings.values} ? 'authSecret' then ${workspaceSettings.values} else ${workspaceSettings.values} || ${JSON.stringify({ authSecret: generated })}::jsonb end` },
    });
  const values = await readSettings(db);
  return String(values.authSecret);
}
