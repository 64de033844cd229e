import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../../../test/support/databases';
import { conversationStatuses, createRunFixture, itemRow, runRow } from '../../../test/support/runs';
import type { ConversationStatus } from '../../core/statuses';
import type { Database } from '../../db/client';
import { conversations, conversationTurns, generationRuns, runItems } from '../../db/schema';
import { LeaseLost, type ClaimedItem } from '../item-types';
import { cancelQueuedItems } from './cancel';
import { claimItems } from './claim';
import { settleFailure, type FailedAttempt } from './settle-failure';
import { settleSuccess, type StoredAnswer } from './settle-success';

const failure = (retryInMs: number | null, billedUsd = 0): FailedAttempt => ({ retryInMs, billedUsd, message: 'Overloaded', code: 'overloaded', details: { attempts: 1 } });

const answer = (conversationId: string, costUsd = 0.25): StoredAnswer => ({
  costUsd,
  turns: [
    { role: 'user', content: 'Hello there.' },
    { role: 'assistant', content: 'Hello! How can I help?' },
  ],
  transcript: '[]',
  conversation: {
    id: conversationId,
    title: 'A greeting',
    qualityScore: 8,
    qualityBreakdown: { score: 8 },
    provider: 'offline',
    model: 'offline',
    templateVersion: null,
    searchText: 'a greeting',
    usage: { inputTokens: 10, outputTokens: 20, cacheReadTokens: 0, cacheWriteTokens: 0 },
  },
  judge: { breakdown: null, costUsd: 0 },
  log: { templateId: null, templateVersion: null, request: {}, response: {}, parameters: {}, durationMs: 5 },
});

