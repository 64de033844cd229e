import { and, count, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { PERMISSIONS } from '../../core/roles';
import {
  MAX_TRAIL_GENERATIONS,
  type ActivityQuery,
  type ActivityReport,
  type AuditReviewFilters,
  type AuditReviewQuery,
  type ConversationAudit,
  type ReviewEvent,
  type ReviewEventAction,
  type ReviewEventPage,
  type UserActivity,
} from '../../contract/audit';
import { notFound } from '../../core/errors';
import type { Db } from '../client';
import { conversations, generationLogs, generationRuns, reviewLogs, user } from '../schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A timestamp as ISO text with microseconds, so a keyset cursor never skips rows sharing a millisecond. */
const preciseIso = (column: SQL | typeof reviewLogs.createdAt) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const eventColumns = {
  id: reviewLogs.id,
  conversationId: reviewLogs.conversationId,
  conversationLabel: conversations.conversationId,
  action: reviewLogs.action,
  fromStatus: reviewLogs.fromStatus,
  toStatus: reviewLogs.toStatus,
  reviewerId: user.id,
  reviewerName: user.name,
  reviewerEmail: user.email,
  notes: reviewLogs.reviewerNotes,
  actionId: reviewLogs.actionId,
  judge: reviewLogs.judge,
  createdAt: reviewLogs.createdAt,
};

type EventRow = Awaited<ReturnType<typeof eventsFrom>>[number];

function presentEvent(row: EventRow): ReviewEvent {
  return {
    id: row.id,
    conversationId: row.conversationId,
    conversationLabel: row.conversationLabel,
    action: row.action as ReviewEventAction,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    reviewer: row.reviewerId ? { id: row.reviewerId, name: row.reviewerName ?? '', email: row.reviewerEmail ?? '' } : null,
    notes: row.notes,
    actionId: row.actionId,
    judge: row.judge ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const eventsFrom = (db: Db) =>
  db.select(eventColumns).from(reviewLogs).innerJoin(conversations, eq(conversations.id, reviewLogs.conversationId)).leftJoin(user, eq(user.id, reviewLogs.reviewerId));

function eventFilter(q: AuditReviewFilters): SQL | undefined {
  const refs = q.conversationId ?? [];
  const rowIds = refs.filter((r) => UUID.test(r)).map((r) => r.toLowerCase());
  const labels = refs.filter((r) => !UUID.test(r));
  return and(
    refs.length ? or(rowIds.length ? inArray(reviewLogs.conversationId, rowIds) : undefined, labels.length ? inArray(conversations.conversationId, labels) : undefined) : undefined,
    q.reviewerId ? eq(reviewLogs.reviewerId, q.reviewerId) : undefined,
    q.action ? eq(reviewLogs.action, q.action) : undefined,
    q.from ? gte(reviewLogs.createdAt, new Date(q.from)) : undefined,
    q.to ? lte(reviewLogs.createdAt, new Date(q.to)) : undefined,
  );
}

/** One page of review events across conversations, newest first, with the total (US9.3.2). */
export async function listReviewEvents(db: Db, q: AuditReviewQuery): Promise<ReviewEventPage> {
  const filter = eventFilter(q);
  const rows = await eventsFrom(db)
    .where(filter)
    .orderBy(desc(reviewLogs.createdAt), desc(reviewLogs.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(reviewLogs).innerJoin(conversations, eq(conversations.id, reviewLogs.conversationId)).where(filter);
  return { items: rows.map(presentEvent), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Every matching event, oldest first, 1,000 at a time: the CSV streams from this. A keyset on
 * (created_at, id) keeps each page as cheap as the first however long the trail grows.
 */
export async function* iterateReviewEvents(db: Db, q: AuditReviewFilters): AsyncGenerator<ReviewEvent> {
  const filter = eventFilter(q);
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const cursor: SQL | undefined = after ? sql`(${reviewLogs.createdAt}, ${reviewLogs.id}) > (${after.at}::timestamptz, ${after.id}::uuid)` : undefined;
    const rows: (EventRow & { cursorAt: string })[] = await db
      .select({ ...eventColumns, cursorAt: preciseIso(reviewLogs.createdAt) })
      .from(reviewLogs)
      .innerJoin(conversations, eq(conversations.id, reviewLogs.conversationId))
      .leftJoin(user, eq(user.id, reviewLogs.reviewerId))
      .where(and(filter, cursor))
      .orderBy(reviewLogs.createdAt, reviewLogs.id)
      .limit(1000);
    for (const row of rows) yield presentEvent(row);
    if (rows.length < 1000) return;
    const last: EventRow & { cursorAt: string } = rows[rows.length - 1];
    after = { at: last.cursorAt, id: last.id };
  }
}

/** A conversation's whole story: every review event, and its newest provider calls (the generation log is pruned after retention.logsDays). */
export async function getConversationAudit(db: Db, idOrConversationId: string): Promise<ConversationAudit> {
  const [conversation] = await db
    .select({ id: conversations.id, conversationId: conversations.conversationId, status: conversations.status })
    .from(conversations)
    .where(UUID.test(idOrConversationId) ? eq(conversations.id, idOrConversationId) : eq(conversations.conversationId, idOrConversationId));
  if (!conversation) throw notFound('The conversation');
  const reviews = await eventsFrom(db).where(eq(reviewLogs.conversationId, conversation.id)).orderBy(desc(reviewLogs.createdAt), desc(reviewLogs.id));
  const starter = alias(user, 'starter');
  const generations = await db
    .select({
      id: generationLogs.id,
      createdAt: generationLogs.createdAt,
      status: generationLogs.status,
      errorKind: generationLogs.errorKind,
      runId: generationLogs.runId,
      model: generationLogs.model,
      attempt: generationLogs.attempt,
      starterId: starter.id,
      starterName: starter.name,
      starterEmail: starter.email,
    })
    .from(generationLogs)
    .leftJoin(generationRuns, eq(generationRuns.id, generationLogs.runId))
    // Who started the run, or who made the call directly.
    .leftJoin(starter, eq(starter.id, sql`coalesce(${generationRuns.createdBy}, ${generationLogs.createdBy})`))
    .where(eq(generationLogs.conversationId, conversation.id))
    .orderBy(desc(generationLogs.createdAt), desc(generationLogs.id))
    .limit(MAX_TRAIL_GENERATIONS);
  const [{ generationCount }] = await db.select({ generationCount: count() }).from(generationLogs).where(eq(generationLogs.conversationId, conversation.id));
  return {
    conversation,
    reviews: reviews.map(presentEvent),
    generations: generations.map((g) => ({
      id: g.id,
      createdAt: g.createdAt.toISOString(),
      status: g.status as 'success' | 'error',
      errorKind: g.errorKind,
      runId: g.runId,
      model: g.model,
      attempt: g.attempt,
      startedBy: g.starterId ? { id: g.starterId, name: g.starterName ?? '', email: g.starterEmail ?? '' } : null,
    })),
    generationCount,
  };
}

/** Roles that may review: they appear in the activity report even on a day they did nothing. */
const REVIEWING_ROLES: readonly string[] = PERMISSIONS['conversations:review'];

/** Review activity per user over a date range (US9.3.2): approvals, rejections, undos and conversations reviewed. */
export async function getActivityReport(db: Db, q: ActivityQuery): Promise<ActivityReport> {
  const range = and(q.from ? gte(reviewLogs.createdAt, new Date(q.from)) : undefined, q.to ? lte(reviewLogs.createdAt, new Date(q.to)) : undefined);
  const decided = sql`${reviewLogs.action} in ('approve', 'reject')`;
  const aggregates = {
    approvals: sql<number>`count(*) filter (where ${reviewLogs.action} = 'approve')::int`,
    rejections: sql<number>`count(*) filter (where ${reviewLogs.action} = 'reject')::int`,
    undos: sql<number>`count(*) filter (where ${reviewLogs.action} = 'undo')::int`,
    conversationsReviewed: sql<number>`count(distinct ${reviewLogs.conversationId}) filter (where ${decided})::int`,
    firstActivityAt: sql<string | null>`to_char(min(${reviewLogs.createdAt}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    lastActivityAt: sql<string | null>`to_char(max(${reviewLogs.createdAt}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  };
  const perUser = await db.select({ userId: reviewLogs.reviewerId, ...aggregates }).from(reviewLogs).where(range).groupBy(reviewLogs.reviewerId);
  const [totals] = await db.select({ ...aggregates }).from(reviewLogs).where(range);
  const activeIds = perUser.map((r) => r.userId).filter((id): id is string => id !== null);
  const people = await db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role })
    .from(user)
    .where(activeIds.length ? or(inArray(user.id, activeIds), inArray(user.role, [...REVIEWING_ROLES])) : inArray(user.role, [...REVIEWING_ROLES]));
  const byId = new Map(people.map((p) => [p.id, p]));
  const active: UserActivity[] = perUser.map((r) => {
    const person = r.userId ? byId.get(r.userId) : undefined;
    return {
      userId: r.userId,
      name: person?.name ?? 'Deleted user',
      email: person?.email ?? null,
      role: person?.role ?? null,
      approvals: r.approvals,
      rejections: r.rejections,
      undos: r.undos,
      conversationsReviewed: r.conversationsReviewed,
      firstActivityAt: r.firstActivityAt,
      lastActivityAt: r.lastActivityAt,
    };
  });
  const seen = new Set(activeIds);
  const idle: UserActivity[] = people
    .filter((p) => !seen.has(p.id))
    .map((p) => ({ userId: p.id, name: p.name, email: p.email, role: p.role, approvals: 0, rejections: 0, undos: 0, conversationsReviewed: 0, firstActivityAt: null, lastActivityAt: null }));
  const actions = (u: UserActivity) => u.approvals + u.rejections + u.undos;
  active.sort((a, b) => actions(b) - actions(a) || a.name.localeCompare(b.name));
  idle.sort((a, b) => a.name.localeCompare(b.name));
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    users: [...active, ...idle],
    totals: {
      approvals: totals?.approvals ?? 0,
      rejections: totals?.rejections ?? 0,
      undos: totals?.undos ?? 0,
      conversationsReviewed: totals?.conversationsReviewed ?? 0,
      activeReviewers: active.length,
    },
  };
}
