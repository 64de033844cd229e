import { sql } from 'drizzle-orm';
import { queryRows, type Database, type DatabaseKind } from './client';

/**
 * Tables whose rows churn: reviews and deletes rewrite conversations and add review logs,
 * deletes cascade to turns, transcripts and run items, generation rewrites run items, and
 * retention deletes old log rows.
 */
export const CHURNING_TABLES = ['conversations', 'review_logs', 'conversation_turns', 'conversation_transcripts', 'run_items', 'generation_logs', 'export_logs'] as const;
export type ChurningTable = (typeof CHURNING_TABLES)[number];

export interface TableMaintenance {
  table: ChurningTable;
  /** 'vacuum' is VACUUM (ANALYZE); 'analyze' is ANALYZE alone. */
  operation: 'vacuum' | 'analyze';
  ms: number;
}

export interface MaintenanceResult {
  tables: TableMaintenance[];
  ms: number;
}

interface TableStats {
  table: ChurningTable;
  live: number;
  dead: number;
  modifiedSinceAnalyze: number;
  insertedSinceVacuum: number;
}

/**
 * PostgreSQL's own autovacuum thresholds (its defaults): VACUUM when dead rows pass 50 + 20 %
 * of the live ones, or (to keep the visibility map current for index-only scans) inserted rows
 * pass 1,000 + 20 %; ANALYZE when changed rows pass 50 + 10 %.
 */
export function needsVacuum(s: Pick<TableStats, 'live' | 'dead' | 'insertedSinceVacuum'>): boolean {
  return s.dead > 50 + 0.2 * s.live || s.insertedSinceVacuum > 1_000 + 0.2 * s.live;
}
export function needsAnalyze(s: Pick<TableStats, 'live' | 'modifiedSinceAnalyze'>): boolean {
  return s.modifiedSinceAnalyze > 50 + 0.1 * s.live;
}

/** The tables' activity counters, including this session's writes not yet reported. */
async function tableStats(database: Database, tables: readonly ChurningTable[]): Promise<TableStats[]> {
  // A session reports its counters about once a second; this makes the next statement report them now.
  await database.db.execute(sql`select pg_stat_force_next_flush()`);
  return queryRows<TableStats>(
    database.db,
    sql`select relname as "table", n_live_tup::float8 as "live", n_dead_tup::float8 as "dead",
               n_mod_since_analyze::float8 as "modifiedSinceAnalyze", n_ins_since_vacuum::float8 as "insertedSinceVacuum"
        from pg_stat_user_tables where schemaname = current_schema() and relname = any(${sql.param([...tables])}::text[])`,
  );
}

/**
 * What each engine needs. PGlite runs no autovacuum, so without this its tables only grow:
 * after a 90,000-row bulk review the conversations table went from 43 to 442 MB and the list
 * query from 9 to 67 ms; one VACUUM ANALYZE brought it back to 10 ms. PostgreSQL's autovacuum
 * reclaims dead rows on its own, but it may take a minute or more to ANALYZE after a bulk
 * change, meanwhile planning the list query with the old status counts; an ANALYZE right away
 * costs one sample of the table.
 */
export function operationFor(kind: DatabaseKind): TableMaintenance['operation'] {
  return kind === 'pglite' ? 'vacuum' : 'analyze';
}

/**
 * VACUUM (ANALYZE) or ANALYZE each table, one statement per table so other requests get the
 * database between them. Never inside a transaction: VACUUM refuses to run in one.
 */
export async function maintainTables(database: Database, tables: readonly ChurningTable[], operation = operationFor(database.kind)): Promise<MaintenanceResult> {
  const started = performance.now();
  const done: TableMaintenance[] = [];
  // This session's own counts go in first, so the VACUUM's fresh counts are not overtaken by older ones.
  if (tables.length) await database.db.execute(sql`select pg_stat_force_next_flush()`);
  for (const table of tables) {
    const t0 = performance.now();
    await database.db.execute(operation === 'vacuum' ? sql`vacuum (analyze) ${sql.identifier(table)}` : sql`analyze ${sql.identifier(table)}`);
    done.push({ table, operation, ms: Math.round(performance.now() - t0) });
  }
  return { tables: done, ms: Math.round(performance.now() - started) };
}

/** Of `tables`, those whose counters passed autovacuum's thresholds for this engine's operation. */
export async function tablesDue(database: Database, tables: readonly ChurningTable[]): Promise<ChurningTable[]> {
  const operation = operationFor(database.kind);
  const stats = await tableStats(database, tables);
  return stats.filter((s) => (operation === 'vacuum' ? needsVacuum(s) || needsAnalyze(s) : needsAnalyze(s))).map((s) => s.table);
}

/** What the database holds of `table`, from the last VACUUM or ANALYZE (an estimate, free to read). */
async function estimatedRows(database: Database, table: ChurningTable): Promise<number> {
  const [row] = await queryRows<{ rows: number }>(database.db, sql`select greatest(reltuples, 0)::float8 as "rows" from pg_class where oid = to_regclass(${table})`);
  return row?.rows ?? 0;
}

