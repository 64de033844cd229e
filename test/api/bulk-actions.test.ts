import { and, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkAction, BulkPreview, BulkUndoResult } from '../../src/contract/bulk';
import type { ConversationDetail, ConversationListResponse } from '../../src/contract/conversations';
import type { ConversationStatus } from '../../src/core/statuses';
import { conversations, conversationTurns, generationLogs, reviewLogs, user } from '../../src/db/schema';
import type { Role } from '../../src/core/roles';
import { giveText } from '../support/give-text';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.services.ctx.database.db;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `conv-${String(from + i).padStart(5, '0')}`);

/** Generating for real is not what these tests are about: statuses are set in the database. */
async function setStatus(ids: string[], status: ConversationStatus) {
  await db()
    .update(conversations)
    .set({ status, generatedAt: status === 'generated' ? new Date() : null })
    .where(inArray(conversations.conversationId, ids));
}

const post = (role: Role, path: string, payload: unknown) => t.as(role, { method: 'POST', url: `/api/conversations/bulk/${path}`, payload: payload as object });

/** A selection of up to one batch (1,000) is done before the answer. */
async function review(payload: unknown, role: Role = 'reviewer'): Promise<BulkAction> {
  const res = await post(role, 'review', payload);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<BulkAction>();
  expect(body.state).toBe('done');
  return body;
}

async function undo(actionId: string, role: Role = 'reviewer'): Promise<BulkUndoResult> {
  const res = await post(role, 'undo', { actionId });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<BulkUndoResult>();
}

const detail = async (id: string) => (await t.as('viewer', { method: 'GET', url: `/api/conversations/${id}` })).json<ConversationDetail>();
const statusOf = async (id: string) => (await detail(id)).status;
const userId = async (role: Role) => (await db().select({ id: user.id }).from(user).where(eq(user.email, `${role}@example.test`)))[0].id;

