import { and, eq, inArray, sql } from 'drizzle-orm';
import { notFound } from '../../core/errors';
import { ACTIVE_ITEM_STATUSES, ACTIVE_RUN_STATUSES, runLifecycle, type RunStatus } from '../../core/run-statuses';
import { queryRows, type Db } from '../../db/client';
import { generationRuns, runItems } from '../../db/schema';
import { statusList, statusLiteral } from '../../db/status-sql';

/**
 * Locks a run's row for the rest of the transaction and says whether it is active (its items
 * may be claimed). Every write that moves a run's items takes this lock first, so run commands,
 * claims and settles never wait for each other in opposite orders.
 */
export async function lockActiveRun(db: Db, runId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from generation_runs where id = ${runId} and status in (${statusList(ACTIVE_RUN_STATUSES)}) for no key update`);
  return rows.length > 0;
}

/** Locks runs' rows (in id order) and returns their statuses. */
export async function lockRuns(db: Db, runIds: string[]): Promise<Map<string, RunStatus>> {
  const ids = [...new Set(runIds)].sort();
  if (!ids.length) return new Map();
  const rows = await queryRows<{ id: string; status: RunStatus }>(db, sql`select id, status from generation_runs where id = any(${sql.param(ids)}::uuid[]) order by id for no key update`);
  return new Map(rows.map((r) => [r.id, r.status]));
}

/** Locks a run's row and returns its status; throws not found. */
export async function lockRun(db: Db, runId: string): Promise<{ id: string; status: RunStatus }> {
  const status = (await lockRuns(db, [runId])).get(runId);
  if (!status) throw notFound('The run');
  return { id: runId, status };
}

/**
 * Moves a run whose status the caller read under lockRun. Throws TransitionRefused (409) when
 * the transition does not leave that status.
 */
export async function moveRun(db: Db, run: { id: string; status: RunStatus }, transition: 'pause' | 'resume' | 'cancel', values: { error?: string | null; finishedAt?: Date | null } = {}): Promise<RunStatus> {
  const to = runLifecycle.move(transition, run.status);
  await db
    .update(generationRuns)
    .set({ status: to, updatedAt: new Date(), ...values })
    .where(and(eq(generationRuns.id, run.id), eq(generationRuns.status, run.status)));
  return to;
}

/**
 * Pauses an active run on its own (its spending limit is reached, or it needs a provider that
 * is not configured), saying why; a run already paused, cancelled or finished is left alone.
 * Returns the run's creator and spend when it paused.
 */
export async function pauseRunFor(db: Db, runId: string, reason: string) {
  return db
    .update(generationRuns)
    .set({ status: runLifecycle.target('pause'), error: reason, updatedAt: new Date() })
    .where(and(eq(generationRuns.id, runId), inArray(generationRuns.status, runLifecycle.sources('pause'))))
    .returning({ id: generationRuns.id, createdBy: generationRuns.createdBy, limit: generationRuns.spendingLimitUsd, spent: generationRuns.spentUsd });
}

/** Whether the run still has items pending or in progress. */
export async function hasActiveItems(db: Db, runId: string, statuses: readonly string[] = ACTIVE_ITEM_STATUSES): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(runItems)
    .where(and(eq(runItems.runId, runId), inArray(runItems.status, [...statuses])));
  return row.n > 0;
}

/**
 * Completes a run once none of its items is pending or in progress (complete); a cancelled run
 * only gets its finish time then, once its last call in flight has ended. True when it just
 * finished.
 */
export async function finishRunIfDone(db: Db, runId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update generation_runs set status = case when status = 'cancelled' then status else ${statusLiteral(runLifecycle.target('complete'))} end, finished_at = now(), updated_at = now()
        where id = ${runId} and finished_at is null and status in (${statusList([...runLifecycle.sources('complete'), 'cancelled'])})
          and not exists (select 1 from run_items where run_id = ${runId} and status in (${statusList(ACTIVE_ITEM_STATUSES)}))
        returning id`,
  );
  return rows.length > 0;
}

/** At start-up: runs that were going and do not resume by themselves wait for Resume (interrupt). */
export async function interruptRuns(db: Db): Promise<number> {
  const rows = await db
    .update(generationRuns)
    .set({ status: runLifecycle.target('interrupt'), updatedAt: new Date() })
    .where(and(inArray(generationRuns.status, runLifecycle.sources('interrupt')), eq(generationRuns.resumeOnStart, false)))
    .returning({ id: generationRuns.id });
  return rows.length;
}
