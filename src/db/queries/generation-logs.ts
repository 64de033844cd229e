import { and, count, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { GenerationLogQuery, GenerationLogSummary } from '../../contract/generation-logs';
import { notFound } from '../../core/errors';
import { unpackPayloads } from '../payload-archive';
import type { Db } from '../client';
import { conversations, generationLogs, generationRuns } from '../schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function where(q: Omit<GenerationLogQuery, 'page' | 'pageSize'>): SQL | undefined {
  return and(
    q.conversationId ? (UUID.test(q.conversationId) ? eq(generationLogs.conversationId, q.conversationId) : eq(conversations.conversationId, q.conversationId)) : undefined,
    q.runId ? eq(generationLogs.runId, q.runId) : undefined,
    q.templateId ? eq(generationLogs.templateId, q.templateId) : undefined,
    // "By user": who started the run, or who made the call directly.
    q.userId ? or(eq(generationRuns.createdBy, q.userId), eq(generationLogs.createdBy, q.userId)) : undefined,
    q.status ? eq(generationLogs.status, q.status) : undefined,
    q.errorKind?.length ? inArray(generationLogs.errorKind, q.errorKind) : undefined,
    q.from ? gte(generationLogs.createdAt, new Date(q.from)) : undefined,
    q.to ? lte(generationLogs.createdAt, new Date(q.to)) : undefined,
  );
}

const summary = {
  id: generationLogs.id,
  createdAt: generationLogs.createdAt,
  conversationId: generationLogs.conversationId,
  conversationLabel: conversations.conversationId,
  runId: generationLogs.runId,
  templateId: generationLogs.templateId,
  templateVersion: generationLogs.templateVersion,
  provider: generationLogs.provider,
  model: generationLogs.model,
  status: generationLogs.status,
  attempt: generationLogs.attempt,
  inputTokens: generationLogs.inputTokens,
  outputTokens: generationLogs.outputTokens,
  cacheReadTokens: generationLogs.cacheReadTokens,
  cacheWriteTokens: generationLogs.cacheWriteTokens,
  costUsd: generationLogs.costUsd,
  durationMs: generationLogs.durationMs,
  errorKind: generationLogs.errorKind,
  errorMessage: generationLogs.errorMessage,
  httpStatus: generationLogs.httpStatus,
};

const present = <T extends { createdAt: Date; status: string }>(row: T) => ({ ...row, createdAt: row.createdAt.toISOString(), status: row.status as 'success' | 'error' });

const base = (db: Db) =>
  db
    .select(summary)
    .from(generationLogs)
    .leftJoin(conversations, eq(conversations.id, generationLogs.conversationId))
    .leftJoin(generationRuns, eq(generationRuns.id, generationLogs.runId));

/** One page of the generation log, newest first, with the total (US9.3.1). */
export async function listGenerationLogs(db: Db, q: GenerationLogQuery): Promise<{ items: GenerationLogSummary[]; total: number }> {
  const filter = where(q);
  const rows = await base(db)
    .where(filter)
    .orderBy(desc(generationLogs.createdAt), desc(generationLogs.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db
    .select({ total: count() })
    .from(generationLogs)
    .leftJoin(conversations, eq(conversations.id, generationLogs.conversationId))
    .leftJoin(generationRuns, eq(generationRuns.id, generationLogs.runId))
    .where(filter);
  return { items: rows.map(present), total };
}

/** Every matching row, oldest first, in pages of 1,000: the CSV export streams from this. */
export async function* iterateGenerationLogs(db: Db, q: Omit<GenerationLogQuery, 'page' | 'pageSize'>): AsyncGenerator<GenerationLogSummary> {
  const filter = where(q);
  for (let offset = 0; ; offset += 1000) {
    const rows = await base(db).where(filter).orderBy(generationLogs.createdAt, generationLogs.id).limit(1000).offset(offset);
    for (const row of rows) yield present(row);
    if (rows.length < 1000) return;
  }
}

/** One call with its payloads, unpacked if retention has compressed them. */
export async function getGenerationLog(db: Db, id: string) {
  const [row] = await db
    .select({
      ...summary,
      requestPayload: generationLogs.requestPayload,
      responsePayload: generationLogs.responsePayload,
      // Base64 reads the same through node-postgres and PGlite.
      payloadGz: sql<string | null>`encode(${generationLogs.payloadGz}, 'base64')`,
      parameters: generationLogs.parameters,
    })
    .from(generationLogs)
    .leftJoin(conversations, eq(conversations.id, generationLogs.conversationId))
    .where(eq(generationLogs.id, id));
  if (!row) throw notFound('The log entry');
  const { payloadGz, ...rest } = row;
  return present(payloadGz ? { ...rest, ...unpackPayloads(payloadGz) } : rest);
}
