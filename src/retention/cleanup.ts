import { sql } from 'drizzle-orm';
import type { RetentionResult } from '../contract/audit';
import type { WorkspaceSettings } from '../contract/settings';
import { queryRows, type Db } from '../db/client';
import { packPayloads } from '../db/payload-archive';

/** Payloads are read while a run is fresh (errors, retries); after a week they are kept for audit only. */
export const COMPRESS_AFTER_DAYS = 7;
/** Rows per DELETE: each statement is short, so a backlog of a million rows never holds PGlite for long. */
export const DELETE_BATCH = 5000;
/** Rows per compression round trip: bounds the memory for payloads read and gzipped at once. */
export const COMPRESS_BATCH = 200;

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

/** Deletes rows older than the cutoff, one batch per statement, until none are left. */
async function deleteOlderThan(db: Db, table: 'generation_logs' | 'export_logs', cutoff: string): Promise<number> {
  let deleted = 0;
  for (;;) {
    const [{ n }] = await queryRows<{ n: number }>(
      db,
      sql`with doomed as (select id from ${sql.identifier(table)} where created_at < ${cutoff}::timestamptz limit ${DELETE_BATCH}),
               gone as (delete from ${sql.identifier(table)} t using doomed where t.id = doomed.id returning 1)
          select count(*)::int as n from gone`,
    );
    deleted += n;
    if (n < DELETE_BATCH) return deleted;
  }
}

/**
 * Moves the request and response payloads of log rows older than the cutoff into one gzip
 * (`payload_gz`) and clears the jsonb columns. getGenerationLog reads either form.
 */
async function compressOlderThan(db: Db, cutoff: string): Promise<{ rows: number; bytesBefore: number; bytesAfter: number }> {
  const total = { rows: 0, bytesBefore: 0, bytesAfter: 0 };
  for (;;) {
    const rows = await queryRows<{ id: string; request_payload: unknown; response_payload: unknown }>(
      db,
      sql`select id, request_payload, response_payload from generation_logs
          where created_at < ${cutoff}::timestamptz and payload_gz is null and (request_payload is not null or response_payload is not null)
          order by created_at limit ${COMPRESS_BATCH}`,
    );
    if (rows.length === 0) return total;
    const ids: string[] = [];
    const packed: string[] = [];
    for (const row of rows) {
      const { gz, jsonBytes } = packPayloads({ requestPayload: row.request_payload, responsePayload: row.response_payload });
      ids.push(row.id);
      // Base64 text travels the same way through node-postgres and PGlite; decode() makes it bytea.
      packed.push(gz.toString('base64'));
      total.bytesBefore += jsonBytes;
      total.bytesAfter += gz.length;
    }
    await db.execute(sql`
      update generation_logs g set payload_gz = decode(v.gz, 'base64'), request_payload = null, response_payload = null
      from unnest(${sql.param(ids)}::uuid[], ${sql.param(packed)}::text[]) as v(id, gz)
      where g.id = v.id and g.payload_gz is null`);
    total.rows += rows.length;
    if (rows.length < COMPRESS_BATCH) return total;
  }
}

/**
 * Applies the retention policy (US9.3.1, US9.3.3, US14.1.2): generation logs older than
 * `retention.logsDays` and export logs older than `retention.exportsDays` are deleted, and
 * generation-log payloads older than a week are compressed.
 *
 * Review logs are never deleted: they are the audit trail of who approved or rejected each
 * conversation, the compliance report is computed from them, and a conversation's approval must
 * stay explainable for as long as the conversation (and any dataset exported from it) exists.
 * They go when their conversation is deleted (cascade), and they are small (no payloads).
 *
 * No transaction around the whole: every statement stands alone, so other work interleaves
 * between batches, and a run stopped halfway leaves a consistent state for the next one.
 */
export async function runRetention(db: Db, settings: Pick<WorkspaceSettings, 'retention'>, now = new Date()): Promise<RetentionResult> {
  const started = Date.now();
  const { logsDays, exportsDays } = settings.retention;
  const generationLogsDeleted = await deleteOlderThan(db, 'generation_logs', daysBefore(now, logsDays));
  const exportLogsDeleted = await deleteOlderThan(db, 'export_logs', daysBefore(now, exportsDays));
  const compressed = await compressOlderThan(db, daysBefore(now, COMPRESS_AFTER_DAYS));
  return {
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    logsDays,
    exportsDays,
    generationLogsDeleted,
    exportLogsDeleted,
    payloadsCompressed: compressed.rows,
    bytesBefore: compressed.bytesBefore,
    bytesAfter: compressed.bytesAfter,
  };
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} kB` : `${bytes} B`);

/** One log line for a run. */
export function describeRetention(r: RetentionResult): string {
  if (r.generationLogsDeleted + r.exportLogsDeleted + r.payloadsCompressed === 0) return `Retention: nothing to delete or compress (${r.durationMs} ms).`;
  return (
    `Retention: deleted ${r.generationLogsDeleted} generation log entries older than ${r.logsDays} days and ${r.exportLogsDeleted} export log entries older than ${r.exportsDays} days; ` +
    `compressed the payloads of ${r.payloadsCompressed} entries older than ${COMPRESS_AFTER_DAYS} days (${size(r.bytesBefore)} → ${size(r.bytesAfter)}) in ${r.durationMs} ms.`
  );
}
