import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client';
import { generationRuns } from '../db/schema';
import { notify } from '../notify/in-app';
import { LeaseLost, type ClaimedWork } from './item-types';
import { pauseRunFor } from './lifecycle/runs';

/**
 * Reserves a call's worst-case cost before it is dispatched. The check and the reservation are
 * one UPDATE, so concurrent calls can never together spend past the run's limit. The item
 * holds its reservation until it leaves its worker's hands (settled, given back, cancelled or
 * taken over), which gives it back: a run's reservation is what its items in flight hold.
 * Throws LeaseLost when the item is no longer the caller's.
 */
export async function reserveBudget(db: Db, item: ClaimedWork, worstCaseUsd: number): Promise<'reserved' | 'wait' | 'exhausted'> {
  const [row] = await queryRows<{ reserved: boolean; held: boolean; in_flight: number }>(
    db,
    sql`with held as (
          select id from run_items where id = ${item.id} and lease_owner = ${item.leaseOwner} and status = 'in_progress'
        ), reserved as (
          update generation_runs set reserved_usd = reserved_usd + ${worstCaseUsd}, updated_at = now()
          where id = ${item.runId} and exists (select 1 from held)
            and (spending_limit_usd is null or spent_usd + reserved_usd + ${worstCaseUsd} <= spending_limit_usd + 1e-9)
          returning id
        ), item as (
          update run_items set reserved_usd = reserved_usd + ${worstCaseUsd} where id in (select id from held) and exists (select 1 from reserved)
        )
        select exists (select 1 from reserved) as reserved, exists (select 1 from held) as held,
          (select reserved_usd from generation_runs where id = ${item.runId})::float8 as in_flight`,
  );
  if (!row.held) throw new LeaseLost();
  if (row.reserved) return 'reserved';
  // Calls in flight usually cost less than reserved: wait for them before deciding the limit is reached.
  return row.in_flight > 1e-9 ? 'wait' : 'exhausted';
}

/**
 * Reserves a second call for an item whose first call has answered (the LLM judge after the
 * generation): the item's reservation becomes what the first call was billed plus the second
 * call's worst case, if that fits under the run's limit beside everything spent and reserved.
 * The item keeps it until it settles, like any reservation, so a judge call in flight is
 * covered the same way a generation call is. `false` when there is no room: the caller skips
 * the call rather than wait, because the conversation is already paid for and must be stored.
 * Throws LeaseLost when the item is no longer the caller's.
 */
export async function reserveFollowUp(db: Db, item: ClaimedWork, billedUsd: number, worstCaseUsd: number): Promise<boolean> {
  const holds = billedUsd + worstCaseUsd;
  const [row] = await queryRows<{ reserved: boolean; held: boolean }>(
    db,
    sql`with held as (
          select id, reserved_usd from run_items where id = ${item.id} and lease_owner = ${item.leaseOwner} and status = 'in_progress'
        ), reserved as (
          update generation_runs set reserved_usd = greatest(0, reserved_usd - (select reserved_usd from held)) + ${holds}, updated_at = now()
          where id = ${item.runId} and exists (select 1 from held)
            and (spending_limit_usd is null or spent_usd + greatest(0, reserved_usd - (select reserved_usd from held)) + ${holds} <= spending_limit_usd + 1e-9)
          returning id
        ), item as (
          update run_items set reserved_usd = ${holds} where id in (select id from held) and exists (select 1 from reserved)
        )
        select exists (select 1 from reserved) as reserved, exists (select 1 from held) as held`,
  );
  if (!row.held) throw new LeaseLost();
  return row.reserved;
}

/** Adds what a call was billed to its run's spend. */
export async function addSpend(db: Db, runId: string, usd: number): Promise<void> {
  if (usd <= 0) return;
  await db.execute(sql`update generation_runs set spent_usd = spent_usd + ${usd}, updated_at = now() where id = ${runId}`);
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
  const paused = await pauseRunFor(db, runId, 'Paused: the spending limit is reached. Raise the limit and resume to continue.');
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
