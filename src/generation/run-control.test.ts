import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../../test/support/databases';
import { conversationStatuses, createRunFixture, itemRows, runRow } from '../../test/support/runs';
import { TransitionRefused } from '../core/state-machine';
import type { Database } from '../db/client';
import { conversations, generationRuns, runItems } from '../db/schema';
import { claimItems } from './lifecycle/claim';
import { controlRun, recoverRuns } from './run-control';

describe.each(ENGINES)('run control on %s', (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase(engine);
  });
  afterEach(() => database.close());

  const setRunStatus = (runId: string, status: string) => database.db.update(generationRuns).set({ status }).where(eq(generationRuns.id, runId));

  it('pause and resume move the run; resuming a run with nothing left completes it', async () => {
    const { runId, itemIds } = await createRunFixture(database.db, { statuses: ['not_generated'] });
    expect(await controlRun(database.db, runId, 'pause')).toEqual({ id: runId, status: 'paused' });
    await database.db.update(generationRuns).set({ error: 'Paused: the spending limit is reached.' }).where(eq(generationRuns.id, runId));
    expect(await controlRun(database.db, runId, 'resume')).toEqual({ id: runId, status: 'queued' });
    expect(await runRow(database.db, runId)).toMatchObject({ status: 'queued', error: null });

    await controlRun(database.db, runId, 'pause');
    await database.db.update(runItems).set({ status: 'succeeded' }).where(eq(runItems.id, itemIds[0]));
    expect(await controlRun(database.db, runId, 'resume')).toEqual({ id: runId, status: 'completed' });
    expect((await runRow(database.db, runId)).finishedAt).not.toBeNull();
  });

  it.each([
    ['pause', 'paused'],
    ['pause', 'completed'],
    ['resume', 'running'],
    ['resume', 'cancelled'],
    ['cancel', 'completed'],
    ['cancel', 'cancelled'],
  ] as const)('refuses to %s a %s run, naming the transition and the status, and changes nothing', async (action, status) => {
    const { runId } = await createRunFixture(database.db, { statuses: ['not_generated'] });
    await setRunStatus(runId, status);
    const refused = await controlRun(database.db, runId, action).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(TransitionRefused);
    expect(refused).toMatchObject({ status: 409, code: 'invalid_run_state', transition: action, from: status });
    expect((refused as Error).message).toContain(`cannot be ${action === 'pause' ? 'paused' : action === 'resume' ? 'resumed' : 'cancelled'}`);
    expect((await runRow(database.db, runId)).status).toBe(status);
  });

  it('cancel drops what is queued, restores its conversations, and lets calls in flight finish', async () => {
    const { runId, conversationIds, itemIds } = await createRunFixture(database.db, { statuses: ['approved', 'not_generated', 'generated'] });
    await claimItems(database.db, { owner: 'worker-a', runId, limit: 1, leaseMs: 60_000 });
    // The conversations of a one-conversation run are Generating while queued.
    await database.db.update(conversations).set({ status: 'generating' }).where(eq(conversations.id, conversationIds[1]));
    expect(await controlRun(database.db, runId, 'cancel')).toEqual({ id: runId, status: 'cancelled' });
    expect((await itemRows(database.db, itemIds)).map((i) => i.status)).toEqual(['in_progress', 'cancelled', 'cancelled']);
    expect(await conversationStatuses(database.db, conversationIds)).toEqual(['generating', 'not_generated', 'generated']);
    // Its finish time waits for the call in flight.
    expect((await runRow(database.db, runId)).finishedAt).toBeNull();
  });

  it('cancel with nothing in flight finishes the run at once', async () => {
    const { runId } = await createRunFixture(database.db, { statuses: ['not_generated'] });
    await controlRun(database.db, runId, 'cancel');
    expect((await runRow(database.db, runId)).finishedAt).not.toBeNull();
  });

  it('recovery requeues what the stopped process had in progress, cancels what its cancelled runs had, and interrupts runs that wait for Resume', async () => {
    const going = await createRunFixture(database.db, { statuses: ['not_generated', 'not_generated'], spendingLimitUsd: 5 });
    const cancelled = await createRunFixture(database.db, { statuses: ['approved'] });
    const waiting = await createRunFixture(database.db, { statuses: ['not_generated'] });
    await database.db.update(generationRuns).set({ resumeOnStart: false }).where(eq(generationRuns.id, waiting.runId));
    for (const run of [going, cancelled]) await claimItems(database.db, { owner: 'worker-dead', runId: run.runId, limit: 10, leaseMs: 60_000 });
    await database.db.update(runItems).set({ reservedUsd: 0.5 }).where(inArray(runItems.id, going.itemIds));
    await database.db.update(generationRuns).set({ reservedUsd: 1 }).where(eq(generationRuns.id, going.runId));
    // Sent in a batch: its results are still to come, so it stays.
    await database.db.update(runItems).set({ batchId: 'msgbatch_1', reservedUsd: 0.5 }).where(eq(runItems.id, going.itemIds[1]));
    await setRunStatus(cancelled.runId, 'cancelled');

    expect(await recoverRuns(database.db, { releaseInProgress: true })).toEqual({ resumed: 1, interrupted: 1 });
    const [requeued, sent] = await itemRows(database.db, going.itemIds);
    expect(requeued).toMatchObject({ status: 'pending', leaseOwner: null, attempts: 1, reservedUsd: 0 });
    expect(sent).toMatchObject({ status: 'in_progress', batchId: 'msgbatch_1' });
    expect((await runRow(database.db, going.runId)).reservedUsd).toBeCloseTo(0.5);
    expect((await itemRows(database.db, cancelled.itemIds))[0].status).toBe('cancelled');
    expect(await conversationStatuses(database.db, cancelled.conversationIds)).toEqual(['approved']);
    expect((await runRow(database.db, waiting.runId)).status).toBe('interrupted');
  });

  it('recovery without releasing leaves items in progress to their workers', async () => {
    const { runId, itemIds } = await createRunFixture(database.db, { statuses: ['not_generated'] });
    await claimItems(database.db, { owner: 'worker-elsewhere', runId, limit: 10, leaseMs: 60_000 });
    expect(await recoverRuns(database.db, { releaseInProgress: false })).toEqual({ resumed: 1, interrupted: 0 });
    expect((await itemRows(database.db, itemIds))[0]).toMatchObject({ status: 'in_progress', leaseOwner: 'worker-elsewhere' });
  });
});
