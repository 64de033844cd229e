import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkAction, BulkUndoResult } from '../../src/contract/bulk';
import type { ConversationStatus } from '../../src/core/statuses';
import { queryRows, type Db } from '../../src/db/client';
import { undoBulkReview } from '../../src/review/undo-bulk-review';
import { conversations, conversationTurns, reviewLogs, user } from '../../src/db/schema';
import type { Role } from '../../src/core/roles';
import { createTestApp, type TestApp } from '../support/app';
import { ENGINES } from '../support/databases';
import { waitFor } from '../support/wait';

/** Small batches, so the demo's few hundred conversations take several. */
const BATCH = 10;

describe.each(ENGINES)('bulk actions in batches on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ engine, env: { CONVGEN_BULK_BATCH_SIZE: String(BATCH) } });
  });
  afterAll(() => t.close());

  const db = () => t.services.ctx.database.db;
  const post = (role: Role, path: string, payload: unknown) => t.as(role, { method: 'POST', url: `/api/conversations/bulk/${path}`, payload: payload as object });
  const progress = async (id: string) => {
    const res = await t.as('viewer', { method: 'GET', url: `/api/conversations/bulk/actions/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<BulkAction>();
  };
  const ended = (id: string) => waitFor(async () => ((await progress(id)).state === 'running' ? null : progress(id)));
  const idsOf = async (tier: 'template' | 'scenario' | 'edge_case') =>
    db()
      .select({ id: conversations.id, conversationId: conversations.conversationId, isSeed: conversations.isSeed })
      .from(conversations)
      .where(eq(conversations.tier, tier))
      .orderBy(asc(conversations.id));
  const statuses = async (ids: string[]) =>
    Object.fromEntries((await db().select({ id: conversations.id, status: conversations.status }).from(conversations).where(inArray(conversations.id, ids))).map((r) => [r.id, r.status]));
  const set = (ids: string[], status: ConversationStatus, qualityScore: number | null = 8) =>
    db()
      .update(conversations)
      .set({ status, qualityScore, generatedAt: status === 'generated' ? new Date() : null })
      .where(inArray(conversations.id, ids));

  it('answers 202 at once for more than one batch, and its progress route follows it to the end', async () => {
    const template = await idsOf('template');
    expect(template.length).toBeGreaterThan(3 * BATCH);
    await set(
      template.map((c) => c.id),
      'generated',
    );
    const res = await post('reviewer', 'review', { selection: { filter: { tier: ['template'] } }, action: 'approve', notes: 'Batch by batch' });
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json<BulkAction>();
    expect(started).toMatchObject({ kind: 'approve', state: 'running', requested: template.length, processed: 0, succeeded: 0, stopRequested: false, finishedAt: null, error: null });

    const done = await ended(started.id);
    expect(done).toMatchObject({ state: 'done', requested: template.length, processed: template.length, succeeded: template.length, failedCount: 0, actionId: started.id });
    expect(done.finishedAt).not.toBeNull();
    expect(Object.values(await statuses(template.map((c) => c.id)))).toEqual(template.map(() => 'approved'));
    const logs = await db().select().from(reviewLogs).where(eq(reviewLogs.actionId, started.id));
    expect(logs).toHaveLength(template.length);
    expect(new Set(logs.map((l) => l.conversationId))).toEqual(new Set(template.map((c) => c.id)));
    expect(logs.every((l) => l.reviewerNotes === 'Batch by batch' && l.fromStatus === 'generated')).toBe(true);

    // The undo works in batches too, and restores every one.
    const undone = await post('reviewer', 'undo', { actionId: started.id });
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json<BulkUndoResult>()).toEqual({ restored: template.length, skipped: [], skippedCount: 0 });
    expect(Object.values(await statuses(template.map((c) => c.id)))).toEqual(template.map(() => 'generated'));
    expect((await post('reviewer', 'undo', { actionId: started.id })).json().error.code).toBe('already_undone');
  });

  it('finishes an undo that was cut short when asked again, restoring nothing twice', async () => {
    const template = await idsOf('template');
    await set(
      template.map((c) => c.id),
      'generated',
    );
    const res = await post('reviewer', 'review', { selection: { filter: { tier: ['template'] } }, action: 'approve' });
    const { id } = await ended(res.json<BulkAction>().id);
    const reviewer = (await db().select({ id: user.id }).from(user).where(eq(user.email, 'reviewer@example.test')))[0].id;

    // The database goes away after the undo's first batch has committed.
    let transactions = 0;
    const failing = new Proxy(db(), {
      get: (target, key, receiver) =>
        key === 'transaction'
          ? (fn: Parameters<Db['transaction']>[0]) => {
              if (++transactions > 1) throw new Error('connection lost');
              return target.transaction(fn);
            }
          : Reflect.get(target, key, receiver),
    });
    await expect(undoBulkReview(failing, t.services.ctx.bulkActions, reviewer, id)).rejects.toThrow('connection lost');
    expect(Object.values(await statuses(template.map((c) => c.id))).filter((s) => s === 'generated')).toHaveLength(BATCH);

    const rest = await post('reviewer', 'undo', { actionId: id });
    expect(rest.statusCode, rest.body).toBe(200);
    expect(rest.json<BulkUndoResult>()).toEqual({ restored: template.length - BATCH, skipped: [], skippedCount: 0 });
    expect(Object.values(await statuses(template.map((c) => c.id)))).toEqual(template.map(() => 'generated'));
    const undoRows = await db()
      .select({ conversationId: reviewLogs.conversationId })
      .from(reviewLogs)
      .where(and(eq(reviewLogs.actionId, id), eq(reviewLogs.action, 'undo')));
    expect(new Set(undoRows.map((r) => r.conversationId)).size).toBe(template.length);
    expect(undoRows).toHaveLength(template.length);
    expect((await post('reviewer', 'undo', { actionId: id })).json().error.code).toBe('already_undone');
  });

  it('lists the skips of every batch in conversation id order, counting them all by reason, and keeps the approval bar', async () => {
    const scenario = await idsOf('scenario');
    const byName = [...scenario].sort((a, b) => (a.conversationId < b.conversationId ? -1 : 1));
    const low = byName.filter((_, i) => i % 3 === 0);
    const planned = byName.filter((_, i) => i % 3 === 1);
    const good = byName.filter((_, i) => i % 3 === 2);
    await set(
      low.map((c) => c.id),
      'generated',
      3.2,
    );
    await set(
      planned.map((c) => c.id),
      'not_generated',
      null,
    );
    await set(
      good.map((c) => c.id),
      'generated',
    );
    // The preview counts the whole filter in one grouped query, by the rule the batches apply.
    const preview = await post('reviewer', 'preview', { selection: { filter: { tier: ['scenario'] } }, action: 'approve' });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ selected: scenario.length, willChange: good.length, changeFrom: { generated: good.length }, skipped: low.length + planned.length, skippedByReason: { below_quality_bar: low.length, not_generated: planned.length } });
    const res = await post('reviewer', 'review', { selection: { filter: { tier: ['scenario'] } }, action: 'approve' });
    expect(res.statusCode).toBe(202);
    const done = await ended(res.json<BulkAction>().id);
    expect(done).toMatchObject({ state: 'done', requested: scenario.length, succeeded: good.length, skippedCount: low.length + planned.length, failedCount: 0, failed: [] });
    expect(done.skippedByReason).toMatchObject({ below_quality_bar: low.length, not_generated: planned.length, already_in_state: 0 });
    const expected = [...low, ...planned].sort((a, b) => (a.conversationId < b.conversationId ? -1 : 1)).map((c) => c.conversationId);
    expect(done.skipped.map((f) => f.conversationId)).toEqual(expected);
    const messages = Object.fromEntries(done.skipped.map((f) => [f.conversationId, f.message]));
    expect(messages[low[0].conversationId]).toBe(`${low[0].conversationId} scores 3.2, below the workspace's minimum of 6 for approval: regenerate it, reject it, or lower the minimum in Settings.`);
    expect(messages[planned[0].conversationId]).toBe(`${planned[0].conversationId} has no text yet: generate it before approving.`);
    expect(Object.values(await statuses(low.map((c) => c.id)))).toEqual(low.map(() => 'generated'));
    expect(Object.values(await statuses(good.map((c) => c.id)))).toEqual(good.map(() => 'approved'));
  });

  it('deletes in batches, with what cascades from each conversation', async () => {
    const edge = await idsOf('edge_case');
    expect(edge.length).toBeGreaterThan(BATCH);
    await db()
      .insert(conversationTurns)
      .values(edge.map((c) => ({ conversationId: c.id, turnNumber: 99, role: 'user', content: 'Hello?' })));
    const res = await post('admin', 'delete', { selection: { filter: { tier: ['edge_case'] } }, confirm: true });
    expect(res.statusCode).toBe(202);
    const done = await ended(res.json<BulkAction>().id);
    // Seeds are benchmarks: a bulk delete keeps them and says why.
    const seeds = edge.filter((c) => c.isSeed);
    expect(seeds.length).toBeGreaterThan(0);
    expect(done).toMatchObject({ kind: 'delete', state: 'done', actionId: null, requested: edge.length, succeeded: edge.length - seeds.length, skippedCount: seeds.length, failedCount: 0 });
    expect(done.skippedByReason.seed).toBe(seeds.length);
    expect(await idsOf('edge_case')).toEqual(seeds);
    const turns = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(conversationTurns)
      .where(
        inArray(
          conversationTurns.conversationId,
          edge.filter((c) => !c.isSeed).map((c) => c.id),
        ),
      );
    expect(turns[0].n).toBe(0);
  });

  it('refuses with 409 an action on conversations another one holds, and lets others through', async () => {
    // Not seeds: a reject leaves those alone whatever holds them.
    const [held, free] = (await idsOf('template')).filter((c) => !c.isSeed);
    await set([held.id, free.id], 'generated');
    const release = t.services.ctx.bulkActions.claim([held.id], 'a-running-action', (n) => `A bulk approval of 90,000 conversations is still running (1,000 done so far) and covers ${n} of these.`);
    try {
      const refused = await post('reviewer', 'review', { selection: { conversationIds: [free.conversationId, held.conversationId] }, action: 'reject' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toEqual({
        code: 'bulk_action_running',
        message: 'A bulk approval of 90,000 conversations is still running (1,000 done so far) and covers 1 of these.',
        hint: 'Wait for it to finish, then try again, or select only conversations it does not cover.',
        retryable: true,
        details: { runningActionId: 'a-running-action', overlapping: 1 },
      });
      expect((await post('admin', 'delete', { selection: { all: true }, confirm: true })).json().error.code).toBe('bulk_action_running');
      expect(await statuses([free.id, held.id])).toEqual({ [free.id]: 'generated', [held.id]: 'generated' });

      const other = await post('reviewer', 'review', { selection: { conversationIds: [free.conversationId] }, action: 'reject' });
      expect(other.statusCode).toBe(200);
      expect(other.json<BulkAction>()).toMatchObject({ state: 'done', succeeded: 1 });
    } finally {
      release();
    }
    const after = await post('reviewer', 'review', { selection: { conversationIds: [held.conversationId] }, action: 'reject' });
    expect(after.json<BulkAction>()).toMatchObject({ state: 'done', succeeded: 1 });
  });

  it('answers 404 with a hint for an action this server does not know, and 409 to stopping one that ended', async () => {
    const unknown = await t.as('viewer', { method: 'GET', url: '/api/conversations/bulk/actions/7c1e6a53-6a8e-4f56-9d1f-0b7d3c1a2b3c' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'bulk_action_not_found', hint: expect.stringContaining('can still be undone') });

    const [one] = await idsOf('template');
    await set([one.id], 'generated');
    const done = (await post('reviewer', 'review', { selection: { conversationIds: [one.conversationId] }, action: 'approve' })).json<BulkAction>();
    expect((await progress(done.id)).state).toBe('done');
    const stop = await post('reviewer', `actions/${done.id}/cancel`, {});
    expect(stop.statusCode).toBe(409);
    expect(stop.json().error).toMatchObject({ code: 'bulk_action_ended', hint: expect.stringContaining('Undo') });
    expect((await post('viewer', `actions/${done.id}/cancel`, {})).statusCode).toBe(403);
  });

  it('has the tables it wrote vacuumed and analyzed afterwards', async () => {
    type Stats = { vacuums: number; analyzes: number; dead: number };
    const stats = async () => {
      await db().execute(sql`select pg_stat_force_next_flush()`);
      const [row] = await queryRows<Stats>(
        db(),
        sql`select vacuum_count::int as vacuums, analyze_count::int as analyzes, n_dead_tup::int as dead from pg_stat_user_tables where relname = 'conversations'`,
      );
      return row;
    };
    // What earlier tests left waiting goes first, so the one pass below is this action's.
    await t.services.maintenance.flush();
    const all = await db()
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.isSeed, false));
    await set(
      all.map((c) => c.id),
      'generated',
    );
    // Seeds the tests above moved to generated are not rejected: they are benchmarks.
    const generated = await db()
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.status, 'generated'), eq(conversations.isSeed, false)));
    const before = await stats();
    const res = await post('reviewer', 'review', { selection: { filter: { status: ['generated'] } }, action: 'reject' });
    expect(res.statusCode).toBe(202);
    const done = await ended(res.json<BulkAction>().id);
    expect(done.succeeded).toBe(generated.length);

    // The action asked for it when it ended; this runs it now instead of after the quiet pause (or waits for it, if it has begun).
    await t.services.maintenance.flush();
    const after = await stats();
    expect(after.vacuums).toBe(before.vacuums + 1);
    expect(after.analyzes).toBe(before.analyzes + 1);
    if (engine === 'pglite') {
      // PostgreSQL's other connections report their dead rows late; PGlite has only this one.
      expect(before.dead).toBeGreaterThan(0);
      expect(after.dead).toBe(0);
    }
    expect(t.services.maintenance.pending()).toEqual([]);
  });
});

