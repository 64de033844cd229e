import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/roles';
import type { ActivityReport, ComplianceReport, ConversationAudit, RetentionResult, ReviewEventPage } from '../../src/contract/audit';
import type { ConversationStatus } from '../../src/core/statuses';
import { describeAttribution, describeCoverage } from '../../src/db/queries/compliance';
import { conversations, exportLogs, generationLogs, user } from '../../src/db/schema';
import { giveText } from '../support/give-text';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
const db = () => t.services.ctx.database.db;
const ids: Record<string, string> = {};
let bulkActionId: string;
const userId = async (role: Role) => (await db().select({ id: user.id }).from(user).where(eq(user.email, `${role}@example.test`)))[0].id;

async function setStatus(labels: string[], status: ConversationStatus) {
  await db()
    .update(conversations)
    .set({ status, generatedAt: new Date() })
    .where(inArray(conversations.conversationId, labels));
}

const get = async <T>(role: Role, url: string) => {
  const res = await t.as(role, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};

const NOTE = 'Clear, "friendly" answer';

beforeAll(async () => {
  t = await createTestApp();
  // Start-up retention runs in the background; let it finish so it does not race the rows inserted below.
  await t.services.retention.idle();
  await setStatus(['conv-00041', 'conv-00042', 'conv-00043', 'conv-00044', 'conv-00045', 'conv-00050'], 'generated');
  for (const row of await db().select({ id: conversations.id, label: conversations.conversationId }).from(conversations).where(inArray(conversations.conversationId, ['conv-00041', 'conv-00042', 'conv-00043', 'conv-00050']))) ids[row.label] = row.id;

  const review = async (role: Role, id: string, payload: object) => {
    const res = await t.as(role, { method: 'POST', url: `/api/conversations/${id}/review`, payload });
    expect(res.statusCode, res.body).toBe(200);
  };
  await review('reviewer', 'conv-00041', { action: 'approve', notes: NOTE });
  await review('admin', 'conv-00042', { action: 'reject', notes: 'Off topic' });
  const bulk = await t.as('reviewer', { method: 'POST', url: '/api/conversations/bulk/review', payload: { selection: { conversationIds: ['conv-00043', 'conv-00044', 'conv-00045'] }, action: 'approve' } });
  expect(bulk.statusCode, bulk.body).toBe(200);
  bulkActionId = bulk.json().actionId;
  const undo = await t.as('reviewer', { method: 'POST', url: '/api/conversations/bulk/undo', payload: { actionId: bulkActionId } });
  expect(undo.json().restored).toBe(3);
  // conv-00044 is approved again after the undo, so it ends reviewed.
  await review('reviewer', 'conv-00044', { action: 'approve' });
  // A provider call for conv-00041, as the worker would log it.
  await db().insert(generationLogs).values({ conversationId: ids['conv-00041'], provider: 'offline', model: 'offline', status: 'success', createdBy: await userId('generator') });
});
afterAll(() => t.close());

describe('GET /api/conversations/:id/audit', () => {
  it('lists a single review with the reviewer, notes and status change, by human id or row id', async () => {
    const audit = await get<ConversationAudit>('reviewer', '/api/conversations/conv-00041/audit');
    expect(audit.conversation).toEqual({ id: ids['conv-00041'], conversationId: 'conv-00041', status: 'approved' });
    expect(audit.reviews).toEqual([
      {
        id: expect.any(String),
        conversationId: ids['conv-00041'],
        conversationLabel: 'conv-00041',
        action: 'approve',
        fromStatus: 'generated',
        toStatus: 'approved',
        reviewer: { id: await userId('reviewer'), name: 'Test reviewer', email: 'reviewer@example.test' },
        notes: NOTE,
        actionId: null,
        judge: null,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(audit.generations).toEqual([expect.objectContaining({ status: 'success', model: 'offline', startedBy: expect.objectContaining({ name: 'Test generator' }) })]);
    expect(audit.generationCount).toBe(1);
    const byRowId = await get<ConversationAudit>('viewer', `/api/conversations/${ids['conv-00041']}/audit`);
    expect(byRowId.reviews.map((r) => r.id)).toEqual(audit.reviews.map((r) => r.id));
  });

  it('shows a bulk review and its undo newest first, under one action id', async () => {
    const audit = await get<ConversationAudit>('reviewer', '/api/conversations/conv-00043/audit');
    expect(audit.conversation.status).toBe('generated');
    expect(audit.reviews.map((r) => [r.action, r.fromStatus, r.toStatus, r.actionId])).toEqual([
      ['undo', 'approved', 'generated', bulkActionId],
      ['approve', 'generated', 'approved', bulkActionId],
    ]);
    expect(audit.reviews.every((r) => r.reviewer?.email === 'reviewer@example.test')).toBe(true);
  });

  it('says what was not found, and refuses to readers without an account', async () => {
    const missing = await t.as('viewer', { method: 'GET', url: '/api/conversations/conv-99999/audit' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    expect((await t.as(null, { method: 'GET', url: '/api/conversations/conv-00041/audit' })).statusCode).toBe(401);
  });

  it('keeps the event of a deleted reviewer, with the reviewer unknown', async () => {
    await t.as('admin', { method: 'POST', url: '/api/users', payload: { email: 'gone@example.test', name: 'Gone Soon', role: 'reviewer', password: 'gone-password' } });
    const [gone] = await db().select({ id: user.id }).from(user).where(eq(user.email, 'gone@example.test'));
    await db().execute(sql`insert into review_logs (conversation_id, action, reviewer_id, from_status, to_status) values (${ids['conv-00042']}, 'approve', ${gone.id}, 'rejected', 'approved')`);
    await db().delete(user).where(eq(user.id, gone.id));
    const audit = await get<ConversationAudit>('viewer', '/api/conversations/conv-00042/audit');
    expect(audit.reviews[0]).toMatchObject({ action: 'approve', reviewer: null });
    expect(audit.reviews[1]).toMatchObject({ action: 'reject', notes: 'Off topic', reviewer: { name: 'Test admin' } });
  });
});

describe('GET /api/audit/reviews', () => {
  it('filters by conversations, reviewer, action and dates, newest first, in pages', async () => {
    const two = await get<ReviewEventPage>('reviewer', '/api/audit/reviews?conversationId=conv-00041,conv-00043');
    expect(two.total).toBe(3);
    expect(two.items.map((e) => e.conversationLabel)).toEqual(['conv-00043', 'conv-00043', 'conv-00041']);
    const mixed = await get<ReviewEventPage>('reviewer', `/api/audit/reviews?conversationId=${ids['conv-00041']},conv-00044`);
    expect(new Set(mixed.items.map((e) => e.conversationLabel))).toEqual(new Set(['conv-00041', 'conv-00044']));

    const byAdmin = await get<ReviewEventPage>('admin', `/api/audit/reviews?reviewerId=${await userId('admin')}`);
    expect(byAdmin.items.map((e) => [e.conversationLabel, e.action])).toEqual([['conv-00042', 'reject']]);
    const undos = await get<ReviewEventPage>('admin', '/api/audit/reviews?action=undo');
    expect(undos.total).toBe(3);
    expect(undos.items.every((e) => e.actionId === bulkActionId)).toBe(true);

    const all = await get<ReviewEventPage>('admin', '/api/audit/reviews');
    expect(all.total).toBe(10);
    const times = all.items.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const page2 = await get<ReviewEventPage>('admin', '/api/audit/reviews?pageSize=4&page=2');
    expect(page2).toMatchObject({ total: 10, page: 2, pageSize: 4 });
    expect(page2.items.map((e) => e.id)).toEqual(all.items.slice(4, 8).map((e) => e.id));

    expect((await get<ReviewEventPage>('admin', '/api/audit/reviews?from=2999-01-01T00:00:00Z')).total).toBe(0);
    expect((await get<ReviewEventPage>('admin', '/api/audit/reviews?to=2000-01-01T00:00:00Z')).total).toBe(0);
    expect((await get<ReviewEventPage>('admin', `/api/audit/reviews?from=2000-01-01T00:00:00Z&to=${new Date(Date.now() + 60_000).toISOString()}`)).total).toBe(10);
  });

  it('exports the filtered trail as RFC 4180 CSV, oldest first', async () => {
    const res = await t.as('reviewer', { method: 'GET', url: '/api/audit/reviews.csv?conversationId=conv-00041,conv-00043' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="review-audit-trail-\d{4}-\d\d-\d\d\.csv"/);
    const lines = res.body.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('createdAt,conversationLabel,conversationId,action,fromStatus,toStatus,reviewerId,reviewerName,reviewerEmail,notes,actionId,eventId,judgeScore,judgeCostUsd,judgeModel');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(',conv-00041,');
    expect(lines[1]).toContain(',"Clear, ""friendly"" answer",');
    expect(lines[3]).toContain(',undo,approved,generated,');
    const empty = await t.as('admin', { method: 'GET', url: '/api/audit/reviews.csv?action=reject&from=2999-01-01T00:00:00Z' });
    expect(empty.body.split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('answers 400 naming the parameter for bad filters, never 500', async () => {
    for (const [query, field] of [
      ['from=yesterday', 'from'],
      ['to=2026-13-45', 'to'],
      ['action=delete', 'action'],
      ['pageSize=1000', 'pageSize'],
      ['page=0', 'page'],
      ['conversationId=conv-1;drop', 'conversationId'],
      ['conversationId=,,,', 'conversationId'],
      ['sort=name', 'sort'],
      ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
    ] as const) {
      for (const path of ['/api/audit/reviews', '/api/audit/reviews.csv']) {
        if (path.endsWith('.csv') && query.startsWith('page')) continue;
        const res = await t.as('admin', { method: 'GET', url: `${path}?${query}` });
        expect(res.statusCode, `${path}?${query}: ${res.body}`).toBe(400);
        expect(res.json().error.message, query).toContain(`'${field}'`);
      }
    }
  });
});

describe('GET /api/reports/activity', () => {
  it('counts approvals, rejections, undos and conversations reviewed per user', async () => {
    const report = await get<ActivityReport>('reviewer', '/api/reports/activity');
    const reviewer = report.users.find((u) => u.email === 'reviewer@example.test')!;
    // conv-00041 alone, conv-00043…105 in bulk, conv-00044 again after the undo.
    expect(reviewer).toMatchObject({ name: 'Test reviewer', role: 'reviewer', approvals: 5, rejections: 0, undos: 3, conversationsReviewed: 4 });
    expect(Date.parse(reviewer.firstActivityAt!)).toBeLessThanOrEqual(Date.parse(reviewer.lastActivityAt!));
    const admin = report.users.find((u) => u.email === 'admin@example.test')!;
    expect(admin).toMatchObject({ approvals: 0, rejections: 1, undos: 0, conversationsReviewed: 1 });
    const deleted = report.users.find((u) => u.userId === null)!;
    expect(deleted).toMatchObject({ name: 'Deleted user', approvals: 1 });
    expect(report.users.some((u) => u.email === 'viewer@example.test')).toBe(false);
    expect(report.totals).toEqual({ approvals: 6, rejections: 1, undos: 3, conversationsReviewed: 5, activeReviewers: 3 });
    // The busiest first.
    expect(report.users[0].email).toBe('reviewer@example.test');
  });

  it('narrows to a date range, still listing who may review', async () => {
    const report = await get<ActivityReport>('admin', '/api/reports/activity?from=2999-01-01T00:00:00Z');
    expect(report.totals).toEqual({ approvals: 0, rejections: 0, undos: 0, conversationsReviewed: 0, activeReviewers: 0 });
    expect(report.users.map((u) => u.email).sort()).toEqual(['admin@example.test', 'reviewer@example.test']);
    expect(report.users.every((u) => u.lastActivityAt === null)).toBe(true);
    expect((await t.as('admin', { method: 'GET', url: '/api/reports/activity?from=soon' })).statusCode).toBe(400);
    expect((await t.as('admin', { method: 'GET', url: '/api/reports/activity?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z' })).statusCode).toBe(400);
  });

  it('exports the report as CSV', async () => {
    const res = await t.as('admin', { method: 'GET', url: '/api/reports/activity.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('userId,name,email,role,approvals,rejections,undos,conversationsReviewed,firstActivityAt,lastActivityAt');
    expect(lines.find((l) => l.includes('reviewer@example.test'))).toMatch(/,Test reviewer,reviewer@example\.test,reviewer,5,0,3,4,/);
  });
});

describe('GET /api/reports/compliance', () => {
  let report: ComplianceReport;
  beforeAll(async () => {
    const admin = await userId('admin');
    await db()
      .insert(exportLogs)
      .values([
        { exportId: 'exp-ok', userId: admin, conversationCount: 2, format: 'openai', fileName: 'ok.jsonl', metadata: { approvedOnly: true, unreviewedCount: 0, formatVersion: '1' } },
        { exportId: 'exp-nobody', userId: null, conversationCount: 5, format: 'sharegpt', fileName: 'nobody.json', metadata: { approvedOnly: true, unreviewedCount: 0, formatVersion: '1' } },
        { exportId: 'exp-unreviewed', userId: admin, conversationCount: 9, format: 'hf', fileName: 'all.jsonl', metadata: { approvedOnly: false, unreviewedCount: 4, formatVersion: '1' } },
        { exportId: 'exp-odd', userId: admin, conversationCount: 1, format: 'json', fileName: 'odd.json', metadata: { unreviewedCount: 'many' } },
      ]);
    // A judgement is not a review: conv-00050 stays "never reviewed" after the LLM judge scored it.
    await giveText(db(), 'conv-00050');
    expect((await t.as('generator', { method: 'POST', url: '/api/conversations/conv-00050/judge' })).statusCode).toBe(200);
    report = await get<ComplianceReport>('reviewer', '/api/reports/compliance');
  });

  it('flags generated conversations nobody reviewed, and says why each is listed', async () => {
    const c = report.reviewCoverage;
    expect(c.ok).toBe(false);
    expect(c.byStatus).toMatchObject({ generated: 3, approved: 2, rejected: 1 });
    expect(c).toMatchObject({ withText: 6, reviewed: 3, awaitingReview: 3, neverReviewed: 1, withoutTrail: 0 });
    const reasons = Object.fromEntries(c.unreviewed.map((u) => [u.conversationId, u.reason]));
    expect(reasons).toEqual({ 'conv-00050': 'never_reviewed', 'conv-00043': 'needs_review_again', 'conv-00045': 'needs_review_again' });
    expect(c.summary).toContain('3 of 6 generated conversations have not been reviewed by anyone (1 never reviewed, 2 waiting for a new review after an undo or a regeneration).');
    expect(c.hint).toContain('Status: Generated');
  });

  it('lists exports that contained unreviewed conversations', () => {
    const c = report.reviewCoverage;
    expect(c.unreviewedExportCount).toBe(1);
    expect(c.unreviewedExports).toEqual([
      expect.objectContaining({ exportId: 'exp-unreviewed', unreviewedCount: 4, approvedOnly: false, conversationCount: 9, format: 'hf', user: expect.objectContaining({ email: 'admin@example.test' }) }),
    ]);
    expect(c.summary).toContain('1 export contained unreviewed conversations');
  });

  it('lists exports without user attribution', () => {
    const a = report.exportAttribution;
    expect(a).toMatchObject({ ok: false, totalExports: 4, unattributedCount: 1 });
    expect(a.unattributed).toEqual([expect.objectContaining({ exportId: 'exp-nobody', user: null, fileName: 'nobody.json', conversationCount: 5 })]);
    expect(a.summary).toBe("1 of 4 exports has no user attribution: the user's account was deleted since, or an API token without a user made it.");
  });

  it('passes when everything is accounted for', () => {
    expect(describeCoverage({ withText: 12, awaitingReview: 0, neverReviewed: 0, withoutTrail: 0, unreviewedExportCount: 0 })).toEqual({
      ok: true,
      summary: 'All 12 generated conversations were reviewed by at least one user, and no export contained unreviewed conversations.',
      hint: '',
    });
    expect(describeCoverage({ withText: 0, awaitingReview: 0, neverReviewed: 0, withoutTrail: 0, unreviewedExportCount: 0 }).ok).toBe(true);
    expect(describeCoverage({ withText: 3, awaitingReview: 0, neverReviewed: 0, withoutTrail: 1, unreviewedExportCount: 0 })).toMatchObject({ ok: false, summary: expect.stringContaining('without a review record') });
    expect(describeAttribution(3, 0)).toEqual({ ok: true, summary: 'All 3 exports are logged with the user who made them.', hint: '' });
    expect(describeAttribution(0, 0).ok).toBe(true);
  });
});

describe('permissions', () => {
  it('lets admins and reviewers read reports, not viewers or generators', async () => {
    for (const url of ['/api/reports/compliance', '/api/reports/activity', '/api/reports/activity.csv', '/api/audit/reviews', '/api/audit/reviews.csv']) {
      for (const role of ['viewer', 'generator'] as const) {
        const res = await t.as(role, { method: 'GET', url });
        expect(res.statusCode, `${role} ${url}`).toBe(403);
        expect(res.json().error.details.permission).toBe('audit:read');
      }
      for (const role of ['admin', 'reviewer'] as const) expect((await t.as(role, { method: 'GET', url })).statusCode, `${role} ${url}`).toBe(200);
      expect((await t.as(null, { method: 'GET', url })).statusCode).toBe(401);
    }
  });
});

describe('POST /api/admin/retention/run', () => {
  it('deletes old logs, compresses week-old payloads and still serves them', async () => {
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
    const request = { prompt: 'Write a conversation about budgeting. '.repeat(40), system: 'You write training conversations.' };
    const response = { content: [{ type: 'tool_use', input: { turns: ['Hi', 'Hello'] } }] };
    const [old] = await db().insert(generationLogs).values({ provider: 'offline', model: 'offline', status: 'success', createdAt: daysAgo(120) }).returning({ id: generationLogs.id });
    const [week] = await db()
      .insert(generationLogs)
      .values({ provider: 'offline', model: 'offline', status: 'success', requestPayload: request, responsePayload: response, createdAt: daysAgo(10) })
      .returning({ id: generationLogs.id });
    await db().insert(exportLogs).values({ exportId: 'exp-ancient', userId: null, conversationCount: 1, format: 'json', fileName: 'old.json', exportedAt: daysAgo(400) });

    expect((await t.as('reviewer', { method: 'POST', url: '/api/admin/retention/run', payload: {} })).statusCode).toBe(403);
    const res = await t.as('admin', { method: 'POST', url: '/api/admin/retention/run', payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<RetentionResult>();
    expect(result).toMatchObject({ logsDays: 90, exportsDays: 365, generationLogsDeleted: 1, exportLogsDeleted: 1, payloadsCompressed: 1 });
    expect(result.bytesAfter).toBeLessThan(result.bytesBefore / 3);

    expect((await t.as('admin', { method: 'GET', url: `/api/generation-logs/${old.id}` })).statusCode).toBe(404);
    const detail = await get<{ requestPayload: unknown; responsePayload: unknown }>('viewer', `/api/generation-logs/${week.id}`);
    expect(detail.requestPayload).toEqual(request);
    expect(detail.responsePayload).toEqual(response);
    const [raw] = await db().select({ request: generationLogs.requestPayload }).from(generationLogs).where(eq(generationLogs.id, week.id));
    expect(raw.request).toBeNull();
  });
});
