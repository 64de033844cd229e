import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { conversations, conversationTranscripts, conversationTurns, generationLogs, generationRuns, runItems } from '../../src/db/schema';
import { processItem } from '../../src/generation/process-item';
import { ProviderError } from '../../src/core/provider-errors';
import type { Provider } from '../../src/generation/providers/types';
import { finishRunIfDone } from '../../src/generation/lifecycle/runs';
import { createSingleRun } from '../../src/generation/run-commands';
import { controlRun } from '../../src/generation/run-control';
import { startWorker } from '../../src/generation/worker';
import { ENGINES, openTestDatabase } from '../support/databases';
import { runtimeOf, sourceOf } from '../support/runtime';
import { waitFor } from '../support/wait';

/** A provider that fails with the given errors, in order, then succeeds with `turnCount` turns. */
function scriptedProvider(failures: ProviderError[], latencyMs = 0, turnCount = 8): Provider & { calls: number } {
  const provider = {
    calls: 0,
    info: { name: 'offline' as const, model: 'scripted', reason: 'test', typicalSeconds: 0 },
    async generate() {
      provider.calls++;
      if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
      const failure = failures.shift();
      if (failure) throw failure;
      return {
        model: 'scripted',
        usage: { inputTokens: 100, outputTokens: 200, cacheReadTokens: 0, cacheWriteTokens: 0 },
        raw: {},
        output: {
          title: 'Scripted',
          confidence: 9,
          turns: Array.from({ length: turnCount }, (_, i) => ({ role: i % 2 ? ('assistant' as const) : ('user' as const), content: `Turn ${i + 1} with enough words to read naturally in a test conversation.` })),
        },
      };
    },
  };
  return provider;
}

const noWait = { baseDelayMs: 0 };

