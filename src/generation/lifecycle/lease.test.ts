import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../../../test/support/databases';
import { conversationStatuses, createRunFixture, itemRow, itemRows, runRow } from '../../../test/support/runs';
import type { Database } from '../../db/client';
import { conversations, generationRuns, runItems } from '../../db/schema';
import { claimItems, renewLeases } from './claim';
import { giveBack } from './give-back';

const LEASE_MS = 60_000;

describe.each(ENGINES)('item leases on %s', (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase(engine);
  });
  afterEach(() => database.close());

  const claim = (runId: string, owner: string, limit = 10, exclude: number[] = []) => claimItems(database.db, { owner, runId, limit, leaseMs: LEASE_MS, exclude });
  /** The lease lapsed a minute ago, as if its worker died. */
  const lapse = (ids: number[]) => database.db.update(runItems).set({ leaseExpiresAt: new Date(Date.now() - 60_000) }).where(inArray(runItems.id, ids));

  it('claims pending items under a lease: attempts + 1, conversations Generating, the run Running', async () => {
    const { runId, conversationIds, itemIds } = await createRunFixture(database.db, { statuses: ['not_generated', 'approved', 'failed'] });
    const before = Date.now();
    const claimed = await claim(runId, 'worker-a', 2);
    expect(claimed.map((i) => i.id)).toEqual(itemIds.slice(0, 2));
    expect(claimed.every((i) => i.leaseOwner === 'worker-a' && i.attempts === 1 && i.runId === runId)).toBe(true);
    const rows = await itemRows(database.db, itemIds);
    expect(rows.map((r) => [r.status, r.leaseOwner, r.attempts])).toEqual([
      ['in_progress', 'worker-a', 1],
      ['in_progress', 'worker-a', 1],
      ['pending', null, 0],
    ]);
    // The lease runs from the claim (the database's clock, up to a second apart from this one).
    expect(rows[0].leaseExpiresAt!.getTime()).toBeGreaterThanOrEqual(before + LEASE_MS - 1000);
    expect(await conversationStatuses(database.db, conversationIds)).toEqual(['generating', 'generating', 'failed']);
    const run = await runRow(database.db, runId);
    expect(run.status).toBe('running');
    expect(run.startedAt).not.toBeNull();
  });

  it('never hands one item to two claims, even at the same moment', async () => {
    const { runId, itemIds } = await createRunFixture(database.db, { statuses: Array(6).fill('not_generated') });
    const [a, b, c] = await Promise.all([claim(runId, 'worker-a', 3), claim(runId, 'worker-b', 3), claim(runId, 'worker-c', 3)]);
    const ids = [...a, ...b, ...c].map((i) => i.id).sort((x, y) => x - y);
    expect(ids).toEqual(itemIds);
  });

  it('leaves an item with a live lease alone and takes over one whose lease lapsed, counting the dead attempt', async () => {
    const { runId, itemIds } = await createRunFixture(database.db, { statuses: ['not_generated', 'not_generated'] });
    await claim(runId, 'worker-a');
    expect(await claim(runId, 'worker-b')).toEqual([]);
    await lapse([itemIds[0]]);
    const taken = await claim(runId, 'worker-b');
    expect(taken.map((i) => [i.id, i.attempts, i.leaseOwner])).toEqual([[itemIds[0], 2, 'worker-b']]);
    expect((await itemRow(database.db, itemIds[1])).leaseOwner).toBe('worker-a');
  });

  it("gives back a taken-over item's reservation: the run reserves only what its items in flight hold", async () => {
    const { runId, itemIds } = await createRunFixture(database.db, { statuses: ['not_generated', 'not_generated'], spendingLimitUsd: 10 });
    await claim(runId, 'worker-a');
    await database.db.update(runItems).set({ reservedUsd: 0.5 }).where(inArray(runItems.id, itemIds));
    await database.db.update(generationRuns).set({ reservedUsd: 1 }).where(eq(generationRuns.id, runId));
    await lapse([itemIds[0]]);
    await claim(runId, 'worker-b');
    expect((await runRow(database.db, runId)).reservedUsd).toBeCloseTo(0.5);
    expect((await itemRow(database.db, itemIds[0])).reservedUsd).toBe(0);
  });

  it('never claims from a run that is not active, nor the items a worker excludes, nor one sent in a batch', async () => {
    const paused = await createRunFixture(database.db, { statuses: ['not_generated'], runStatus: 'paused' });
    expect(await claim(paused.runId, 'worker-a')).toEqual([]);
    expect((await itemRow(database.db, paused.itemIds[0])).status).toBe('pending');

    const { runId, itemIds } = await createRunFixture(database.db, { statuses: ['not_generated', 'not_generated'] });
    expect((await claim(runId, 'worker-a', 10, [itemIds[0]])).map((i) => i.id)).toEqual([itemIds[1]]);

    await claim(runId, 'worker-a');
    await database.db.update(runItems).set({ batchId: 'msgbatch_1', leaseOwner: 'batch:msgbatch_1' }).where(eq(runItems.id, itemIds[0]));
    await lapse(itemIds);
    expect((await claim(runId, 'worker-b')).map((i) => i.id)).toEqual([itemIds[1]]);
  });

  it('waits out the backoff of an item given back with a delay', async () => {
    const { runId, itemIds } = await createRunFixture(database.db, { statuses: ['not_generated'] });
    await giveBack(database.db, await claim(runId, 'worker-a'), { delayMs: 60_000 });
    expect(await claim(runId, 'worker-a')).toEqual([]);
    await database.db.update(runItems).set({ nextAttemptAt: new Date(Date.now() - 1) }).where(eq(runItems.id, itemIds[0]));
    expect(await claim(runId, 'worker-a')).toHaveLength(1);
  });

  it('remembers the status a conversation had when it was claimed, even if a review changed it after the run was created', async () => {
    const { runId, conversationIds, itemIds } = await createRunFixture(database.db, { statuses: ['approved'] });
    await database.db.update(conversations).set({ status: 'rejected' }).where(eq(conversations.id, conversationIds[0]));
    await claim(runId, 'worker-a');
    expect((await itemRow(database.db, itemIds[0])).previousStatus).toBe('rejected');
    // Taken over, it keeps what it remembered: the conversation is Generating by then.
    await lapse(itemIds);
    await claim(runId, 'worker-b');
    expect((await itemRow(database.db, itemIds[0])).previousStatus).toBe('rejected');
  });

  it("renews only the leases of the owner's items in progress", async () => {
    const { runId, itemIds } = await createRunFixture(database.db, { statuses: ['not_generated', 'not_generated'] });
    await claim(runId, 'worker-a', 1);
    await claim(runId, 'worker-b', 1);
    await lapse(itemIds);
    const before = Date.now();
    expect(await renewLeases(database.db, 'worker-a', itemIds, LEASE_MS)).toBe(1);
    const [a, b] = await itemRows(database.db, itemIds);
    expect(a.leaseExpiresAt!.getTime()).toBeGreaterThanOrEqual(before + LEASE_MS - 1000);
    expect(b.leaseExpiresAt!.getTime()).toBeLessThan(before);
    expect(await renewLeases(database.db, 'worker-a', [], LEASE_MS)).toBe(0);
  });

  describe('giving an item back', () => {
    it('undoes the attempt, clears the lease and releases the reservation', async () => {
      const { runId, conversationIds, itemIds } = await createRunFixture(database.db, { statuses: ['not_generated'], spendingLimitUsd: 5 });
      const items = await claim(runId, 'worker-a');
      await database.db.update(runItems).set({ reservedUsd: 0.4 }).where(eq(runItems.id, itemIds[0]));
      await database.db.update(generationRuns).set({ reservedUsd: 0.4 }).where(eq(generationRuns.id, runId));
      await giveBack(database.db, items, { lastError: 'The batch could not be sent.' });
      expect(await itemRow(database.db, itemIds[0])).toMatchObject({ status: 'pending', attempts: 0, leaseOwner: null, leaseExpiresAt: null, reservedUsd: 0, nextAttemptAt: null, lastError: 'The batch could not be sent.' });
      expect((await runRow(database.db, runId)).reservedUsd).toBe(0);
      // The conversation stays Generating: its run is still going.
      expect(await conversationStatuses(database.db, conversationIds)).toEqual(['generating']);
    });

    it('never takes attempts below zero', async () => {
      const { runId, itemIds } = await createRunFixture(database.db, { statuses: ['not_generated'] });
      const items = await claim(runId, 'worker-a');
      await database.db.update(runItems).set({ attempts: 0 }).where(eq(runItems.id, itemIds[0]));
      await giveBack(database.db, items);
      expect((await itemRow(database.db, itemIds[0])).attempts).toBe(0);
    });

    it('leaves alone an item another worker has taken over', async () => {
      const { runId, itemIds } = await createRunFixture(database.db, { statuses: ['not_generated'] });
      const stale = await claim(runId, 'worker-a');
      await lapse(itemIds);
      await claim(runId, 'worker-b');
      await giveBack(database.db, stale);
      expect(await itemRow(database.db, itemIds[0])).toMatchObject({ status: 'in_progress', leaseOwner: 'worker-b', attempts: 2 });
    });

    it('cancels instead when the run was cancelled meanwhile, restoring the conversation', async () => {
      const { runId, conversationIds, itemIds } = await createRunFixture(database.db, { statuses: ['approved', 'not_generated'] });
      const items = await claim(runId, 'worker-a');
      await database.db.update(generationRuns).set({ status: 'cancelled' }).where(eq(generationRuns.id, runId));
      await giveBack(database.db, items);
      const rows = await itemRows(database.db, itemIds);
      expect(rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
      expect(rows.every((r) => r.finishedAt !== null && r.leaseOwner === null)).toBe(true);
      expect(await conversationStatuses(database.db, conversationIds)).toEqual(['approved', 'not_generated']);
    });

    it('is the only give-back: no other module undoes an attempt', async () => {
      // Four copies of this drifted apart (one lacked the zero guard); this keeps it to one.
      const root = fileURLToPath(new URL('..', import.meta.url));
      const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
      const undoing: string[] = [];
      for (const file of files) if (/attempts\s*-\s*1/.test(await readFile(path.join(root, file), 'utf8'))) undoing.push(file);
      expect(undoing).toEqual([path.join('lifecycle', 'give-back.ts')]);
    });
  });
});
