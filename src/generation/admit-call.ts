import { eq } from 'drizzle-orm';
import { ACTIVE_RUN_STATUSES } from '../core/run-statuses';
import type { Db } from '../db/client';
import { generationRuns } from '../db/schema';
import { pauseForBudget, reserveBudget } from './budget';
import type { ClaimedWork, ItemOutcome } from './item-types';
import { giveBack } from './lifecycle/give-back';
import type { ReleaseFn } from './rate-limiter';
import type { RunRuntime } from './run-runtime';

async function runIsActive(db: Db, runId: string) {
  const [run] = await db.select({ status: generationRuns.status }).from(generationRuns).where(eq(generationRuns.id, runId));
  return (ACTIVE_RUN_STATUSES as readonly string[]).includes(run?.status ?? '');
}

export type Admission = { admitted: true; release: ReleaseFn } | { admitted: false; outcome: ItemOutcome };

/**
 * What every provider call of a run goes through before it is made, whatever the item makes:
 * the budget reserves the worst case (every allowed output token), so a limit is never
 * overshot; the rate limiter reserves what recent answers used and is corrected to the actual
 * count afterwards. An item that may not go now is given back (and the run paused when its
 * budget is spent, or left alone when it was paused or cancelled meanwhile).
 */
export async function admitCall(db: Db, runtime: RunRuntime, item: ClaimedWork, call: { worstCaseUsd: number; estimate: { inputTokens: number; outputTokens: number } }): Promise<Admission> {
  // Without a spending limit there is nothing to reserve against.
  const reservation = runtime.hasSpendingLimit ? await reserveBudget(db, item, call.worstCaseUsd) : 'reserved';
  if (reservation !== 'reserved') {
    // Waiting for in-flight calls to settle: come back in a moment rather than spin.
    await giveBack(db, [item], { delayMs: reservation === 'wait' ? 2000 : 0 });
    if (reservation === 'exhausted') await pauseForBudget(db, item.runId);
    return { admitted: false, outcome: reservation === 'exhausted' ? 'budget_paused' : 'budget_wait' };
  }
  const waitStarted = Date.now();
  const release = await runtime.limiter.acquire(call.estimate);
  // The run may have been paused or cancelled while this item waited for the rate limiter.
  if (Date.now() - waitStarted > 100 && !(await runIsActive(db, item.runId))) {
    release();
    // Giving the item back gives its reservation back too.
    await giveBack(db, [item]);
    return { admitted: false, outcome: 'run_stopped' };
  }
  return { admitted: true, release };
}
