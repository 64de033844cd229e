import { eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database, type Db } from '../../src/db/client';
import { createReportCache, type ReportCache } from '../../src/db/report-cache';
import { conversations, dimensionValues } from '../../src/db/schema';
import { ENGINES, openTestDatabase } from '../support/databases';

const approvedCount = async (db: Db) => {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from conversations where status = 'approved'`);
  return row.n;
};

describe.each(ENGINES)('the report cache on %s', (engine) => {
  let database: Database;
  let cache: ReportCache;
  const db = () => database.db;
  const approved = () => cache.get('approved', approvedCount);
  const oneNotApproved = async () => {
    const [row] = await db().select({ id: conversations.id }).from(conversations).where(ne(conversations.status, 'approved')).limit(1);
    return row.id;
  };

  beforeAll(async () => {
    database = await openTestDatabase(engine, { demo: true });
    cache = createReportCache(database.db);
  });
  afterAll(() => database.close());

  it('answers from memory while nothing the reports read has changed', async () => {
    const first = await approved();
    const counted = cache.computed;
    expect(await approved()).toBe(first);
    expect(await approved()).toBe(first);
    expect(cache.computed).toBe(counted);
    // A table no report reads (sign-in sessions, logs) leaves the reports where they are.
    await db().execute(sql`insert into verification (id, identifier, value, expires_at) values ('report-cache-test', 'x', 'y', now())`);
    expect(await approved()).toBe(first);
    expect(cache.computed).toBe(counted);
  });

  it('counts again at once after any write to a table the reports read, through any path', async () => {
    const before = await approved();
    await db().update(conversations).set({ status: 'approved' }).where(eq(conversations.id, await oneNotApproved()));
    expect(await approved()).toBe(before + 1);
    const counted = cache.computed;
    // Other tables the reports read move the revision too: a catalog label, a setting.
    await db().update(dimensionValues).set({ label: 'Renamed' }).where(eq(dimensionValues.key, 'fear'));
    await approved();
    expect(cache.computed).toBe(counted + 1);
    await db().execute(sql`insert into workspace_settings (id, "values") values (1, '{}'::jsonb) on conflict (id) do update set updated_at = now()`);
    await approved();
    expect(cache.computed).toBe(counted + 2);
  });

  it('is not moved by a write that was rolled back', async () => {
    const before = await approved();
    const counted = cache.computed;
    const id = await oneNotApproved();
    await expect(
      db().transaction(async (tx) => {
        await tx.update(conversations).set({ status: 'approved' }).where(eq(conversations.id, id));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await approved()).toBe(before);
    expect(cache.computed).toBe(counted);
  });

  // Only PostgreSQL has other connections: a writer can be in progress while a report is counted.
  if (engine === 'postgres')
    it('does not keep a report counted while another connection had a write in progress, so that write shows once committed', async () => {
    const before = await approved();
    const id = await oneNotApproved();
    await db().transaction(async (tx) => {
      await tx.update(conversations).set({ status: 'approved' }).where(eq(conversations.id, id));
      // Counted on another connection of the pool: the update is not committed, so not seen.
      expect(await approved()).toBe(before);
    });
    // The revision has not moved since (the write moved it before the count), yet the committed write shows.
    expect(await approved()).toBe(before + 1);
  });
});
