import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../../test/support/databases';
import { createRunFixture, itemRow, itemRows, runRow } from '../../test/support/runs';
import type { Database } from '../db/client';
import { generationRuns, notifications, runItems, user } from '../db/schema';
import { addSpend, pauseForBudget, reserveBudget, reserveFollowUp, warnIfNearLimit } from './budget';
import { LeaseLost } from './item-types';
import { claimItems } from './lifecycle/claim';
import { giveBack } from './lifecycle/give-back';

describe.each(ENGINES)('the spending budget on %s', (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase(engine);
  });
  afterEach(() => database.close());

  async function runWithLimit(limitUsd: number | null, count = 1, spentUsd = 0) {
    const fixture = await createRunFixture(database.db, { statuses: Array(count).fill('not_generated'), spendingLimitUsd: limitUsd });
    await database.db.insert(user).values({ id: 'ada', name: 'Ada', email: 'ada@example.com' }).onConflictDoNothing();
    await database.db.update(generationRuns).set({ spentUsd, createdBy: 'ada' }).where(eq(generationRuns.id, fixture.runId));
    const items = await claimItems(database.db, { owner: 'worker-a', runId: fixture.runId, limit: count, leaseMs: 60_000 });
    return { ...fixture, items };
  }
  const notices = (kind: string) => database.db.select().from(notifications).where(eq(notifications.kind, kind));

  it('reserves the worst case within the limit, on the run and on the item', async () => {
    const { runId, itemIds, items } = await runWithLimit(1, 2);
    expect(await reserveBudget(database.db, items[0], 0.4)).toBe('reserved');
    expect(await reserveBudget(database.db, items[1], 0.6)).toBe('reserved');
    expect((await runRow(database.db, runId)).reservedUsd).toBeCloseTo(1);
    expect((await itemRows(database.db, itemIds)).map((i) => i.reservedUsd)).toEqual([0.4, 0.6]);
  });

  it('counts what was already spent against the limit', async () => {
    const { items } = await runWithLimit(1, 1, 0.7);
    expect(await reserveBudget(database.db, items[0], 0.4)).toBe('exhausted');
  });

  it('says to wait while calls in flight hold reservations, and that the limit is reached once none do', async () => {
    const { itemIds, items } = await runWithLimit(1, 2);
    expect(await reserveBudget(database.db, items[0], 0.8)).toBe('reserved');
    expect(await reserveBudget(database.db, items[1], 0.8)).toBe('wait');
    expect((await itemRow(database.db, itemIds[1])).reservedUsd).toBe(0);
    // The first call's reservation goes back when it is given back; the limit is not reached after all.
    await giveBack(database.db, [items[0]]);
    expect(await reserveBudget(database.db, items[1], 0.8)).toBe('reserved');
  });

  it("turns an answered call's reservation into what it was billed plus the follow-up's worst case, when that fits", async () => {
    const { runId, itemIds, items } = await runWithLimit(1, 2);
    expect(await reserveBudget(database.db, items[0], 0.6)).toBe('reserved');
    expect(await reserveBudget(database.db, items[1], 0.3)).toBe('reserved');
    // Billed 0.2 of the 0.6 reserved: a 0.4 judge call fits (0.2 + 0.4 + the other item's 0.3 ≤ 1).
    expect(await reserveFollowUp(database.db, items[0], 0.2, 0.4)).toBe(true);
    expect((await itemRow(database.db, itemIds[0])).reservedUsd).toBeCloseTo(0.6);
    expect((await runRow(database.db, runId)).reservedUsd).toBeCloseTo(0.9);
  });

  it('refuses a follow-up that would pass the limit, leaving every reservation as it was', async () => {
    const { runId, itemIds, items } = await runWithLimit(1, 2, 0.1);
    expect(await reserveBudget(database.db, items[0], 0.5)).toBe('reserved');
    expect(await reserveBudget(database.db, items[1], 0.3)).toBe('reserved');
    // 0.1 spent + 0.45 billed + 0.3 in flight + a 0.2 judge call would be 1.05.
    expect(await reserveFollowUp(database.db, items[0], 0.45, 0.2)).toBe(false);
    expect((await itemRow(database.db, itemIds[0])).reservedUsd).toBeCloseTo(0.5);
    expect((await runRow(database.db, runId)).reservedUsd).toBeCloseTo(0.8);
    await giveBack(database.db, [items[1]]);
    expect(await reserveFollowUp(database.db, items[0], 0.45, 0.2)).toBe(true);
  });

  it('reserves no follow-up for an item the caller no longer holds', async () => {
    const { items } = await runWithLimit(1);
    await expect(reserveFollowUp(database.db, { ...items[0], leaseOwner: 'worker-b' }, 0.1, 0.1)).rejects.toBeInstanceOf(LeaseLost);
  });

  it('never lets calls reserving at once together pass the limit', async () => {
    const { runId, items } = await runWithLimit(1, 10);
    const outcomes = await Promise.all(items.map((item) => reserveBudget(database.db, item, 0.3)));
    expect(outcomes.filter((o) => o === 'reserved')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'wait')).toHaveLength(7);
    expect((await runRow(database.db, runId)).reservedUsd).toBeCloseTo(0.9);
  });

  it('reserves nothing for an item the caller no longer holds', async () => {
    const { runId, itemIds, items } = await runWithLimit(1);
    await database.db.update(runItems).set({ leaseOwner: 'worker-b' }).where(eq(runItems.id, itemIds[0]));
    await expect(reserveBudget(database.db, items[0], 0.4)).rejects.toBeInstanceOf(LeaseLost);
    expect((await runRow(database.db, runId)).reservedUsd).toBe(0);
    expect((await itemRow(database.db, itemIds[0])).reservedUsd).toBe(0);
  });

  it('reserves for a run without a limit too, so its items in flight are known', async () => {
    const { runId, items } = await runWithLimit(null);
    expect(await reserveBudget(database.db, items[0], 12)).toBe('reserved');
    expect((await runRow(database.db, runId)).reservedUsd).toBe(12);
  });

  it('adds spend, ignoring nothing-billed calls', async () => {
    const { runId } = await runWithLimit(1);
    await addSpend(database.db, runId, 0.25);
    await addSpend(database.db, runId, 0);
    expect((await runRow(database.db, runId)).spentUsd).toBe(0.25);
  });

  it('warns once when the run has spent the warning share of its limit', async () => {
    const { runId } = await runWithLimit(10, 1, 7.9);
    await warnIfNearLimit(database.db, runId, 80);
    expect(await notices('budget_warning')).toHaveLength(0);
    await addSpend(database.db, runId, 0.1);
    await warnIfNearLimit(database.db, runId, 80);
    await warnIfNearLimit(database.db, runId, 80);
    const sent = await notices('budget_warning');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ userId: 'ada', title: 'A run has used 80% of its spending limit', link: `/runs?run=${runId}` });
    expect((await runRow(database.db, runId)).budgetWarnedAt).not.toBeNull();
  });

  it('pauses an active run at its limit, saying why, and tells its creator once', async () => {
    const { runId } = await runWithLimit(1, 1, 1);
    await pauseForBudget(database.db, runId);
    await pauseForBudget(database.db, runId);
    expect(await runRow(database.db, runId)).toMatchObject({ status: 'paused', error: expect.stringMatching(/spending limit is reached/) });
    expect(await notices('budget_reached')).toHaveLength(1);
  });

  it('leaves a cancelled run cancelled', async () => {
    const { runId } = await runWithLimit(1);
    await database.db.update(generationRuns).set({ status: 'cancelled' }).where(eq(generationRuns.id, runId));
    await pauseForBudget(database.db, runId);
    expect((await runRow(database.db, runId)).status).toBe('cancelled');
    expect(await notices('budget_reached')).toHaveLength(0);
  });
});
