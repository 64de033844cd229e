import { eq } from 'drizzle-orm';
import { DEFAULT_PREFERENCES, preferences, storedShortcuts, type Preferences, type PreferencesPatch } from '../contract/preferences';
import type { Db } from '../db/client';
import { userPreferences } from '../db/schema';

/** The user's preferences; stored values that no longer fit the schema fall back to defaults one by one. */
export async function getPreferences(db: Db, userId: string): Promise<Preferences> {
  const [row] = await db.select({ values: userPreferences.values }).from(userPreferences).where(eq(userPreferences.userId, userId));
  const stored = row?.values ?? {};
  const out: Record<string, unknown> = { ...DEFAULT_PREFERENCES };
  for (const [key, schema] of Object.entries(preferences.shape)) {
    const parsed = (key === 'shortcuts' ? storedShortcuts : schema).safeParse(stored[key]);
    if (parsed.success && stored[key] !== undefined) out[key] = parsed.data;
  }
  return out as Preferences;
}

export async function updatePreferences(db: Db, userId: string, patch: PreferencesPatch): Promise<Preferences> {
  const next = { ...(await getPreferences(db, userId)), ...patch };
  await db
    .insert(userPreferences)
    .values({ userId, values: next })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { values: next, updatedAt: new Date() } });
  return next;
}
