import { bigint, integer, pgTable } from 'drizzle-orm/pg-core';

/**
 * How many times each database connection has written to a table the dataset reports read
 * (conversations, their text and signatures, the catalog, arcs, documents, chunks, dismissals,
 * settings). Statement triggers (migration 0021) count every write, whatever wrote it. The sum,
 * read in a report's own snapshot, says which writes that report saw: src/db/report-cache.ts.
 * One row per connection, so concurrent writers never wait for one another's row.
 */
export const datasetRevisions = pgTable('dataset_revisions', {
  backendPid: integer('backend_pid').primaryKey(),
  writes: bigint('writes', { mode: 'number' }).notNull(),
});
