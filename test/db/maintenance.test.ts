import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows, type Database, type Db } from '../../src/db/client';
import { maintainTables, scheduleMaintenance, tablesDue } from '../../src/db/maintenance';
import { ENGINES, openTestDatabase } from '../support/databases';
import { waitFor } from '../support/wait';

type Stats = { vacuums: number; analyzes: number; dead: number; changed: number };

describe.each(ENGINES)('database maintenance on %s', (engine) => {
  let database: Database;
  const db = () => database.db;
  beforeEach(async () => {
    database = await openTestDatabase(engine, { demo: true });
  });
  afterEach(() => database.close());

  /** The conversations table's counters, with this session's pending counts reported first. */
  async function stats(): Promise<Stats> {
    await db().execute(sql`select pg_stat_force_next_flush()`);
    const [row] = await queryRows<Stats>(
      db(),
      sql`select vacuum_count::int as vacuums, analyze_count::int as analyzes, n_dead_tup::int as dead, n_mod_since_analyze::int as changed
          from pg_stat_user_tables where relname = 'conversations'`,
    );
    return row;
  }
  /** Rewrites every conversation twice: as many dead rows as a bulk review and its undo leave. */
  const churn = async () => {
    await db().execute(sql`update conversations set review_notes = 'churn'`);
    await db().execute(sql`update conversations set review_notes = null`);
  };

  it('finds the tables past autovacuum thresholds and maintains them as the engine needs', async () => {
    await churn();
    // Other connections report their counts within a second or so; PGlite has only this one.
    await waitFor(async () => ((await tablesDue(database, ['conversations', 'export_logs'])).includes('conversations') ? true : null));
    expect(await tablesDue(database, ['conversations', 'export_logs'])).toEqual(['conversations']);
    const before = await stats();
    expect(before.changed).toBeGreaterThan(0);

    const result = await maintainTables(database, ['conversations']);
    expect(result.tables).toEqual([{ table: 'conversations', operation: engine === 'pglite' ? 'vacuum' : 'analyze', ms: expect.any(Number) }]);
    const after = await stats();
    expect(after.analyzes).toBe(before.analyzes + 1);
    expect(after.changed).toBe(0);
    if (engine === 'pglite') {
      expect(before.dead).toBeGreaterThan(0);
      expect(after.vacuums).toBe(before.vacuums + 1);
      expect(after.dead).toBe(0);
    } else {
      // PostgreSQL's autovacuum reclaims the dead rows; convgen only refreshes the planner's statistics.
      expect(after.vacuums).toBe(before.vacuums);
    }
    expect(await tablesDue(database, ['conversations'])).toEqual([]);
  });

  it('after bulk writes, waits until they add up to the threshold, then maintains the tables they touched once', async () => {
    const schedule = scheduleMaintenance(database, { debounceMs: 60_000 });
    try {
      schedule.afterBulkWrite(['conversations'], 3);
      expect(await schedule.flush()).toBeNull();
      expect(schedule.pending()).toEqual(['conversations']);

      await churn();
      const before = await stats();
      schedule.afterBulkWrite(['conversations', 'review_logs'], 200);
      const result = await schedule.flush();
      expect(result?.tables.map((t) => t.table)).toEqual(['conversations', 'review_logs']);
      expect(schedule.pending()).toEqual([]);
      expect((await stats()).analyzes).toBe(before.analyzes + 1);
      expect(await schedule.flush()).toBeNull();
    } finally {
      await schedule.stop();
    }
  });

  it('never runs two passes at once, and stops cleanly', async () => {
    // Watches the maintenance statements as they go to the database.
    const dialect = new PgDialect();
    let inFlight = 0;
    let most = 0;
    const order: string[] = [];
    const watched = new Proxy(database.db, {
      get(target, key, receiver) {
        if (key !== 'execute') return Reflect.get(target, key, receiver);
        return async (query: SQL) => {
          const text = dialect.sqlToQuery(query).sql;
          const maintenance = /^(vacuum|analyze)/.test(text);
          if (maintenance) {
            inFlight++;
            most = Math.max(most, inFlight);
            order.push(`start ${text}`);
          }
          try {
            return await target.execute(query);
          } finally {
            if (maintenance) {
              inFlight--;
              order.push(`end ${text}`);
            }
          }
        };
      },
    }) as Db;
    const schedule = scheduleMaintenance({ ...database, db: watched }, { debounceMs: 60_000 });
    await churn();
    await waitFor(async () => ((await tablesDue(database, ['conversations'])).includes('conversations') ? true : null));
    // A scheduled pass and an after-bulk pass asked for at the same moment.
    schedule.afterBulkWrite(['review_logs'], 500);
    const [scheduled, afterBulk] = await Promise.all([schedule.runNow(), schedule.flush()]);
    expect(scheduled.tables.map((t) => t.table)).toContain('conversations');
    expect(afterBulk?.tables.map((t) => t.table)).toEqual(['review_logs']);
    expect(most).toBe(1);
    expect(order.at(-2)).toMatch(/^start (vacuum|analyze).*review_logs/);

    schedule.afterBulkWrite(['conversations'], 500);
    await schedule.stop();
    // Stopped: what was waiting is dropped with the server, and nothing new is taken.
    schedule.afterBulkWrite(['conversations'], 500);
    expect(await schedule.flush()).toBeNull();
  });
});