describe('a bulk action running on PostgreSQL while its second batch waits for a row lock', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ engine: 'postgres', env: { CONVGEN_BULK_BATCH_SIZE: String(BATCH) } });
  });
  afterAll(() => t.close());
  const db = () => t.services.ctx.database.db;
  const post = (role: Role, path: string, payload: unknown) => t.as(role, { method: 'POST', url: `/api/conversations/bulk/${path}`, payload: payload as object });
  const progress = async (id: string) => (await t.as('viewer', { method: 'GET', url: `/api/conversations/bulk/actions/${id}` })).json<BulkAction>();

  /** Holds a row lock on one conversation from another connection until `release()`. */
  async function holdLock(id: string) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db().transaction(async (tx) => {
      await tx.execute(sql`select id from conversations where id = ${id} for update`);
      locked();
      await gate;
    });
    await isLocked;
    // Safe to call twice: the second call finds the lock already gone.
    return async () => {
      release();
      await holder;
    };
  }

  it('refuses overlapping actions and its undo with 409 while it runs, serves others, and stops on request after the batch in progress', async () => {
    const tier = await db().select({ id: conversations.id }).from(conversations).where(eq(conversations.tier, 'template'));
    await db()
      .update(conversations)
      .set({ status: 'generated', qualityScore: 8 })
      .where(
        inArray(
          conversations.id,
          tier.map((c) => c.id),
        ),
      );
    // The order a bulk action takes them in: as they lie in the table.
    const template = await db()
      .select({ id: conversations.id, conversationId: conversations.conversationId, isSeed: conversations.isSeed })
      .from(conversations)
      .where(eq(conversations.tier, 'template'))
      .orderBy(sql`ctid`);
    const ids = template.map((c) => c.id);
    const [elsewhere] = await db().select({ id: conversations.id, conversationId: conversations.conversationId }).from(conversations).where(eq(conversations.tier, 'scenario')).limit(1);
    await db().update(conversations).set({ status: 'generated', qualityScore: 8 }).where(eq(conversations.id, elsewhere.id));

    // The second batch's first conversation is locked by someone else: the action waits there.
    const unlock = await holdLock(ids[BATCH]);
    let id = '';
    try {
      const res = await post('reviewer', 'review', { selection: { filter: { tier: ['template'] } }, action: 'approve' });
      expect(res.statusCode).toBe(202);
      id = res.json<BulkAction>().id;
      await waitFor(async () => ((await progress(id)).processed === BATCH ? true : null));

      const overlapping = await post('reviewer', 'review', { selection: { conversationIds: [template.at(-1)!.conversationId] }, action: 'reject' });
      expect(overlapping.statusCode).toBe(409);
      expect(overlapping.json().error).toMatchObject({
        code: 'bulk_action_running',
        message: `A bulk approval of ${template.length} conversations is still running (${BATCH} done so far) and covers 1 of these.`,
        details: { runningActionId: id, overlapping: 1 },
      });
      const undo = await post('reviewer', 'undo', { actionId: id });
      expect(undo.statusCode).toBe(409);
      expect(undo.json().error).toMatchObject({ code: 'bulk_action_running', message: 'This bulk review is still running: it can be undone once it has ended.' });
      const disjoint = await post('reviewer', 'review', { selection: { conversationIds: [elsewhere.conversationId] }, action: 'approve' });
      expect(disjoint.json<BulkAction>()).toMatchObject({ state: 'done', succeeded: 1 });
      expect((await t.as('viewer', { method: 'GET', url: '/api/conversations?tier=template&status=approved' })).json().total).toBe(BATCH);

      const stopping = post('reviewer', `actions/${id}/cancel`, {});
      await waitFor(async () => ((await progress(id)).stopRequested ? true : null));
      await unlock();
      const stopped = await stopping;
      expect(stopped.statusCode).toBe(200);
      expect(stopped.json<BulkAction>()).toMatchObject({ state: 'cancelled', stopRequested: true, processed: 2 * BATCH, succeeded: 2 * BATCH, actionId: id });
    } finally {
      await unlock();
    }

    // Exactly the two batches it did are changed and recorded, and undo reverts exactly them.
    const after = Object.fromEntries((await db().select({ id: conversations.id, status: conversations.status }).from(conversations).where(inArray(conversations.id, ids))).map((r) => [r.id, r.status]));
    expect(ids.map((c) => after[c])).toEqual(ids.map((_, i) => (i < 2 * BATCH ? 'approved' : 'generated')));
    expect(await db().select({ id: reviewLogs.id }).from(reviewLogs).where(and(eq(reviewLogs.actionId, id), eq(reviewLogs.action, 'approve')))).toHaveLength(2 * BATCH);
    const undone = await post('reviewer', 'undo', { actionId: id });
    expect(undone.json<BulkUndoResult>()).toEqual({ restored: 2 * BATCH, skipped: [], skippedCount: 0 });
    expect((await db().select({ status: conversations.status }).from(conversations).where(inArray(conversations.id, ids))).every((s) => s.status === 'generated')).toBe(true);

    // Its conversations are free again (a seed is never rejected in bulk, so take one that is not).
    const again = await post('reviewer', 'review', { selection: { conversationIds: [template.filter((c) => !c.isSeed).at(-1)!.conversationId] }, action: 'reject' });
    expect(again.json<BulkAction>()).toMatchObject({ state: 'done', succeeded: 1 });
  });
});
