import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activityQuery, activityReport, auditReviewCsvQuery, auditReviewQuery, complianceReport, conversationAudit, reviewEventPage, type UserActivity } from '../../contract/audit';
import { csvRow } from '../../core/csv';
import { getActivityReport, getConversationAudit, iterateReviewEvents, listReviewEvents } from '../../db/queries/audit';
import { getComplianceReport } from '../../db/queries/compliance';
import { currentUser, requirePermission } from '../authenticate';
import { can } from '../../core/roles';
import type { AppContext } from '../context';
import { sendCsv } from '../send-csv';

const REVIEW_CSV_COLUMNS = ['createdAt', 'conversationLabel', 'conversationId', 'action', 'fromStatus', 'toStatus', 'reviewerId', 'reviewerName', 'reviewerEmail', 'notes', 'actionId', 'eventId', 'judgeScore', 'judgeCostUsd', 'judgeModel'];
const ACTIVITY_CSV_COLUMNS = ['userId', 'name', 'email', 'role', 'approvals', 'rejections', 'undos', 'conversationsReviewed', 'firstActivityAt', 'lastActivityAt'] as const satisfies readonly (keyof UserActivity)[];


/** The review audit trail (US9.3.2) and the activity and compliance reports (US9.3.2, US9.3.3). */
export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/api/conversations/:id/audit',
    {
      schema: {
        tags: ['audit'],
        summary: "A conversation's audit trail: every review event (newest first) and its generation attempts",
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: conversationAudit },
      },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async (request) => {
      const trail = await getConversationAudit(db, request.params.id);
      // Everyone who reads conversations sees who reviewed and generated them, but only those
      // who read the audit (admins, reviewers) see their email addresses.
      if (can(currentUser(request).role, 'audit:read')) return trail;
      return {
        ...trail,
        reviews: trail.reviews.map((e) => ({ ...e, reviewer: e.reviewer && { ...e.reviewer, email: '' } })),
        generations: trail.generations.map((g) => ({ ...g, startedBy: g.startedBy && { ...g.startedBy, email: '' } })),
      };
    },
  );

  r.get(
    '/api/audit/reviews',
    {
      schema: {
        tags: ['audit'],
        summary: 'Review events across conversations, newest first; filter by conversations, reviewer, action and date range',
        querystring: auditReviewQuery,
        response: { 200: reviewEventPage },
      },
      preHandler: requirePermission(ctx, 'audit:read'),
    },
    async (request) => listReviewEvents(db, request.query),
  );

  r.get(
    '/api/audit/reviews.csv',
    {
      schema: { tags: ['audit'], summary: 'The filtered review audit trail as CSV (oldest first), streamed', querystring: auditReviewCsvQuery },
      preHandler: requirePermission(ctx, 'audit:read'),
    },
    async (request, reply) => {
      async function* lines() {
        yield csvRow(REVIEW_CSV_COLUMNS);
        for await (const e of iterateReviewEvents(db, request.query)) {
          yield csvRow([e.createdAt, e.conversationLabel, e.conversationId, e.action, e.fromStatus, e.toStatus, e.reviewer?.id, e.reviewer?.name, e.reviewer?.email, e.notes, e.actionId, e.id, e.judge?.score, e.judge?.costUsd, e.judge?.model]);
        }
      }
      return sendCsv(reply, 'review-audit-trail', lines());
    },
  );

  r.get(
    '/api/reports/activity',
    {
      schema: { tags: ['audit'], summary: 'Review activity per user over a date range: approvals, rejections, undos, conversations reviewed', querystring: activityQuery, response: { 200: activityReport } },
      preHandler: requirePermission(ctx, 'audit:read'),
    },
    async (request) => getActivityReport(db, request.query),
  );

  r.get(
    '/api/reports/activity.csv',
    {
      schema: { tags: ['audit'], summary: 'The activity report as CSV', querystring: activityQuery },
      preHandler: requirePermission(ctx, 'audit:read'),
    },
    async (request, reply) => {
      const report = await getActivityReport(db, request.query);
      const body = [csvRow([...ACTIVITY_CSV_COLUMNS]), ...report.users.map((u) => csvRow(ACTIVITY_CSV_COLUMNS.map((c) => u[c])))].join('');
      return sendCsv(reply, 'review-activity', body);
    },
  );

  r.get(
    '/api/reports/compliance',
    {
      schema: {
        tags: ['audit'],
        summary: 'Compliance checks: every generated conversation reviewed by a user, and every export logged with its user',
        response: { 200: complianceReport },
      },
      preHandler: requirePermission(ctx, 'audit:read'),
    },
    async () => getComplianceReport(db),
  );
}
