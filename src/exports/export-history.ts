import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { ExportHistoryQuery, ExportLogEntry } from '../contract/exports';
import { AppError } from '../core/errors';
import type { Db } from '../db/client';
import { exportLogs, user } from '../db/schema';

/** A date-only bound covers the whole day it names. */
function bound(value: string, end: boolean): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T${end ? '23:59:59.999' : '00:00:00.000'}Z`) : new Date(value);
}

function historyWhere(query: Omit<ExportHistoryQuery, 'page' | 'pageSize' | 'sort'>): SQL | undefined {
  return and(
    query.userId ? eq(exportLogs.userId, query.userId) : undefined,
    query.from ? gte(exportLogs.exportedAt, bound(query.from, false)) : undefined,
    query.to ? lte(exportLogs.exportedAt, bound(query.to, true)) : undefined,
    query.minCount !== undefined ? gte(exportLogs.conversationCount, query.minCount) : undefined,
    query.maxCount !== undefined ? lte(exportLogs.conversationCount, query.maxCount) : undefined,
  );
}

const columns = {
  id: exportLogs.id,
  exportId: exportLogs.exportId,
  userId: user.id,
  userName: user.name,
  userEmail: user.email,
  format: exportLogs.format,
  fileName: exportLogs.fileName,
  conversationCount: exportLogs.conversationCount,
  request: exportLogs.filterState,
  metadata: exportLogs.metadata,
  exportedAt: exportLogs.exportedAt,
};

type Row = { [K in keyof typeof columns]: unknown } & { userId: string | null; userName: string | null; userEmail: string | null; exportedAt: Date };

function present(row: Row): ExportLogEntry {
  return {
    id: row.id as string,
    exportId: row.exportId as string,
    user: row.userId ? { id: row.userId, name: row.userName ?? '', email: row.userEmail ?? '' } : null,
    format: row.format as string,
    fileName: row.fileName as string,
    conversationCount: row.conversationCount as number,
    request: row.request as Record<string, unknown>,
    metadata: row.metadata as Record<string, unknown>,
    exportedAt: row.exportedAt.toISOString(),
  };
}

/** Export history (US5.2.2): newest first or by user, filtered by user, dates and size. */
export async function listExports(db: Db, query: ExportHistoryQuery): Promise<{ items: ExportLogEntry[]; total: number }> {
  const where = historyWhere(query);
  const order = query.sort === 'user' ? [asc(user.name), desc(exportLogs.exportedAt)] : [desc(exportLogs.exportedAt)];
  const rows = await db
    .select(columns)
    .from(exportLogs)
    .leftJoin(user, eq(user.id, exportLogs.userId))
    .where(where)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(exportLogs).where(where);
  return { items: (rows as Row[]).map(present), total };
}

/** Everyone who has exported, by name: the history's user filter offers them all, whatever the page shows. */
export async function listExporters(db: Db): Promise<{ id: string; name: string }[]> {
  return db
    .selectDistinct({ id: user.id, name: user.name })
    .from(exportLogs)
    .innerJoin(user, eq(user.id, exportLogs.userId))
    .orderBy(asc(user.name), asc(user.id));
}

/** Every matching entry, a page at a time, for the CSV. */
export async function* iterateExports(db: Db, query: Omit<ExportHistoryQuery, 'page' | 'pageSize'>): AsyncGenerator<ExportLogEntry> {
  for (let page = 1; ; page++) {
    const { items } = await listExports(db, { ...query, page, pageSize: 200 });
    yield* items;
    if (items.length < 200) return;
  }
}

export async function getExport(db: Db, exportId: string): Promise<ExportLogEntry> {
  const [row] = await db.select(columns).from(exportLogs).leftJoin(user, eq(user.id, exportLogs.userId)).where(eq(exportLogs.exportId, exportId));
  if (!row) throw new AppError({ code: 'not_found', status: 404, message: 'There is no export with this id.', hint: 'Pick one from the export history.' });
  return present(row as Row);
}
