import { eq, inArray, sql } from 'drizzle-orm';
import { AppError, notFound } from '../core/errors';
import { ACTIVE_RUN_STATUSES } from '../core/run-statuses';
import type { Db } from '../db/client';
import { generationRuns } from '../db/schema';
import { cancelItems, cancelQueuedItems } from './lifecycle/cancel';
import { moveItems } from './lifecycle/item-moves';
import { finishRunIfDone, hasActiveItems, interruptRuns, lockRun, moveRun } from './lifecycle/runs';

type Action = 'cancel' | 'pause' | 'resume';

/**
 * Cancel, pause or resume a run. Items already being generated finish either way (their call
 * is paid for); pausing stops new claims, cancelling also drops what is still queued. A move
 * the run's status does not allow is refused (409) by the run lifecycle.
 */
export async function controlRun(db: Db, runId: string, action: Action): Promise<{ id: string; status: string }> {
  return db.transaction(async (tx) => {
    const run = await lockRun(tx, runId);
    if (action === 'resume') {
      await moveRun(tx, run, 'resume', { error: null });
      // A run whose last items finished while it was paused is simply complete.
      const done = await finishRunIfDone(tx, run.id);
      return { id: run.id, status: done ? 'completed' : 'queued' };
    }
    if (action === 'pause') return { id: run.id, status: await moveRun(tx, run, 'pause') };
    // Calls in flight finish; a run with some gets its finish time when the last one ends.
    const inFlight = await hasActiveItems(tx, run.id, ['in_progress']);
    const status = await moveRun(tx, run, 'cancel', { finishedAt: inFlight ? null : new Date() });
    // What is still queued is dropped; its conversations go back to their status from before the run.
    await cancelQueuedItems(tx, run.id);
    return { id: run.id, status };
  });
}

/** Changes a run's spending limit, e.g. to continue a run that paused at its old one. */
export async function setSpendingLimit(db: Db, runId: string, limitUsd: number | null) {
  const [run] = await db.select({ id: generationRuns.id, spent: generationRuns.spentUsd, status: generationRuns.status }).from(generationRuns).where(eq(generationRuns.id, runId));
  if (!run) throw notFound('The run');
  if (limitUsd !== null && limitUsd < run.spent) {
    throw new AppError({ code: 'limit_below_spent', status: 422, message: `This run has already spent $${run.spent.toFixed(2)}, more than $${limitUsd.toFixed(2)}.`, hint: 'Choose a limit above what it has spent, or none.' });
  }
  await db.update(generationRuns).set({ spendingLimitUsd: limitUsd, budgetWarnedAt: null, updatedAt: new Date() }).where(eq(generationRuns.id, runId));
}

/**
 * At start-up: runs that were going when the process stopped either carry on (resume on
 * start) or wait as "interrupted" for the user's Resume (interrupt). With `releaseInProgress`
 * (only this process works on the database), items it left in progress go back to the queue
 * (requeue) — or, in a cancelled run, are cancelled — except items sent in a Message Batch,
 * whose results are still to come. Nothing is lost and nothing is done twice (lease-checked writes).
 */
export async function recoverRuns(db: Db, opts: { releaseInProgress: boolean }): Promise<{ resumed: number; interrupted: number }> {
  return db.transaction(async (tx) => {
    if (opts.releaseInProgress) {
      const unsent = sql`ri.batch_id is null`;
      await cancelItems(tx, sql`${unsent} and exists (select 1 from generation_runs r where r.id = ri.run_id and r.status = 'cancelled')`);
      await moveItems(tx, 'requeue', unsent);
      // Repairs a reservation left behind by older versions: what is reserved is what the items in flight hold.
      await tx.execute(sql`update generation_runs r set reserved_usd = coalesce((select sum(reserved_usd) from run_items ri where ri.run_id = r.id and ri.status = 'in_progress'), 0) where r.reserved_usd > 0`);
    }
    const interrupted = await interruptRuns(tx);
    const [{ resumed }] = await tx
      .select({ resumed: sql<number>`count(*)::int` })
      .from(generationRuns)
      .where(inArray(generationRuns.status, ACTIVE_RUN_STATUSES));
    return { resumed, interrupted };
  });
}
