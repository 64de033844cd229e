import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../db/client';
import { generationRuns } from '../db/schema';
import { notify } from '../notify/in-app';

/**
 * Reserves a call's worst-case cost before it is dispatched. The check and the reservation are
 * one UPDATE, so concurrent calls can never together spend past the run's limit.
 */
export async function reserveBudget(db: Db, runId: string, worstCaseUsd: number, itemId?: number): Promise<'reserved' | 'wait' | 'exhausted'> {
  // The item remembers its reservation, so one abandoned by a dead worker can be released.
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with reserved as (
          update generation_runs set reserved_usd = reserved_usd + ${worstCaseUsd}, updated_at = now()
          where id = ${runId} and (spending_limit_usd is null or spent_usd + reserved_usd + ${worstCaseUsd} <= spending_limit_usd + 1e-9)
          returning id),
        item as (update run_items set reserved_usd = ${worstCaseUsd} where id = ${itemId ?? -1} and exists (select 1 from reserved) returning id)
        select id from reserved`,
  );
  if (rows.length) return 'reserved';
  // Calls in flight usually cost less than reserved: wait for them before deciding the limit is reached.
  const [run] = await db.select({ reserved: generationRuns.reservedUsd }).from(generationRuns).where(eq(generationRuns.id, runId));
  return run && run.reserved > 1e-9 ? 'wait' : 'exhausted';
}

/**
 * Turns a reservation into the actual cost (0 for a failed call), inside the caller's
 * transaction; says whether the run has just crossed its warning threshold.
 */
export async function settleBudget(tx: Tx, runId: string, reservedUsd: number, actualUsd: number, warnAtPercent = 80): Promise<{ shouldWarn: boolean }> {
  const [row] = await queryRows<{ spent: number; limit: number | null; warned: boolean }>(
    tx as unknown as Db,
    sql`update generation_runs set reserved_usd = greatest(0, reserved_usd - ${reservedUsd}), spent_usd = spent_usd + ${actualUsd}, updated_at = now()
        where id = ${runId} returning spent_usd as spent, spending_limit_usd as "limit", budget_warned_at is not null as warned`,
  );
  return { shouldWarn: Boolean(row && row.limit !== null && !row.warned && row.spent >= (row.limit * warnAtPercent) / 100) };
}

const BUDGET_FIELDS = { id: generationRuns.id, createdBy: generationRuns.createdBy, limit: generationRuns.spendingLimitUsd, spent: generationRuns.spentUsd };

/** An in-app notification to the run's creator about its spending, linking to the run. */
async function tellCreator(
  db: Db,
  run: { id: string; createdBy: string | null; limit: number | null; spent: number },
  kind: string,
  title: string,
  body: (spent: string, limit: string) => string,
) {
  await notify(db, { userId: run.createdBy, kind, title, body: body(`$${run.spent.toFixed(2)}`, `$${(run.limit ?? 0).toFixed(2)}`), link: `/runs?run=${run.id}` });
}

/** When the next call could overshoot the limit, the run pauses itself and says why. */
export async function pauseForBudget(db: Db, runId: string) {
  const paused = await db
    .update(generationRuns)
    .set({ status: 'paused', error: 'Paused: the spending limit is reached. Raise the limit and resume to continue.', updatedAt: new Date() })
    .where(and(eq(generationRuns.id, runId), sql`${generationRuns.status} in ('queued', 'running')`))
    .returning(BUDGET_FIELDS);
  if (paused.length) {
    await tellCreator(db, paused[0], 'budget_reached', 'A run paused at its spending limit', (spent, limit) => `It has spent ${spent} of its ${limit} limit. Raise the limit and resume it to continue.`);
  }
}

/** Sends the one-time warning when a run has spent `percent` % of its limit (US13.1.2). */
export async function warnIfNearLimit(db: Db, runId: string, percent: number) {
  const warned = await db
    .update(generationRuns)
    .set({ budgetWarnedAt: new Date() })
    .where(
      and(
        eq(generationRuns.id, runId),
        isNull(generationRuns.budgetWarnedAt),
        sql`${generationRuns.spendingLimitUsd} is not null and ${generationRuns.spentUsd} >= ${generationRuns.spendingLimitUsd} * ${percent / 100}`,
      ),
    )
    .returning(BUDGET_FIELDS);
  if (warned.length) {
    await tellCreator(db, warned[0], 'budget_warning', `A run has used ${percent}% of its spending limit`, (spent, limit) => `Spent ${spent} of ${limit}. It pauses itself before going over.`);
  }
}