describe('POST /api/conversations/bulk/review', () => {
  it('approves conversations named by human id or UUID, with one action id', async () => {
    await setStatus(range(1, 3), 'generated');
    const third = await detail('conv-00003');
    const body = await review({ selection: { conversationIds: ['conv-00001', 'conv-00002', third.id] }, action: 'approve' });
    expect(body).toMatchObject({ requested: 3, succeeded: 3, failed: [], failedCount: 0 });
    expect(body.actionId).toMatch(/^[0-9a-f-]{36}$/);
    for (const id of range(1, 3)) {
      const d = await detail(id);
      expect(d.status).toBe('approved');
      expect(d.review.reviewedBy).toBe('Test reviewer');
      expect(d.review.reviewedAt).not.toBeNull();
    }
  });

  it('approves every page of a filter, listing the ones it skips, and why', async () => {
    // The search `conv-0001` names conv-00010 … conv-00019; conv-00010 stays without text.
    await setStatus(range(11, 19), 'generated');
    const body = await review({ selection: { filter: { q: 'conv-0001' } }, action: 'approve' });
    expect(body).toMatchObject({ requested: 10, succeeded: 9, skippedCount: 1, failedCount: 0, failed: [] });
    expect(body.skipped).toEqual([{ id: expect.any(String), conversationId: 'conv-00010', reason: 'not_generated', message: 'conv-00010 has no text yet: generate it before approving.' }]);
    expect(body.skippedByReason).toEqual({ already_in_state: 0, not_generated: 1, generating: 0, generation_failed: 0, below_quality_bar: 0, queued_in_run: 0, seed: 0 });
    expect(await statusOf('conv-00019')).toBe('approved');
    expect(await statusOf('conv-00010')).toBe('not_generated');
  });

  it('reports each conversation it skips with the reason, ids that name nothing as failed, and changes only the others', async () => {
    await setStatus(['conv-00021'], 'generated');
    await setStatus(['conv-00023'], 'generating');
    await setStatus(['conv-00024'], 'failed');
    const seedBefore = await detail('seed-001');
    const body = await review({ selection: { conversationIds: ['conv-00021', 'conv-00022', 'conv-00023', 'conv-00024', 'seed-001', 'conv-99999'] }, action: 'approve' });
    expect(body).toMatchObject({ requested: 6, succeeded: 1, skippedCount: 4, failedCount: 1 });
    const skips = Object.fromEntries(body.skipped.map((f) => [f.conversationId, [f.reason, f.message]]));
    expect(skips).toEqual({
      'conv-00022': ['not_generated', 'conv-00022 has no text yet: generate it before approving.'],
      'conv-00023': ['generating', 'conv-00023 is being generated: wait for it to finish, then review it.'],
      'conv-00024': ['generation_failed', 'conv-00024 failed to generate: regenerate it before approving.'],
      'seed-001': ['already_in_state', 'seed-001 is already approved: nothing to change.'],
    });
    expect(body.skipped.map((f) => f.conversationId)).toEqual(['conv-00022', 'conv-00023', 'conv-00024', 'seed-001']);
    expect(body.failed).toEqual([{ id: 'conv-99999', conversationId: 'conv-99999', message: 'conv-99999 was not found: it may have been deleted. Reload the list and select again.' }]);
    expect(await statusOf('conv-00021')).toBe('approved');
    expect(await statusOf('conv-00023')).toBe('generating');
    // Already approved: nothing is rewritten, not even who reviewed it.
    expect((await detail('seed-001')).review).toEqual(seedBefore.review);
  });

  it('lists at most 1,000 failures but counts them all', async () => {
    const missing = Array.from({ length: 1_200 }, (_, i) => `conv-${90_000 + i}`);
    const body = await review({ selection: { conversationIds: missing }, action: 'approve' });
    expect(body).toMatchObject({ actionId: null, requested: 1_200, succeeded: 0, failedCount: 1_200 });
    expect(body.failed).toHaveLength(1_000);
    expect(body.failed[0].conversationId).toBe('conv-90000');
  });

  it('answers a selection that names nothing with zero counts and no action to undo', async () => {
    const body = await review({ selection: { filter: { q: 'no-such-conversation' } }, action: 'reject' });
    expect(body).toMatchObject({ state: 'done', actionId: null, requested: 0, processed: 0, succeeded: 0, skipped: [], skippedCount: 0, failed: [], failedCount: 0 });
  });

  it('refuses notes over 500 characters with 400 and changes nothing', async () => {
    await setStatus(['conv-00025'], 'generated');
    const res = await post('reviewer', 'review', { selection: { conversationIds: ['conv-00025'] }, action: 'reject', notes: 'x'.repeat(501) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe("The field 'notes' must be at most 500 characters: shorten the notes.");
    expect(await statusOf('conv-00025')).toBe('generated');
  });

  it('rejects with trimmed notes, recording reviewer, action id and the previous review in the audit log', async () => {
    await setStatus(range(31, 33), 'generated');
    const body = await review({ selection: { conversationIds: range(31, 33) }, action: 'reject', notes: '  Too generic  ' });
    expect(body.succeeded).toBe(3);
    const logs = await db().select().from(reviewLogs).where(eq(reviewLogs.actionId, body.actionId!));
    expect(logs).toHaveLength(3);
    const reviewer = await userId('reviewer');
    for (const log of logs) {
      expect(log).toMatchObject({ action: 'reject', reviewerId: reviewer, reviewerNotes: 'Too generic', fromStatus: 'generated', toStatus: 'rejected' });
      expect(log.previousReview).toEqual({ reviewedAt: null, reviewedBy: null, reviewNotes: null });
    }
    expect((await detail('conv-00032')).review.notes).toBe('Too generic');
  });
});

describe('POST /api/conversations/bulk/undo', () => {
  it('undoes a bulk review of a conversation the LLM judge scored since: a judgement is not a newer review', async () => {
    await setStatus(['conv-00046', 'conv-00047'], 'generated');
    const approved = await review({ selection: { conversationIds: ['conv-00046', 'conv-00047'] }, action: 'approve' });
    expect(approved.succeeded).toBe(2);
    await giveText(db(), 'conv-00046');
    expect((await t.as('admin', { method: 'POST', url: '/api/conversations/conv-00046/judge' })).statusCode).toBe(200);
    expect(await undo(approved.actionId!)).toEqual({ restored: 2, skipped: [], skippedCount: 0 });
    expect((await detail('conv-00046')).status).toBe('generated');
  });

  it('restores statuses and review fields, and writes undo rows to the audit log', async () => {
    await setStatus(['conv-00041', 'conv-00042'], 'generated');
    const single = await t.as('admin', { method: 'POST', url: '/api/conversations/conv-00042/review', payload: { action: 'reject', notes: 'First look' } });
    expect(single.statusCode).toBe(200);
    const before = await detail('conv-00042');

    const approved = await review({ selection: { conversationIds: ['conv-00041', 'conv-00042'] }, action: 'approve', notes: 'Fine after all' });
    expect(approved.succeeded).toBe(2);
    expect((await detail('conv-00042')).review.notes).toBe('Fine after all');

    expect(await undo(approved.actionId!)).toEqual({ restored: 2, skipped: [], skippedCount: 0 });
    const first = await detail('conv-00041');
    expect(first.status).toBe('generated');
    expect(first.review).toEqual({ reviewedAt: null, reviewedBy: null, notes: null });
    const second = await detail('conv-00042');
    expect(second.status).toBe('rejected');
    expect(second.review).toEqual(before.review);
    expect(second.review).toMatchObject({ reviewedBy: 'Test admin', notes: 'First look' });

    const undoRows = await db()
      .select()
      .from(reviewLogs)
      .where(and(eq(reviewLogs.actionId, approved.actionId!), eq(reviewLogs.action, 'undo')));
    expect(undoRows).toHaveLength(2);
    const reviewer = await userId('reviewer');
    expect(undoRows.find((r) => r.conversationId === second.id)).toMatchObject({ reviewerId: reviewer, fromStatus: 'approved', toStatus: 'rejected' });
    expect(undoRows.find((r) => r.conversationId === first.id)).toMatchObject({ fromStatus: 'approved', toStatus: 'generated', previousReview: expect.objectContaining({ reviewNotes: 'Fine after all' }) });
  });

  it('records the previous review on a single review too', async () => {
    const conv = await detail('conv-00042');
    const res = await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00042/review', payload: { action: 'approve' } });
    expect(res.statusCode).toBe(200);
    const [log] = await db()
      .select()
      .from(reviewLogs)
      .where(and(eq(reviewLogs.conversationId, conv.id), eq(reviewLogs.action, 'approve'), eq(reviewLogs.fromStatus, 'rejected'), isNull(reviewLogs.actionId)));
    expect(log.previousReview).toMatchObject({ reviewNotes: 'First look', reviewedBy: await userId('admin') });
  });

  it('skips a conversation reviewed again since, even when it is back at the same status', async () => {
    await setStatus(range(51, 53), 'generated');
    const approved = await review({ selection: { conversationIds: range(51, 53) }, action: 'approve' });
    await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00052/review', payload: { action: 'reject', notes: 'Second thoughts' } });
    await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00053/review', payload: { action: 'reject' } });
    await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00053/review', payload: { action: 'approve' } });

    const body = await undo(approved.actionId!);
    expect(body.restored).toBe(1);
    expect(body.skippedCount).toBe(2);
    expect(body.skipped).toEqual([
      { conversationId: 'conv-00052', message: 'conv-00052 was reviewed again since, so its newer review stays.' },
      { conversationId: 'conv-00053', message: 'conv-00053 was reviewed again since, so its newer review stays.' },
    ]);
    expect(await statusOf('conv-00051')).toBe('generated');
    expect((await detail('conv-00052')).review.notes).toBe('Second thoughts');
    expect(await statusOf('conv-00053')).toBe('approved');
  });

  it('skips a conversation whose status changed without a review (regenerated)', async () => {
    await setStatus(['conv-00054', 'conv-00055'], 'generated');
    const rejected = await review({ selection: { conversationIds: ['conv-00054', 'conv-00055'] }, action: 'reject' });
    await setStatus(['conv-00055'], 'generating');
    const body = await undo(rejected.actionId!);
    expect(body).toMatchObject({ restored: 1, skippedCount: 1 });
    expect(body.skipped[0].message).toBe('conv-00055 is now Generating, no longer Rejected as this action left it, so it was left as it is.');
    expect(await statusOf('conv-00055')).toBe('generating');
  });

  it('undoes an action once: the second time is a 409', async () => {
    await setStatus(['conv-00056'], 'generated');
    const approved = await review({ selection: { conversationIds: ['conv-00056'] }, action: 'approve' });
    await undo(approved.actionId!);
    const again = await post('reviewer', 'undo', { actionId: approved.actionId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'already_undone', hint: expect.any(String) });
    expect(await statusOf('conv-00056')).toBe('generated');
  });

  it('answers 409 to an undo that finds every conversation changed since, the first time and the next', async () => {
    await setStatus(['conv-00026', 'conv-00027'], 'generated');
    const approved = await review({ selection: { conversationIds: ['conv-00026', 'conv-00027'] }, action: 'approve' });
    await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00026/review', payload: { action: 'reject', notes: 'Changed my mind' } });
    await setStatus(['conv-00027'], 'generating');
    for (const attempt of ['first', 'second']) {
      const res = await post('reviewer', 'undo', { actionId: approved.actionId });
      expect(res.statusCode, attempt).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'nothing_to_undo',
        message: 'There is nothing to undo: all 2 conversations this bulk review changed have been reviewed or changed again since.',
        hint: 'Review the conversations again if they need to change.',
        details: { skippedCount: 2, skipped: [{ conversationId: 'conv-00026', message: expect.stringContaining('reviewed again since') }, { conversationId: 'conv-00027', message: expect.stringContaining('is now Generating') }] },
      });
    }
    expect(await statusOf('conv-00026')).toBe('rejected');
    expect(await statusOf('conv-00027')).toBe('generating');
    const undoRows = await db()
      .select()
      .from(reviewLogs)
      .where(and(eq(reviewLogs.actionId, approved.actionId!), eq(reviewLogs.action, 'undo')));
    expect(undoRows).toHaveLength(0);
  });

  it('answers 409 to a second undo after one that skipped a conversation, and changes nothing', async () => {
    await setStatus(range(28, 30), 'generated');
    const approved = await review({ selection: { conversationIds: range(28, 30) }, action: 'approve' });
    await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00029/review', payload: { action: 'reject' } });
    expect(await undo(approved.actionId!)).toMatchObject({ restored: 2, skippedCount: 1 });
    // The skipped one is back at the status the action left it in, but by a newer review: still not the action's to undo.
    await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00029/review', payload: { action: 'approve' } });
    const again = await post('reviewer', 'undo', { actionId: approved.actionId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'already_undone', message: 'This bulk review was already undone.', hint: expect.any(String) });
    expect(await statusOf('conv-00028')).toBe('generated');
    expect(await statusOf('conv-00029')).toBe('approved');
    const undoRows = await db()
      .select()
      .from(reviewLogs)
      .where(and(eq(reviewLogs.actionId, approved.actionId!), eq(reviewLogs.action, 'undo')));
    expect(undoRows).toHaveLength(2);
  });

  it('answers 404 for an unknown action id', async () => {
    for (const actionId of ['7c1e6a53-6a8e-4f56-9d1f-0b7d3c1a2b3c', 'not-an-action']) {
      const res = await post('reviewer', 'undo', { actionId });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'action_not_found', hint: expect.any(String) });
    }
  });

  it('refuses with 409 after 10 minutes and changes nothing', async () => {
    await setStatus(['conv-00057'], 'generated');
    const approved = await review({ selection: { conversationIds: ['conv-00057'] }, action: 'approve' });
    await db()
      .update(reviewLogs)
      .set({ createdAt: new Date(Date.now() - 11 * 60 * 1000) })
      .where(eq(reviewLogs.actionId, approved.actionId!));
    const res = await post('reviewer', 'undo', { actionId: approved.actionId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('too_late_to_undo');
    expect(res.json().error.message).toContain('too late to undo');
    expect(await statusOf('conv-00057')).toBe('approved');
  });
});

