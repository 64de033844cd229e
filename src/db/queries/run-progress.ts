import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RunProgress, RunStatus } from '../../contract/runs';
import { notFound } from '../../core/errors';
import { queryRows, type Db } from '../client';
import { isChunkRunKind } from '../../contract/chunk-runs';
import { chunks, conversations, documents, generationRuns, runItems } from '../schema';
import { latestObservedLimits, providerModelKey, toProviderLimits, type ObservedLimits } from './provider-limits';

type RunRow = typeof generationRuns.$inferSelect;

async function conversationItemsOf(db: Db, runId: string) {
  const current = await db
    .select({ id: conversations.id, conversationId: conversations.conversationId, persona: conversations.persona, emotion: conversations.emotion, topic: conversations.topic })
    .from(runItems)
    .innerJoin(conversations, eq(conversations.id, runItems.conversationId))
    .where(and(eq(runItems.runId, runId), eq(runItems.status, 'in_progress')))
    .limit(5);
  const recent = await db
    .select({ id: conversations.id, conversationId: conversations.conversationId, status: runItems.status, error: runItems.lastError })
    .from(runItems)
    .innerJoin(conversations, eq(conversations.id, runItems.conversationId))
    .where(and(eq(runItems.runId, runId), inArray(runItems.status, ['succeeded', 'failed'])))
    .orderBy(desc(runItems.finishedAt), desc(runItems.id))
    .limit(8);
  return { current: current.map((c) => ({ ...c, label: [c.persona, c.emotion, c.topic].join(' + ') })), recent };
}

/** A chunk analysis names its chunk by document and position ("Retirement guide · chunk 3"). */
async function chunkItemsOf(db: Db, runId: string) {
  const name = sql<string>`${documents.title} || ' · chunk ' || ${chunks.ordinal}`;
  const current = await db
    .select({ id: chunks.id, conversationId: name })
    .from(runItems)
    .innerJoin(chunks, eq(chunks.id, runItems.chunkId))
    .innerJoin(documents, eq(documents.id, chunks.documentId))
    .where(and(eq(runItems.runId, runId), eq(runItems.status, 'in_progress')))
    .limit(5);
  const recent = await db
    .select({ id: chunks.id, conversationId: name, status: runItems.status, error: runItems.lastError })
    .from(runItems)
    .innerJoin(chunks, eq(chunks.id, runItems.chunkId))
    .innerJoin(documents, eq(documents.id, chunks.documentId))
    .where(and(eq(runItems.runId, runId), inArray(runItems.status, ['succeeded', 'failed'])))
    .orderBy(desc(runItems.finishedAt), desc(runItems.id))
    .limit(8);
  return { current: current.map((c) => ({ ...c, persona: '', emotion: '', topic: '', label: c.conversationId })), recent };
}

async function present(db: Db, run: RunRow, limits: Map<string, ObservedLimits>): Promise<RunProgress> {
  const [counts] = await queryRows<{ succeeded: number; failed: number; pending: number; in_progress: number; events: number }>(
    db,
    sql`select count(*) filter (where status = 'succeeded')::int as succeeded,
               count(*) filter (where status = 'failed')::int as failed,
               count(*) filter (where status = 'pending')::int as pending,
               count(*) filter (where status = 'in_progress')::int as in_progress,
               (select count(*) from run_events e where e.run_id = ${run.id})::int as events
        from run_items where run_id = ${run.id}`,
  );
  const { current, recent } = isChunkRunKind(run.kind) ? await chunkItemsOf(db, run.id) : await conversationItemsOf(db, run.id);
  const done = counts.succeeded + counts.failed;
  const remaining = counts.pending + counts.in_progress;
  // ETA from the observed rate, once something has finished.
  const elapsed = run.startedAt ? (Date.now() - run.startedAt.getTime()) / 1000 : 0;
  const etaSeconds = done > 0 && remaining > 0 && elapsed > 0 ? Math.round((elapsed / done) * remaining) : remaining === 0 ? 0 : null;
  return {
    id: run.id,
    kind: run.kind,
    status: run.status as RunStatus,
    total: run.total,
    succeeded: counts.succeeded,
    failed: counts.failed,
    pending: counts.pending,
    inProgress: counts.in_progress,
    current,
    recent: recent.map((r) => ({ ...r, status: r.status === 'failed' ? ('failed' as const) : ('succeeded' as const), error: r.status === 'failed' ? r.error : null })),
    etaSeconds,
    spentUsd: run.spentUsd,
    estimatedCostUsd: run.estimatedCostUsd,
    spendingLimitUsd: run.spendingLimitUsd,
    reservedUsd: run.reservedUsd,
    error: run.error,
    throttledUntil: run.throttledUntil && run.throttledUntil > new Date() ? run.throttledUntil.toISOString() : null,
    provider: run.provider,
    model: run.model,
    providerLimits: run.provider === 'offline' ? null : mapNullable(limits.get(providerModelKey(run.provider, run.model)), toProviderLimits),
    eventCount: counts.events,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export async function getRunProgress(db: Db, runId: string): Promise<RunProgress> {
  const [run] = await db.select().from(generationRuns).where(eq(generationRuns.id, runId));
  if (!run) throw notFound('The run');
  return present(db, run, await latestObservedLimits(db, [run]));
}

export async function listRecentRuns(db: Db, limit = 20): Promise<RunProgress[]> {
  const runs = await db.select().from(generationRuns).orderBy(desc(generationRuns.createdAt)).limit(limit);
  const limits = await latestObservedLimits(db, runs);
  return Promise.all(runs.map((r) => present(db, r, limits)));
}

function mapNullable<T, U>(value: T | undefined, f: (value: T) => U): U | null {
  return value === undefined ? null : f(value);
}
