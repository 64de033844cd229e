import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client';

/**
 * Whole-dataset reports (the Coverage page's figures) kept in memory until the data under them
 * changes. At 100,000 conversations the coverage report takes about 200 ms to count, and the page
 * is opened far more often than the dataset changes.
 *
 * The change marker is the dataset's revision: the sum of `dataset_revisions`, which statement
 * triggers on every table these reports read move on at each write (migration 0021), whoever
 * writes — a route, the worker, a bulk action, an import, or another process on PostgreSQL.
 * Settings are one of those tables, so a new minimum per combination shows at once too.
 *
 * Why it is never stale: a report is counted in one snapshot, and the revision is read in that
 * same snapshot, so it names exactly the writes the report saw. Later snapshots see every write
 * an earlier one saw, and each committed write adds to the sum, so a request that reads the same
 * revision sees the same data. A write still in progress (PostgreSQL) is in neither, and moves
 * the revision when it commits. A rolled-back write never shows.
 */
export interface ReportCache {
  /** The report `key` (name and parameters) at the current revision, from memory or counted now by `compute`. */
  get<T>(key: string, compute: (db: Db) => Promise<T>): Promise<T>;
  /** How many reports were counted rather than answered from memory (for tests and benches). */
  readonly computed: number;
}

/** The dataset's revision as the statement's snapshot sees it. */
export async function readDatasetRevision(db: Db): Promise<string> {
  const [row] = await queryRows<{ revision: string }>(db, sql`select coalesce(sum(writes), 0)::text as revision from dataset_revisions`);
  return row.revision;
}

export function createReportCache(db: Db): ReportCache {
  const kept = new Map<string, { revision: string; value: unknown }>();
  let computed = 0;
  return {
    get computed() {
      return computed;
    },
    async get<T>(key: string, compute: (db: Db) => Promise<T>): Promise<T> {
      const hit = kept.get(key);
      if (hit && hit.revision === (await readDatasetRevision(db))) return hit.value as T;
      computed++;
      // Repeatable read: the revision and every statement of the report share one snapshot.
      const { revision, value } = await db.transaction(
        async (tx) => {
          const seen = await readDatasetRevision(tx as unknown as Db);
          return { revision: seen, value: await compute(tx as unknown as Db) };
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
      kept.set(key, { revision, value });
      return value;
    },
  };
}