describe.each(ENGINES)('settling items on %s', (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase(engine);
  });
  afterEach(() => database.close());

  /** A run with one item per status, claimed by worker-a, each holding a $0.50 reservation. */
  async function claimed(statuses: ConversationStatus[]) {
    const fixture = await createRunFixture(database.db, { statuses, spendingLimitUsd: 100 });
    const items = await claimItems(database.db, { owner: 'worker-a', runId: fixture.runId, limit: 10, leaseMs: 60_000 });
    await database.db.update(runItems).set({ reservedUsd: 0.5 }).where(inArray(runItems.id, fixture.itemIds));
    await database.db.update(generationRuns).set({ reservedUsd: 0.5 * statuses.length }).where(eq(generationRuns.id, fixture.runId));
    return { ...fixture, items };
  }
  const settle = (item: ClaimedItem, attempt: FailedAttempt) => database.db.transaction((tx) => settleFailure(tx, item, attempt));

  it('retry: the item waits for its backoff, the conversation stays Generating, the reservation goes back and the bill counts', async () => {
    const { runId, conversationIds, itemIds, items } = await claimed(['not_generated']);
    const before = Date.now();
    expect(await settle(items[0], failure(30_000, 0.1))).toBe('retry');
    const item = await itemRow(database.db, itemIds[0]);
    expect(item).toMatchObject({ status: 'pending', attempts: 1, leaseOwner: null, reservedUsd: 0, lastError: 'Overloaded', errorCode: 'overloaded', costUsd: 0.1 });
    // Not before its backoff (the database's clock, up to a second apart from this one).
    expect(item.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(before + 30_000 - 1000);
    expect(await conversationStatuses(database.db, conversationIds)).toEqual(['generating']);
    expect(await runRow(database.db, runId)).toMatchObject({ reservedUsd: 0, spentUsd: 0.1 });
  });

  it('fail: a first generation fails, with the error kept on the conversation', async () => {
    const { conversationIds, itemIds, items } = await claimed(['not_generated']);
    expect(await settle(items[0], failure(null))).toBe('fail');
    expect((await itemRow(database.db, itemIds[0])).status).toBe('failed');
    const [conversation] = await database.db.select().from(conversations).where(eq(conversations.id, conversationIds[0]));
    expect(conversation).toMatchObject({ status: 'failed', errorMessage: 'Overloaded', errorCode: 'overloaded', errorDetails: { attempts: 1 } });
  });

  it('fail_regeneration: a failed regeneration returns to the last good version, review included', async () => {
    const { conversationIds, items } = await claimed(['approved', 'rejected', 'generated', 'failed']);
    for (const item of items) await settle(item, failure(null));
    expect(await conversationStatuses(database.db, conversationIds)).toEqual(['approved', 'rejected', 'generated', 'failed']);
  });

  it('cancel: a retry due in a cancelled run ends the item and restores the conversation', async () => {
    const { runId, conversationIds, itemIds, items } = await claimed(['approved']);
    await database.db.update(generationRuns).set({ status: 'cancelled' }).where(eq(generationRuns.id, runId));
    expect(await settle(items[0], failure(1000, 0.2))).toBe('cancel');
    expect(await itemRow(database.db, itemIds[0])).toMatchObject({ status: 'cancelled', costUsd: 0.2, reservedUsd: 0 });
    expect(await conversationStatuses(database.db, conversationIds)).toEqual(['approved']);
    expect(await runRow(database.db, runId)).toMatchObject({ reservedUsd: 0, spentUsd: 0.2 });
  });

  it('a lost lease changes nothing and says so', async () => {
    const { runId, conversationIds, itemIds, items } = await claimed(['not_generated']);
    await database.db.update(runItems).set({ leaseOwner: 'worker-b' }).where(eq(runItems.id, itemIds[0]));
    await expect(settle(items[0], failure(null, 0.3))).rejects.toBeInstanceOf(LeaseLost);
    expect((await itemRow(database.db, itemIds[0])).status).toBe('in_progress');
    expect(await conversationStatuses(database.db, conversationIds)).toEqual(['generating']);
    expect(await runRow(database.db, runId)).toMatchObject({ reservedUsd: 0.5, spentUsd: 0 });
  });

  it('succeed: stores the answer, releases exactly the reservation the item held and adds the cost', async () => {
    const { runId, conversationIds, itemIds, items } = await claimed(['not_generated', 'not_generated']);
    const spend = await settleSuccess(database.db, items[0], answer(conversationIds[0]));
    expect(spend).toMatchObject({ spent: 0.25, limit: 100, warned: false });
    expect(await itemRow(database.db, itemIds[0])).toMatchObject({ status: 'succeeded', costUsd: 0.25, reservedUsd: 0, leaseOwner: null });
    // The other item still holds its reservation.
    expect(await runRow(database.db, runId)).toMatchObject({ reservedUsd: 0.5, spentUsd: 0.25 });
    const [conversation] = await database.db.select().from(conversations).where(eq(conversations.id, conversationIds[0]));
    expect(conversation).toMatchObject({ status: 'generated', title: 'A greeting', turnCount: 2 });
    expect(await database.db.select().from(conversationTurns).where(eq(conversationTurns.conversationId, conversationIds[0]))).toHaveLength(2);
  });

  it("succeed: stores the judge's score with the text and counts its cost in the run's spend, not the conversation's", async () => {
    const { runId, conversationIds, items } = await claimed(['not_generated']);
    const breakdown = { score: 7.5, rationale: 'Fine.', criteria: [], model: 'offline' };
    const spend = await settleSuccess(database.db, items[0], { ...answer(conversationIds[0]), judge: { breakdown, costUsd: 0.05 } });
    expect(spend.spent).toBeCloseTo(0.3);
    expect((await runRow(database.db, runId)).spentUsd).toBeCloseTo(0.3);
    const [conversation] = await database.db.select().from(conversations).where(eq(conversations.id, conversationIds[0]));
    expect(conversation).toMatchObject({ costUsd: 0.25, judgeScore: 7.5, judgeBreakdown: breakdown });
  });

  it('succeed without a judgement clears an older score: it was about the old text', async () => {
    const { conversationIds, items } = await claimed(['not_generated']);
    await database.db.update(conversations).set({ judgeScore: 3, judgeBreakdown: { score: 3 } }).where(eq(conversations.id, conversationIds[0]));
    await settleSuccess(database.db, items[0], answer(conversationIds[0]));
    const [conversation] = await database.db.select().from(conversations).where(eq(conversations.id, conversationIds[0]));
    expect(conversation).toMatchObject({ judgeScore: null, judgeBreakdown: null });
  });

  it('succeed on a lost lease writes nothing', async () => {
    const { conversationIds, itemIds, items } = await claimed(['not_generated']);
    await database.db.update(runItems).set({ leaseOwner: 'worker-b' }).where(eq(runItems.id, itemIds[0]));
    await expect(settleSuccess(database.db, items[0], answer(conversationIds[0]))).rejects.toBeInstanceOf(LeaseLost);
    expect(await conversationStatuses(database.db, conversationIds)).toEqual(['generating']);
    expect(await database.db.select().from(conversationTurns).where(eq(conversationTurns.conversationId, conversationIds[0]))).toHaveLength(0);
  });

  it('cancelling what is queued restores each conversation to its status before the run, and leaves items in flight', async () => {
    const { runId, conversationIds, itemIds } = await createRunFixture(database.db, { statuses: ['approved', 'rejected', 'generated', 'failed', 'not_generated', 'not_generated'] });
    // Queued items of a one-conversation run are Generating from the click on.
    await database.db.update(conversations).set({ status: 'generating' }).where(inArray(conversations.id, conversationIds.slice(0, 5)));
    await database.db.update(runItems).set({ status: 'in_progress', leaseOwner: 'worker-a' }).where(eq(runItems.id, itemIds[5]));
    await database.db.update(conversations).set({ status: 'generating' }).where(eq(conversations.id, conversationIds[5]));
    const cancelled = await cancelQueuedItems(database.db, runId);
    expect(cancelled.map((i) => i.id).sort((a, b) => a - b)).toEqual(itemIds.slice(0, 5));
    expect(await conversationStatuses(database.db, conversationIds)).toEqual(['approved', 'rejected', 'generated', 'failed', 'not_generated', 'generating']);
    expect((await itemRow(database.db, itemIds[5])).status).toBe('in_progress');
  });

  it('a conversation remembered with no status, or one it cannot return to, goes back to Not Generated', async () => {
    const { runId, conversationIds, itemIds } = await createRunFixture(database.db, { statuses: ['not_generated', 'not_generated'] });
    await database.db.update(conversations).set({ status: 'generating' }).where(inArray(conversations.id, conversationIds));
    await database.db.update(runItems).set({ previousStatus: null }).where(eq(runItems.id, itemIds[0]));
    await database.db.update(runItems).set({ previousStatus: 'generating' }).where(eq(runItems.id, itemIds[1]));
    await cancelQueuedItems(database.db, runId);
    expect(await conversationStatuses(database.db, conversationIds)).toEqual(['not_generated', 'not_generated']);
  });
});
