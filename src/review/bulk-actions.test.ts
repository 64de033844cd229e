import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import type { Db } from '../db/client';
import { BulkActions, type BatchOutcome } from './bulk-actions';
import type { SelectedRef } from './bulk-selection';

/** No database: each batch's "transaction" just runs the work. */
const fakeDb = { transaction: <T>(fn: (tx: unknown) => Promise<T>) => fn({}) } as unknown as Db;

const refs = (n: number): SelectedRef[] => Array.from({ length: n }, (_, i) => ({ id: `id-${String(i).padStart(4, '0')}`, conversationId: `conv-${String(i).padStart(5, '0')}` }));

/** A promise with its resolve, to hold a batch until the test lets it go. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('BulkActions.inBatches', () => {
  it('sizes PGlite batches by the time the last one took, up to the configured size, and covers every item once, in order', async () => {
    // The clock advances by what each batch "takes": 500 ms for the first 250, then 0.2 ms a row.
    let clock = 0;
    const sizes: number[] = [];
    const seen: number[] = [];
    const actions = new BulkActions({ db: fakeDb, kind: 'pglite', batchSize: 400, now: () => clock });
    const items = Array.from({ length: 2_000 }, (_, i) => i);
    const finished = await actions.inBatches(items, async (batch) => {
      sizes.push(batch.length);
      seen.push(...batch);
      clock += sizes.length === 1 ? 500 : batch.length / 5;
    });
    expect(finished).toBe(true);
    // 250 at 2 ms a row → 50 for 100 ms; then 0.2 ms a row → 500 for 100 ms, capped at the configured 400.
    expect(sizes).toEqual([250, 50, 400, 400, 400, 400, 100]);
    expect(seen).toEqual(items);
  });

  it('keeps the configured size on PostgreSQL, and stops before a batch when asked', async () => {
    let clock = 0;
    const sizes: number[] = [];
    const actions = new BulkActions({ db: fakeDb, kind: 'postgres', batchSize: 300, now: () => clock });
    const finished = await actions.inBatches(
      Array.from({ length: 1_000 }, (_, i) => i),
      async (batch) => {
        sizes.push(batch.length);
        clock += 10_000;
      },
      () => sizes.length === 2,
    );
    expect(finished).toBe(false);
    expect(sizes).toEqual([300, 300]);
  });
});

describe('BulkActions', () => {
  it('runs an action batch by batch, counting, listing skips and failures apart, in order, and reporting what it wrote', async () => {
    const reported: [readonly string[], number][] = [];
    const actions = new BulkActions({ db: fakeDb, kind: 'postgres', batchSize: 4, onFinished: (tables, changed) => reported.push([tables, changed]) });
    const started = actions.start({
      kind: 'approve',
      refs: refs(10),
      unknown: [{ id: 'x', conversationId: 'conv-99999', message: 'conv-99999 was not found.' }],
      tables: ['conversations', 'review_logs'],
      // The last one of each batch is skipped (already approved), the first of the second batch has vanished.
      work: async (_tx, batch): Promise<BatchOutcome> => {
        const vanished = batch[0].id === 'id-0004' ? [{ ...batch[0], message: 'deleted meanwhile' }] : [];
        return { succeeded: batch.length - 1 - vanished.length, skips: [{ ...batch.at(-1)!, reason: 'already_in_state', message: 'already' }], failures: vanished };
      },
    });
    expect(started.action).toMatchObject({ state: 'running', requested: 11, processed: 1, succeeded: 0, skippedCount: 0, failedCount: 1, actionId: null });
    const ended = await started.ended;
    expect(ended).toMatchObject({ state: 'done', requested: 11, processed: 11, succeeded: 6, skippedCount: 3, failedCount: 2, actionId: ended.id, error: null });
    expect(ended.skipped.map((f) => f.conversationId)).toEqual(['conv-00003', 'conv-00007', 'conv-00009']);
    expect(ended.skippedByReason).toMatchObject({ already_in_state: 3, not_generated: 0 });
    expect(ended.failed.map((f) => f.conversationId)).toEqual(['conv-00004', 'conv-99999']);
    expect(actions.get(ended.id)).toEqual(ended);
    expect(reported).toEqual([[['conversations', 'review_logs'], 6]]);
    expect(actions.busy()).toBe(false);
  });

  it('holds its conversations while it runs: an overlapping claim is a 409, and a stop ends it after the batch in progress', async () => {
    const actions = new BulkActions({ db: fakeDb, kind: 'postgres', batchSize: 2 });
    const first = gate();
    const inFirst = gate();
    const started = actions.start({
      kind: 'reject',
      refs: refs(6),
      unknown: [],
      tables: ['conversations'],
      work: async (_tx, batch) => {
        if (batch[0].id === 'id-0000') {
          inFirst.open();
          await first.opened;
        }
        return { succeeded: batch.length, skips: [], failures: [] };
      },
    });
    await inFirst.opened;
    expect(actions.busy()).toBe(true);
    expect(actions.isRunning(started.action.id)).toBe(true);
    let refused: unknown;
    try {
      actions.claim(['id-0005', 'id-9999'], 'other', () => 'unused');
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 409, code: 'bulk_action_running', message: 'A bulk rejection of 6 conversations is still running (0 done so far) and covers 1 of these.' });
    actions.claim(['id-9999'], 'other', () => 'unused')();

    const stopping = actions.cancel(started.action.id);
    expect(actions.get(started.action.id)?.stopRequested).toBe(true);
    first.open();
    expect(await stopping).toMatchObject({ state: 'cancelled', processed: 2, succeeded: 2 });
    // Released: the rest can be claimed now.
    actions.claim(['id-0005'], 'other', () => 'unused')();
    await expect(actions.cancel(started.action.id)).rejects.toMatchObject({ status: 409, code: 'bulk_action_ended' });
  });

  it('ends as failed with what it did and why, when a batch throws', async () => {
    const actions = new BulkActions({ db: fakeDb, kind: 'postgres', batchSize: 3 });
    const boom = new Error('connection lost');
    const started = actions.start({
      kind: 'delete',
      refs: refs(9),
      unknown: [],
      tables: ['conversations'],
      work: async (_tx, batch) => {
        if (batch[0].id === 'id-0003') throw boom;
        return { succeeded: batch.length, skips: [], failures: [] };
      },
    });
    const ended = await started.ended;
    expect(ended).toMatchObject({ state: 'failed', processed: 3, succeeded: 3, actionId: null });
    expect(ended.error).toEqual({
      code: 'bulk_action_failed',
      message: 'The bulk delete stopped after 3 of 9 conversations: connection lost',
      hint: 'What was deleted before the error stays deleted; select the rest and try again.',
    });
    expect(started.cause()).toBe(boom);
    expect(actions.busy()).toBe(false);
  });

  it('answers 404 for an action it does not know', async () => {
    const actions = new BulkActions({ db: fakeDb, kind: 'pglite', batchSize: 10 });
    expect(actions.get('nope')).toBeNull();
    await expect(actions.cancel('nope')).rejects.toMatchObject({ status: 404, code: 'bulk_action_not_found' });
  });
});