describe('POST /api/conversations/bulk/delete', () => {
  it('deletes conversations with their turns, keeps generation logs, and skips one being generated or queued', async () => {
    await setStatus(['conv-00061'], 'generated');
    await setStatus(['conv-00062'], 'generating');
    const doomed = await detail('conv-00061');
    await db()
      .insert(conversationTurns)
      .values([
        { conversationId: doomed.id, turnNumber: 1, role: 'user', content: 'Hello?' },
        { conversationId: doomed.id, turnNumber: 2, role: 'assistant', content: 'Hello.' },
      ]);
    const [log] = await db().insert(generationLogs).values({ conversationId: doomed.id, provider: 'offline', model: 'offline', status: 'success' }).returning({ id: generationLogs.id });
    // A run queued for conv-00063 (the worker is off, so its item stays pending).
    const run = await t.as('generator', { method: 'POST', url: '/api/runs', payload: { conversationIds: ['conv-00063'] } });
    expect(run.statusCode, run.body).toBe(201);

    const res = await post('admin', 'delete', { selection: { conversationIds: ['conv-00061', 'conv-00062', 'conv-00063'] }, confirm: true });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<BulkAction>();
    expect(body).toMatchObject({ kind: 'delete', state: 'done', actionId: null, requested: 3, processed: 3, succeeded: 1, skippedCount: 2, failedCount: 0 });
    expect(body.skipped).toEqual([
      { id: expect.any(String), conversationId: 'conv-00062', reason: 'generating', message: 'conv-00062 is being generated: cancel its run or wait for it to finish, then delete it.' },
      { id: expect.any(String), conversationId: 'conv-00063', reason: 'queued_in_run', message: 'conv-00063 is queued in a run that has not finished: cancel the run or wait for it to finish, then delete it.' },
    ]);

    expect((await t.as('viewer', { method: 'GET', url: '/api/conversations/conv-00061' })).statusCode).toBe(404);
    expect(await db().select().from(conversationTurns).where(eq(conversationTurns.conversationId, doomed.id))).toHaveLength(0);
    const [kept] = await db().select().from(generationLogs).where(eq(generationLogs.id, log.id));
    expect(kept.conversationId).toBeNull();
    expect(await statusOf('conv-00062')).toBe('generating');
    expect(await statusOf('conv-00063')).toBe('not_generated');
  });

  it.each([
    ['no confirm', {}],
    ['confirm false', { confirm: false }],
    ['confirm as a string', { confirm: 'true' }],
  ])('answers 400 with %s and deletes nothing', async (_name, extra) => {
    const res = await post('admin', 'delete', { selection: { conversationIds: ['conv-00064'] }, ...extra });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("'confirm' must be true: confirm");
    expect(await statusOf('conv-00064')).toBe('not_generated');
  });
});

