import type { FastifyInstance } from 'fastify';
import { getSettings } from '../../settings/workspace-settings';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bulkDeleteRequest, bulkResult, bulkReviewRequest, bulkUndoRequest, bulkUndoResult } from '../../contract/bulk';
import { bulkDelete } from '../../review/bulk-delete';
import { bulkReview } from '../../review/bulk-review';
import { undoBulkReview } from '../../review/undo-bulk-review';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

/**
 * Bulk actions on a selection of conversations. The paths are static, so the router prefers
 * them to `/api/conversations/:id/…`; no conversation id can be "bulk" (ids are conv-… or seed-…).
 */
export function bulkRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.post(
    '/api/conversations/bulk/review',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Approve or reject a selection of conversations (ids, a filter or all); those that cannot be reviewed are listed with the reason',
        body: bulkReviewRequest,
        response: { 200: bulkResult },
      },
      preHandler: requirePermission(ctx, 'conversations:review'),
    },
    async (request) => bulkReview(db, currentUser(request).id, request.body, (await getSettings(db)).quality.minApprovalScore),
  );

  r.post(
    '/api/conversations/bulk/undo',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Undo a bulk review within 10 minutes, restoring each conversation not reviewed again since',
        body: bulkUndoRequest,
        response: { 200: bulkUndoResult },
      },
      preHandler: requirePermission(ctx, 'conversations:review'),
    },
    async (request) => undoBulkReview(db, currentUser(request).id, request.body.actionId),
  );

  r.post(
    '/api/conversations/bulk/delete',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Delete a selection of conversations for good (needs confirm: true); those being generated or queued in a run are kept and listed',
        body: bulkDeleteRequest,
        response: { 200: bulkResult },
      },
      preHandler: requirePermission(ctx, 'conversations:delete'),
    },
    async (request) => bulkDelete(db, request.body),
  );
}
