import { count, desc, eq } from 'drizzle-orm';
import { SECRET_SETTINGS, type SettingsHistoryPage, type SettingsHistoryQuery } from '../contract/settings';
import type { Db } from '../db/client';
import { settingsHistory, user } from '../db/schema';

const isSecretKey = (key: string) => SECRET_SETTINGS.some((name) => key === name || key.startsWith(`${name}.`) || key === 'secrets' || key.startsWith('secrets.'));

/** A secret's history shows only that it changed: "set" or "removed", never a value or its last characters. */
function mask(key: string, value: unknown): unknown {
  if (!isSecretKey(key)) return value;
  if (value === null || value === undefined) return null;
  return value === 'removed' ? 'removed' : 'set';
}

/** The settings audit trail (US14.1.2), newest first, with who made each change. */
export async function listSettingsHistory(db: Db, query: SettingsHistoryQuery): Promise<SettingsHistoryPage> {
  const rows = await db
    .select({
      id: settingsHistory.id,
      key: settingsHistory.key,
      oldValue: settingsHistory.oldValue,
      newValue: settingsHistory.newValue,
      changedAt: settingsHistory.changedAt,
      userId: user.id,
      userName: user.name,
      userEmail: user.email,
    })
    .from(settingsHistory)
    .leftJoin(user, eq(user.id, settingsHistory.changedBy))
    .orderBy(desc(settingsHistory.changedAt), desc(settingsHistory.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(settingsHistory);
  return {
    items: rows.map((r) => ({
      id: r.id,
      key: r.key,
      oldValue: mask(r.key, r.oldValue),
      newValue: mask(r.key, r.newValue),
      changedBy: r.userId ? { id: r.userId, name: r.userName ?? '', email: r.userEmail ?? '' } : null,
      changedAt: new Date(r.changedAt).toISOString(),
    })),
    total,
  };
}
