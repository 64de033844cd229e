import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError, notFound } from '../core/errors';
import type { Db } from '../db/client';
import { finishRunIfDone } from './run-commands';
import { conversations, generationRuns, runItems } from '../db/schema';

type Action = 'cancel' | 'pause' | 'resume';

const ALLOWED: Record<Action, string[]> = {
  cancel: ['queued', 'running', 'paused', 'interrupted'],
  pause: ['queued', 'running'],
  resume: ['paused', 'interrupted'],
};

const PAST: Record<Action, string> = { cancel: 'cancelled', pause: 'paused', resume: 'resumed' };

/**
 * Cancel, pause or resume a run. Items already being generated finish either way (their call
 * is paid for); pausing stops new claims, cancelling also drops what is still queued.
 */
export async function controlRun(db: Db, runId: string, action: Action): Promise<{ id: string; status: string }> {
  return db.transaction(async (tx) => {
    const [run] = await tx.select({ id: generationRuns.id, status: generationRuns.status }).from(generationRuns).where(eq(generationRuns.id, runId)).for('update');
    if (!run) throw notFound('The run');
    if (!ALLOWED[action].includes(run.status)) {
      throw new AppError({
        code: 'invalid_run_state',
        status: 409,
        message: `This run is ${run.status}, so it cannot be ${PAST[action]}.`,
        hint: action === 'resume' ? 'Only a paused or interrupted run can be resumed.' : 'It has already finished.',
        details: { status: run.status },
      });
    }
    if (action === 'resume') {
      await tx.update(generationRuns).set({ status: 'queued', error: null, updatedAt: new Date() }).where(eq(generationRuns.id, run.id));
      // A run whose last items finished while it was paused is simply complete.
      const done = await finishRunIfDone(tx as unknown as Db, run.id);
      return { id: run.id, status: done ? 'completed' : 'queued' };
    }
    if (action === 'pause') {
      await tx.update(generationRuns).set({ status: 'paused', updatedAt: new Date() }).where(eq(generationRuns.id, run.id));
      return { id: run.id, status: 'paused' };
    }
    const dropped = await tx
      .update(runItems)
      .set({ status: 'cancelled', finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null })
      .where(and(eq(runItems.runId, run.id), eq(runItems.status, 'pending')))
      .returning({ conversationId: runItems.conversationId, previousStatus: runItems.previousStatus });
    // A conversation marked Generating at queue time goes back to where it was.
    for (const item of dropped) {
      await tx
        .update(conversations)
        .set({ status: item.previousStatus ?? 'not_generated', updatedAt: new Date() })
        .where(and(eq(conversations.id, item.conversationId), eq(conversations.status, 'generating')));
    }
    const [{ active }] = await tx
      .select({ active: sql<number>`count(*)::int` })
      .from(runItems)
      .where(and(eq(runItems.runId, run.id), inArray(runItems.status, ['in_progress'])));
    await tx
      .update(generationRuns)
      .set({ status: 'cancelled', finishedAt: active ? null : new Date(), updatedAt: new Date() })
      .where(eq(generationRuns.id, run.id));
    return { id: run.id, status: 'cancelled' };
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
 * start) or wait as "interrupted" for the user's Resume. Items left in progress by this
 * process go back to the queue; nothing is lost and nothing is done twice (lease-checked writes).
 */
export async function recoverRuns(db: Db, opts: { releaseInProgress: boolean }): Promise<{ resumed: number; interrupted: number }> {
  return db.transaction(async (tx) => {
    if (opts.releaseInProgress) {
      // Items sent in a Message Batch stay with their batch: its results are still to come.
      await tx.execute(sql`
        with ended as (
          update run_items ri set status = 'cancelled', lease_owner = null, lease_expires_at = null, reserved_usd = 0, finished_at = now()
          from generation_runs r
          where r.id = ri.run_id and r.status = 'cancelled' and ri.status = 'in_progress' and ri.batch_id is null
          returning ri.conversation_id, ri.previous_status)
        update conversations c set status = coalesce(ended.previous_status, 'not_generated'), updated_at = now()
        from ended where c.id = ended.conversation_id and c.status = 'generating'`);
      await tx.execute(sql`update run_items set status = 'pending', lease_owner = null, lease_expires_at = null, reserved_usd = 0 where status = 'in_progress' and batch_id is null`);
      // What is still reserved is exactly what the remaining in-flight items hold.
      await tx.execute(sql`update generation_runs r set reserved_usd = coalesce((select sum(reserved_usd) from run_items ri where ri.run_id = r.id and ri.status = 'in_progress'), 0) where r.reserved_usd > 0`);
    }
    const interrupted = await tx
      .update(generationRuns)
      .set({ status: 'interrupted', updatedAt: new Date() })
      .where(and(inArray(generationRuns.status, ['queued', 'running']), eq(generationRuns.resumeOnStart, false)))
      .returning({ id: generationRuns.id });
    const [{ resumed }] = await tx
      .select({ resumed: sql<number>`count(*)::int` })
      .from(generationRuns)
      .where(inArray(generationRuns.status, ['queued', 'running']));
    return { resumed, interrupted: interrupted.length };
  });
}