describe('permissions', () => {
  it.each([
    ['review', { selection: { conversationIds: ['conv-00070'] }, action: 'approve' }],
    ['undo', { actionId: '7c1e6a53-6a8e-4f56-9d1f-0b7d3c1a2b3c' }],
    ['delete', { selection: { conversationIds: ['conv-00070'] }, confirm: true }],
  ])('a viewer gets 403 for bulk %s', async (path, payload) => {
    const res = await post('viewer', path, payload);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('only admins delete; generators do not review', async () => {
    expect((await post('reviewer', 'delete', { selection: { conversationIds: ['conv-00070'] }, confirm: true })).statusCode).toBe(403);
    expect((await post('generator', 'review', { selection: { conversationIds: ['conv-00070'] }, action: 'reject' })).statusCode).toBe(403);
    expect(await statusOf('conv-00070')).toBe('not_generated');
  });

  it('needs a session or token', async () => {
    const res = await t.as(null, { method: 'POST', url: '/api/conversations/bulk/review', payload: { selection: { all: true }, action: 'approve' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('garbage input', () => {
  const ids = { conversationIds: ['conv-00071'] };
  it.each([
    ['review', 'an empty body', undefined],
    ['review', 'an array', []],
    ['review', 'an empty object', {}],
    ['review', 'no selector', { selection: {}, action: 'approve' }],
    ['review', 'no ids', { selection: { conversationIds: [] }, action: 'approve' }],
    ['review', 'an id with a space', { selection: { conversationIds: ['conv 1'] }, action: 'approve' }],
    ['review', 'an id with a NUL byte', { selection: { conversationIds: ['conv\u00001'] }, action: 'approve' }],
    ['review', 'a numeric id', { selection: { conversationIds: [42] }, action: 'approve' }],
    ['review', 'too many ids', { selection: { conversationIds: Array.from({ length: 50_001 }, (_, i) => `c-${i}`) }, action: 'approve' }],
    ['review', 'two selectors', { selection: { all: true, filter: {} }, action: 'approve' }],
    ['review', 'all: false', { selection: { all: false }, action: 'approve' }],
    ['review', 'a tier selector', { selection: { tier: 'template' }, action: 'approve' }],
    ['review', 'an unknown filter', { selection: { filter: { colour: ['red'] } }, action: 'approve' }],
    ['review', 'an unknown status', { selection: { filter: { status: ['done'] } }, action: 'approve' }],
    ['review', 'an unknown action', { selection: ids, action: 'maybe' }],
    ['review', 'numeric notes', { selection: ids, action: 'approve', notes: 7 }],
    ['review', 'an unknown field', { selection: ids, action: 'approve', extra: 1 }],
    ['undo', 'no action id', {}],
    ['undo', 'a numeric action id', { actionId: 12 }],
    ['undo', 'an empty action id', { actionId: '' }],
    ['delete', 'a string selection', { selection: 'all', confirm: true }],
  ])('bulk %s with %s answers 400, never 500', async (path, _name, payload) => {
    const res = await t.as('admin', { method: 'POST', url: `/api/conversations/bulk/${path}`, ...(payload === undefined ? {} : { payload: payload as object }) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String), hint: expect.any(String) });
  });

  it('names the field and what to do', async () => {
    const none = await post('reviewer', 'review', { selection: {}, action: 'approve' });
    expect(none.json().error.message).toBe("The field 'selection.conversationIds' is missing: give exactly one of conversationIds, filter, all.");
    const two = await post('reviewer', 'review', { selection: { all: true, filter: {} }, action: 'approve' });
    expect(two.json().error.message).toBe("The field 'selection.all' must be the only selector: give exactly one of conversationIds, filter, all.");
    const bad = await post('reviewer', 'review', { selection: { conversationIds: ['conv-00001', 'x y'] }, action: 'approve' });
    expect(bad.json().error.message).toBe("The field 'selection.conversationIds.1' must be a conversation id such as conv-00017, or its UUID.");
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await t.as('admin', { method: 'POST', url: '/api/conversations/bulk/review', payload: '{"selection":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
  });

  it('answers 400 for a NUL byte in the notes and changes nothing', async () => {
    await setStatus(['conv-00072'], 'generated');
    const res = await post('reviewer', 'review', { selection: { conversationIds: ['conv-00072'] }, action: 'reject', notes: 'bad\u0000' });
    expect(res.statusCode).toBe(400);
    expect(await statusOf('conv-00072')).toBe('generated');
  });

  it('leaves /api/conversations/:id routes alone', async () => {
    expect((await t.as('viewer', { method: 'GET', url: '/api/conversations/bulk' })).statusCode).toBe(404);
    await setStatus(['conv-00073'], 'generated');
    const single = await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00073/review', payload: { action: 'approve' } });
    expect(single.statusCode).toBe(200);
    expect((await t.as('viewer', { method: 'GET', url: '/api/openapi.json' })).json().paths).toHaveProperty(['/api/conversations/bulk/review']);
  });
});

describe('POST /api/conversations/bulk/preview', () => {
  const preview = async (payload: unknown, role: Role = 'reviewer'): Promise<BulkPreview> => {
    const res = await post(role, 'preview', payload);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<BulkPreview>();
  };
  const none = { already_in_state: 0, not_generated: 0, generating: 0, generation_failed: 0, below_quality_bar: 0, queued_in_run: 0, seed: 0 };
  const noStatus = { not_generated: 0, generating: 0, generated: 0, approved: 0, rejected: 0, failed: 0 };

  it('counts a mixed list of ids by what each action would do, and the action then does exactly that', async () => {
    await setStatus(['conv-00034', 'conv-00035'], 'generated');
    await setStatus(['conv-00036'], 'rejected');
    await setStatus(['conv-00037'], 'approved');
    const first = await detail('conv-00034');
    // conv-00034 twice (by id and UUID), conv-00038 without text, seed-002 approved (a seed: never rejected), one id that names nothing.
    const selection = { conversationIds: ['conv-00034', first.id, 'conv-00035', 'conv-00036', 'conv-00037', 'conv-00038', 'seed-002', 'conv-99998'] };
    const before = await Promise.all(selection.conversationIds.slice(2, 7).map(statusOf));

    const approve = await preview({ selection, action: 'approve' });
    expect(approve).toEqual({
      action: 'approve',
      selected: 6,
      notFound: 1,
      willChange: 3,
      changeFrom: { ...noStatus, generated: 2, rejected: 1 },
      skipped: 3,
      skippedByReason: { ...none, already_in_state: 2, not_generated: 1 },
      refusedEdgeCases: 0,
    });
    const reject = await preview({ selection, action: 'reject' }, 'viewer');
    expect(reject).toMatchObject({ selected: 6, notFound: 1, willChange: 3, changeFrom: { ...noStatus, generated: 2, approved: 1 }, skipped: 3, skippedByReason: { ...none, already_in_state: 1, not_generated: 1, seed: 1 } });
    // Asking changes nothing.
    expect(await Promise.all(selection.conversationIds.slice(2, 7).map(statusOf))).toEqual(before);

    const done = await review({ selection, action: 'approve' });
    expect(done).toMatchObject({ succeeded: approve.willChange, skippedCount: approve.skipped, skippedByReason: approve.skippedByReason, failedCount: approve.notFound });
    expect(await statusOf('conv-00036')).toBe('approved');
  });

  it('counts a filter selection in one grouped query, and the action follows it', async () => {
    // The search `conv-0008` names conv-00080 … conv-00089.
    await setStatus(range(80, 82), 'approved');
    await setStatus(range(83, 84), 'rejected');
    await setStatus(range(85, 86), 'generated');
    await setStatus(['conv-00087'], 'failed');
    await setStatus(['conv-00088'], 'generating');
    await setStatus(['conv-00089'], 'not_generated');
    const selection = { filter: { q: 'conv-0008' } };
    const reject = await preview({ selection, action: 'reject' });
    expect(reject).toEqual({
      action: 'reject',
      selected: 10,
      notFound: 0,
      willChange: 5,
      changeFrom: { ...noStatus, approved: 3, generated: 2 },
      skipped: 5,
      skippedByReason: { ...none, already_in_state: 2, generation_failed: 1, generating: 1, not_generated: 1 },
      refusedEdgeCases: 0,
    });
    const narrowed = await preview({ selection: { filter: { q: 'conv-0008', status: ['approved', 'rejected'] } }, action: 'approve' });
    // conv-00080 … conv-00089 are edge cases: the two rejected ones would be refused by an approval (reviewed one at a time), not flipped.
    expect(narrowed).toMatchObject({ selected: 5, willChange: 0, changeFrom: noStatus, skippedByReason: { ...none, already_in_state: 3 }, refusedEdgeCases: 2 });

    const done = await review({ selection, action: 'reject' });
    expect(done).toMatchObject({ succeeded: 5, skippedCount: 5, skippedByReason: reject.skippedByReason, failedCount: 0 });
    expect(await undo(done.actionId!)).toMatchObject({ restored: 5, skippedCount: 0 });
    expect(await statusOf('conv-00080')).toBe('approved');
  });

  it('counts what a delete would keep: being generated, or queued in a run', async () => {
    const run = await t.as('generator', { method: 'POST', url: '/api/runs', payload: { conversationIds: ['conv-00089'] } });
    expect(run.statusCode, run.body).toBe(201);
    const body = await preview({ selection: { conversationIds: ['conv-00086', 'conv-00088', 'conv-00089'] }, action: 'delete' });
    expect(body).toMatchObject({ selected: 3, willChange: 1, skipped: 2, skippedByReason: { ...none, generating: 1, queued_in_run: 1 } });
    expect(await statusOf('conv-00086')).toBe('generated');
  });

  it('counts a selection of all, and says so when nothing would change', async () => {
    const total = (await t.as('viewer', { method: 'GET', url: '/api/conversations?pageSize=25' })).json<{ total: number }>().total;
    const all = await preview({ selection: { all: true }, action: 'approve' });
    expect(all.selected).toBe(total);
    expect(all.willChange + all.skipped + all.refusedEdgeCases).toBe(total);
    expect(await preview({ selection: { filter: { q: 'no-such-conversation' } }, action: 'reject' })).toMatchObject({ selected: 0, willChange: 0, skipped: 0, notFound: 0 });
  });

  it.each([
    ['no action', { selection: { all: true } }],
    ['an unknown action', { selection: { all: true }, action: 'undo' }],
    ['no selection', { action: 'approve' }],
    ['two selectors', { selection: { all: true, filter: {} }, action: 'approve' }],
    ['an unknown field', { selection: { all: true }, action: 'approve', confirm: true }],
  ])('answers 400 for %s, never 500', async (_name, payload) => {
    const res = await post('viewer', 'preview', payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String), hint: expect.any(String) });
  });

  it('needs a session, and is in the OpenAPI document', async () => {
    expect((await t.as(null, { method: 'POST', url: '/api/conversations/bulk/preview', payload: { selection: { all: true }, action: 'approve' } })).statusCode).toBe(401);
    expect((await t.as('viewer', { method: 'GET', url: '/api/openapi.json' })).json().paths).toHaveProperty(['/api/conversations/bulk/preview']);
  });
});

describe('a selection of all', () => {
  it('rejects every conversation that can be rejected and counts the rest as skipped, listing at most 1,000', async () => {
    const all = (await t.as('viewer', { method: 'GET', url: '/api/conversations?pageSize=25' })).json<{ total: number }>().total;
    const movable = await db()
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(inArray(conversations.status, ['generated', 'approved']), eq(conversations.isSeed, false)));
    const preview = (await post('reviewer', 'preview', { selection: { all: true }, action: 'reject' })).json<BulkPreview>();
    expect(preview).toMatchObject({ selected: all, willChange: movable.length, skipped: all - movable.length });
    const body = await review({ selection: { all: true }, action: 'reject' });
    expect(body.requested).toBe(all);
    expect(body.succeeded).toBe(movable.length);
    expect(body.skippedCount).toBe(all - movable.length);
    expect(body.skipped).toHaveLength(body.skippedCount);
    expect(body.failedCount).toBe(0);
    // Only the seeds stay approved: they are benchmarks, never rejected.
    const approved = (await t.as('viewer', { method: 'GET', url: '/api/conversations?status=approved&pageSize=100' })).json<ConversationListResponse>();
    expect(approved.total).toBeGreaterThan(0);
    expect(approved.items.every((c) => c.isSeed)).toBe(true);
    expect(body.skippedByReason.seed).toBe(approved.total);
  });
});