export interface MaintenanceSchedule {
  /**
   * A bulk action changed `rows` rows of `tables`: maintain them once bulk work has been quiet
   * for a moment, if the rows changed since the last maintenance pass autovacuum's threshold.
   */
  afterBulkWrite(tables: readonly ChurningTable[], rows: number): void;
  /** Runs what is waiting now instead of after the pause (tests; a server about to stop). */
  flush(): Promise<MaintenanceResult | null>;
  /** Checks every churning table against the thresholds and maintains those due, now. */
  runNow(): Promise<MaintenanceResult>;
  /** Tables waiting for their after-bulk maintenance. */
  pending(): ChurningTable[];
  /** Stops the timers and waits for a pass in progress, so the database can close under it. */
  stop(): Promise<void>;
}

export interface MaintenanceOptions {
  log?: (msg: string) => void;
  /** True while a bulk action is writing: a pass waits for it rather than stall its batches. */
  busy?: () => boolean;
  /** Quiet time after a bulk action before its maintenance, so back-to-back actions share one pass. */
  debounceMs?: number;
  /** How often every churning table is checked on PGlite. PostgreSQL's autovacuum does this itself. */
  intervalMs?: number;
  /** When the first scheduled check runs, after start. */
  firstCheckMs?: number;
}

export const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;

const summary = (result: MaintenanceResult, why: string) =>
  `Database maintenance (${why}): ${result.tables.map((t) => `${t.operation === 'vacuum' ? 'VACUUM ANALYZE' : 'ANALYZE'} ${t.table} ${t.ms} ms`).join(', ')}.`;

/**
 * Keeps the churning tables vacuumed and analyzed: after bulk actions (debounced) and, on
 * PGlite, on a schedule. Passes never overlap: a request during a pass waits for it and runs
 * after. Errors are logged, never thrown to the caller: maintenance failing must not stop the
 * server or fail the bulk action that asked for it.
 */
export function scheduleMaintenance(database: Database, opts: MaintenanceOptions = {}): MaintenanceSchedule {
  const log = opts.log ?? (() => {});
  const busy = opts.busy ?? (() => false);
  const debounceMs = opts.debounceMs ?? 2_000;
  const intervalMs = opts.intervalMs ?? MAINTENANCE_INTERVAL_MS;
  const waiting = new Set<ChurningTable>();
  let waitingRows = 0;
  let debounce: NodeJS.Timeout | null = null;
  let current: Promise<unknown> = Promise.resolve();
  let stopped = false;

  /** Runs `pass` after any pass in progress: one at a time, in order. */
  const serially = <T>(pass: () => Promise<T>): Promise<T> => {
    const next = current.then(pass, pass);
    current = next.catch(() => undefined);
    return next;
  };

  const afterBulk = (): Promise<MaintenanceResult | null> =>
    serially(async () => {
      if (waiting.size === 0 || stopped) return null;
      // Autovacuum's analyze threshold, counted from what the actions changed rather than from
      // the statistics counters, which other connections report up to a second late. Below it,
      // the changes wait for the next actions to add up (or for the scheduled check).
      const base = await estimatedRows(database, 'conversations');
      if (waitingRows <= 50 + 0.1 * base) return null;
      const tables = [...waiting];
      const rows = waitingRows;
      waiting.clear();
      waitingRows = 0;
      const result = await maintainTables(database, tables);
      log(summary(result, `after bulk changes to ${rows.toLocaleString('en')} rows`));
      return result;
    });

  const onDebounce = () => {
    debounce = null;
    if (stopped) return;
    // A bulk action still writing would stall behind a VACUUM; its end asks again.
    if (busy()) return;
    afterBulk().catch((err: unknown) => log(`Database maintenance failed, it will be tried after the next bulk action: ${err instanceof Error ? err.message : String(err)}`));
  };

  const scheduled = () =>
    serially(async () => {
      const due = await tablesDue(database, CHURNING_TABLES);
      const result = await maintainTables(database, due);
      if (result.tables.length) log(summary(result, 'scheduled'));
      return result;
    });

  // PostgreSQL vacuums and analyzes on its own schedule; only PGlite needs one.
  let timers: NodeJS.Timeout[] = [];
  if (database.kind === 'pglite') {
    const tick = () => {
      if (stopped || busy()) return;
      scheduled().catch((err: unknown) => log(`Scheduled database maintenance failed, it will run again in ${Math.round(intervalMs / 60_000)} min: ${err instanceof Error ? err.message : String(err)}`));
    };
    const first = setTimeout(tick, opts.firstCheckMs ?? 5 * 60 * 1000);
    const every = setInterval(tick, intervalMs);
    timers = [first, every];
    // The schedule alone never keeps the process alive.
    for (const timer of timers) timer.unref();
  }

  return {
    afterBulkWrite(tables, rows) {
      if (stopped) return;
      for (const table of tables) waiting.add(table);
      waitingRows += rows;
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(onDebounce, debounceMs);
      debounce.unref();
    },
    flush() {
      if (debounce) clearTimeout(debounce);
      debounce = null;
      return afterBulk();
    },
    runNow: scheduled,
    pending: () => [...waiting],
    async stop() {
      stopped = true;
      if (debounce) clearTimeout(debounce);
      for (const timer of timers) clearTimeout(timer);
      await current;
    },
  };
}