describe.each(ENGINES)('generation worker on %s', (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase(engine, { demo: true });
  });
  afterEach(() => database.close());

  const conversation = async (human: string) => (await database.db.select().from(conversations).where(eq(conversations.conversationId, human)))[0];
  const claim = async (runId: string) => {
    const [item] = await database.db.update(runItems).set({ status: 'in_progress', attempts: 1, leaseOwner: 'test-worker' }).where(eq(runItems.runId, runId)).returning();
    return { id: item.id, runId, conversationId: item.conversationId!, attempts: item.attempts, leaseOwner: 'test-worker' };
  };

  it('marks a conversation failed, keeping the error, after a permanent error — and logs the call', async () => {
    const target = await conversation('conv-00003');
    const provider = scriptedProvider([new ProviderError('invalid_request', 'The prompt is too long for this model.', { httpStatus: 400 })]);
    const { runId } = await createSingleRun(database.db, { conversationId: target.id, userId: null, provider: provider.info });
    const outcome = await processItem(database.db, runtimeOf(provider, noWait), await claim(runId));
    expect(outcome).toBe('failed');
    const after = await conversation('conv-00003');
    expect(after.status).toBe('failed');
    expect(after.errorMessage).toBe('The prompt is too long for this model.');
    expect(after.errorCode).toBe('invalid_request');
    expect(after.errorDetails).toMatchObject({ httpStatus: 400, retryable: false });
    const logs = await database.db.select().from(generationLogs).where(eq(generationLogs.conversationId, target.id));
    expect(logs).toMatchObject([{ status: 'error', errorKind: 'invalid_request', httpStatus: 400 }]);
    expect(await finishRunIfDone(database.db, runId)).toBe(true);
    const [run] = await database.db.select().from(generationRuns).where(eq(generationRuns.id, runId));
    expect(run.status).toBe('completed');
  });

  it('puts a retryable failure back in the queue, then succeeds through the worker', async () => {
    const target = await conversation('conv-00004');
    const provider = scriptedProvider([new ProviderError('overloaded', 'Overloaded', { httpStatus: 529 })]);
    const { runId } = await createSingleRun(database.db, { conversationId: target.id, userId: null, provider: provider.info });
    const worker = startWorker({ db: database.db, providers: sourceOf(provider), pollMs: 20 });
    try {
      await waitFor(async () => ((await conversation('conv-00004')).status === 'generated' ? true : null));
    } finally {
      await worker.stop();
    }
    expect(provider.calls).toBe(2);
    const turns = await database.db.select().from(conversationTurns).where(eq(conversationTurns.conversationId, target.id));
    expect(turns).toHaveLength(8);
    const logs = await database.db.select().from(generationLogs).where(eq(generationLogs.conversationId, target.id));
    expect(logs.map((l) => l.status).sort()).toEqual(['error', 'success']);
    const [item] = await database.db.select().from(runItems).where(eq(runItems.runId, runId));
    expect(item).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('gives up after the last attempt of a retryable error', async () => {
    const target = await conversation('conv-00005');
    const provider = scriptedProvider([1, 2, 3].map(() => new ProviderError('timeout', 'The model did not answer within 90 seconds.')));
    await createSingleRun(database.db, { conversationId: target.id, userId: null, provider: provider.info });
    const worker = startWorker({ db: database.db, providers: sourceOf(provider), pollMs: 20 });
    // The default backoff (1 s, 2 s) applies here: the worker owns the retry timing.
    try {
      await waitFor(async () => ((await conversation('conv-00005')).status === 'failed' ? true : null), { timeoutMs: 20_000 });
    } finally {
      await worker.stop();
    }
    expect(provider.calls).toBe(3);
    expect((await conversation('conv-00005')).errorDetails).toMatchObject({ retryable: true, attempts: 3 });
  });

  it('rejects malformed provider output as a malformed_output failure', async () => {
    const target = await conversation('conv-00006');
    const provider: Provider = {
      info: { name: 'offline', model: 'scripted', reason: 'test', typicalSeconds: 0 },
      generate: async () => ({ model: 'scripted', usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0 }, raw: {}, output: { title: 'x', turns: [{ role: 'assistant', content: 'hi' }] } as never }),
    };
    const { runId } = await createSingleRun(database.db, { conversationId: target.id, userId: null, provider: provider.info });
    const outcome = await processItem(database.db, runtimeOf(provider, { maxAttempts: 1 }), await claim(runId));
    expect(outcome).toBe('failed');
    expect((await conversation('conv-00006')).errorCode).toBe('malformed_output');
  });

  it('renews the lease of a slow call, so the item is generated exactly once', async () => {
    const target = await conversation('conv-00010');
    // The call takes 3.5 lease lengths: without renewal the item would be reclaimed and redone.
    // The lease is a second, not less: on a busy machine one database serves both workers' polls,
    // and a renewal queued behind them must still land before the lease lapses.
    const leaseMs = 1000;
    const provider = scriptedProvider([], 3.5 * leaseMs);
    await createSingleRun(database.db, { conversationId: target.id, userId: null, provider: provider.info });
    // A second worker polls all along, ready to take over a lapsed lease.
    const workers = [startWorker({ db: database.db, providers: sourceOf(provider), pollMs: 20, leaseMs }), startWorker({ db: database.db, providers: sourceOf(provider), pollMs: 20, leaseMs })];
    try {
      await waitFor(async () => ((await conversation('conv-00010')).status === 'generated' ? true : null));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect(provider.calls).toBe(1);
    const logs = await database.db.select().from(generationLogs).where(eq(generationLogs.conversationId, target.id));
    expect(logs).toHaveLength(1);
  });

  it('never lets two workers generate the same item', async () => {
    const ids = ['conv-00011', 'conv-00012', 'conv-00013', 'conv-00014', 'conv-00015', 'conv-00016'];
    const provider = scriptedProvider([], 30);
    for (const human of ids) await createSingleRun(database.db, { conversationId: (await conversation(human)).id, userId: null, provider: provider.info });
    const workers = [startWorker({ db: database.db, providers: sourceOf(provider), pollMs: 10 }), startWorker({ db: database.db, providers: sourceOf(provider), pollMs: 10 })];
    try {
      await waitFor(async () => {
        const rows = await Promise.all(ids.map(conversation));
        return rows.every((r) => r.status === 'generated') ? true : null;
      });
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect(provider.calls).toBe(ids.length);
  });

  it('keeps the last good version when a regeneration fails for good', async () => {
    const target = await conversation('conv-00017');
    const good = scriptedProvider([]);
    await createSingleRun(database.db, { conversationId: target.id, userId: null, provider: good.info });
    const first = startWorker({ db: database.db, providers: sourceOf(good), pollMs: 20 });
    await waitFor(async () => ((await conversation('conv-00017')).status === 'generated' ? true : null)).finally(() => first.stop());

    const bad = scriptedProvider([new ProviderError('auth', 'The API key was refused.', { httpStatus: 401 })]);
    const { runId } = await createSingleRun(database.db, { conversationId: target.id, userId: null, provider: bad.info });
    expect((await conversation('conv-00017')).status).toBe('generating');
    expect(await processItem(database.db, runtimeOf(bad, noWait), await claim(runId))).toBe('failed');
    const after = await conversation('conv-00017');
    expect(after.status).toBe('generated');
    expect(after.errorMessage).toBe('The API key was refused.');
    const turns = await database.db.select().from(conversationTurns).where(eq(conversationTurns.conversationId, target.id));
    expect(turns).toHaveLength(8);
  });

  it('replaces the turns of a regenerated conversation, and keeps them when the regeneration loses its lease', async () => {
    const target = await conversation('conv-00019');
    const generateWith = async (provider: Provider & { calls: number }, leaseStolen = false) => {
      const { runId } = await createSingleRun(database.db, { conversationId: target.id, userId: null, provider: provider.info });
      const item = await claim(runId);
      if (leaseStolen) await database.db.update(runItems).set({ leaseOwner: 'another-worker' }).where(eq(runItems.id, item.id));
      return processItem(database.db, runtimeOf(provider, noWait), item);
    };
    const turnsOf = async () => {
      const rows = (await database.db.select().from(conversationTurns).where(eq(conversationTurns.conversationId, target.id))).sort((a, b) => a.turnNumber - b.turnNumber);
      // The transcript the export reads is stored with the turns, and always matches them.
      const [transcript] = await database.db.select().from(conversationTranscripts).where(eq(conversationTranscripts.conversationId, target.id));
      expect(JSON.parse(transcript.turns)).toEqual(rows.map(({ role, content }) => ({ role, content })));
      return rows.map((t) => t.turnNumber);
    };

    expect(await generateWith(scriptedProvider([], 0, 12))).toBe('succeeded');
    expect(await turnsOf()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(await generateWith(scriptedProvider([], 0, 10))).toBe('succeeded');
    expect(await turnsOf()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await conversation('conv-00019')).turnCount).toBe(10);

    // The old turns are deleted in the same transaction as the store: a lost lease keeps them.
    expect(await generateWith(scriptedProvider([], 0, 14), true)).toBe('lease_lost');
    expect(await turnsOf()).toHaveLength(10);
    expect(await database.db.select().from(generationLogs).where(eq(generationLogs.status, 'success'))).toHaveLength(2);
  });

  it('drops the result of an item another worker has taken over', async () => {
    const target = await conversation('conv-00018');
    const provider = scriptedProvider([]);
    const { runId } = await createSingleRun(database.db, { conversationId: target.id, userId: null, provider: provider.info });
    const item = await claim(runId);
    await database.db.update(runItems).set({ leaseOwner: 'another-worker' }).where(eq(runItems.id, item.id));
    expect(await processItem(database.db, runtimeOf(provider, noWait), item)).toBe('lease_lost');
    const turns = await database.db.select().from(conversationTurns).where(eq(conversationTurns.conversationId, target.id));
    expect(turns).toHaveLength(0);
    expect(await database.db.select().from(generationLogs).where(eq(generationLogs.conversationId, target.id))).toHaveLength(0);
  });
});

describe.each(ENGINES)('run lifecycle edge cases on %s', (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase(engine, { demo: true });
  });
  afterEach(() => database.close());

  const conversation = async (human: string) => (await database.db.select().from(conversations).where(eq(conversations.conversationId, human)))[0];
  const runOf = async (runId: string) => (await database.db.select().from(generationRuns).where(eq(generationRuns.id, runId)))[0];

  it('takes over an item whose worker died, even when the run has no free slot left', async () => {
    const target = await conversation('conv-00020');
    const provider = scriptedProvider([]);
    const { runId } = await createSingleRun(database.db, { conversationId: target.id, userId: null, provider: provider.info });
    // A worker claimed it and died: its lease lapsed a minute ago.
    await database.db.update(runItems).set({ status: 'in_progress', leaseOwner: 'dead-worker', leaseExpiresAt: new Date(Date.now() - 60_000), attempts: 1 }).where(eq(runItems.runId, runId));
    const worker = startWorker({ db: database.db, providers: sourceOf(provider), pollMs: 20 });
    try {
      await waitFor(async () => ((await runOf(runId)).status === 'completed' ? true : null));
    } finally {
      await worker.stop();
    }
    expect((await conversation('conv-00020')).status).toBe('generated');
  });

  it('cancelling while a call is in flight ends its item instead of queueing a retry', async () => {
    const target = await conversation('conv-00021');
    const provider = scriptedProvider([new ProviderError('overloaded', 'Overloaded', { httpStatus: 529 })]);
    const { runId } = await createSingleRun(database.db, { conversationId: target.id, userId: null, provider: provider.info });
    const [item] = await database.db.update(runItems).set({ status: 'in_progress', attempts: 1, leaseOwner: 'test-worker' }).where(eq(runItems.runId, runId)).returning();
    await controlRun(database.db, runId, 'cancel');
    await processItem(database.db, runtimeOf(provider, noWait), { id: item.id, runId, conversationId: item.conversationId!, attempts: 1, leaseOwner: 'test-worker' });
    const [after] = await database.db.select().from(runItems).where(eq(runItems.id, item.id));
    expect(after.status).toBe('cancelled');
    expect((await conversation('conv-00021')).status).toBe('not_generated');
    expect(await finishRunIfDone(database.db, runId)).toBe(true);
    expect((await runOf(runId)).finishedAt).not.toBeNull();
  });

  it('a run whose last item finished while paused completes on resume', async () => {
    const target = await conversation('conv-00022');
    const provider = scriptedProvider([]);
    const { runId } = await createSingleRun(database.db, { conversationId: target.id, userId: null, provider: provider.info });
    const [item] = await database.db.update(runItems).set({ status: 'in_progress', attempts: 1, leaseOwner: 'test-worker' }).where(eq(runItems.runId, runId)).returning();
    await controlRun(database.db, runId, 'pause');
    await processItem(database.db, runtimeOf(provider), { id: item.id, runId, conversationId: item.conversationId!, attempts: 1, leaseOwner: 'test-worker' });
    expect(await finishRunIfDone(database.db, runId)).toBe(false);
    expect((await controlRun(database.db, runId, 'resume')).status).toBe('completed');
  });

  it('refuses to queue a conversation twice, even from two runs', async () => {
    const target = await conversation('conv-00023');
    const provider = scriptedProvider([]);
    await createSingleRun(database.db, { conversationId: target.id, userId: null, provider: provider.info });
    await expect(database.db.insert(runItems).values({ runId: (await database.db.select().from(generationRuns))[0].id, conversationId: target.id })).rejects.toThrow();
  });
});
