import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getSettings } from '../../settings/workspace-settings';
import { bulkAction, bulkActionParams, bulkDeleteRequest, bulkPreview, bulkPreviewRequest, bulkReviewRequest, bulkUndoRequest, bulkUndoResult } from '../../contract/bulk';
import { AppError } from '../../core/errors';
import { notTracked, type StartedAction } from '../../review/bulk-actions';
import { startBulkDelete } from '../../review/bulk-delete';
import { previewBulkAction } from '../../review/bulk-preview';
import { startBulkReview } from '../../review/bulk-review';
import { undoBulkReview } from '../../review/undo-bulk-review';
import { can } from '../../core/roles';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

/**
 * Bulk actions on a selection of conversations. The paths are static, so the router prefers
 * them to `/api/conversations/:id/…`; no conversation id can be "bulk" (ids are conv-… or seed-…).
 *
 * A review or delete works through the selection in batches and answers 200 with the ended
 * action when the selection fits in one batch, otherwise 202 at once with the running action:
 * poll `GET /api/conversations/bulk/actions/:id` until its state is no longer running.
 */
export function bulkRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const actions = ctx.bulkActions;

  const answer = async (reply: FastifyReply, started: StartedAction, selected: number) => {
    if (selected > actions.batchSize) return reply.status(202).send(started.action);
    const ended = await started.ended;
    // Its one batch was rolled back, so nothing changed: answered like any other request's error (a NUL byte in the notes is a 400).
    if (ended.state === 'failed') throw started.cause();
    return reply.status(200).send(ended);
  };
  const accepted = { 200: bulkAction, 202: bulkAction };

  r.post(
    '/api/conversations/bulk/preview',
    {
      schema: {
        tags: ['conversations'],
        summary:
          'What a bulk approve, reject or delete would do to a selection now, before it runs: how many would change (by their current status), how many would be skipped and why, how many ids name no conversation. Changes nothing',
        body: bulkPreviewRequest,
        response: { 200: bulkPreview },
      },
      // Reading counts changes nothing: anyone who reads the table may ask.
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async (request) => previewBulkAction(db, request.body, (await getSettings(db)).quality.minApprovalScore),
  );

  r.post(
    '/api/conversations/bulk/review',
    {
      schema: {
        tags: ['conversations'],
        summary:
          'Approve or reject a selection of conversations (ids, a filter or all), in batches; those it leaves as they are (already approved, not generated yet…) are listed as skipped with the reason, ids that name no conversation as failed. 200 when done at once, else 202 with progress to poll',
        body: bulkReviewRequest,
        response: accepted,
      },
      preHandler: requirePermission(ctx, 'conversations:review'),
    },
    async (request, reply) => {
      const started = await startBulkReview(db, actions, currentUser(request).id, request.body, (await getSettings(db)).quality.minApprovalScore);
      return answer(reply, started, started.action.requested - started.action.processed);
    },
  );

  r.post(
    '/api/conversations/bulk/delete',
    {
      schema: {
        tags: ['conversations'],
        summary:
          'Delete a selection of conversations for good (needs confirm: true), in batches; those being generated or queued in a run are kept and listed as skipped. 200 when done at once, else 202 with progress to poll',
        body: bulkDeleteRequest,
        response: accepted,
      },
      preHandler: requirePermission(ctx, 'conversations:delete'),
    },
    async (request, reply) => {
      const started = await startBulkDelete(db, actions, request.body);
      return answer(reply, started, started.action.requested - started.action.processed);
    },
  );

  r.get(
    '/api/conversations/bulk/actions/:id',
    {
      schema: { tags: ['conversations'], summary: 'A bulk review or delete and how far it got: counts, skips and failures with reasons, state', params: bulkActionParams, response: { 200: bulkAction } },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async (request) => actions.get(request.params.id) ?? Promise.reject(notTracked()),
  );

  r.post(
    '/api/conversations/bulk/actions/:id/cancel',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Stop a running bulk review or delete after its current batch; what it did stays done (a review can be undone)',
        params: bulkActionParams,
        response: { 200: bulkAction },
      },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async (request) => {
      const action = actions.get(request.params.id);
      if (!action) throw notTracked();
      // Stopping takes the right to start: reviewers stop reviews, admins deletes.
      const needed = action.kind === 'delete' ? 'conversations:delete' : 'conversations:review';
      const { role } = currentUser(request);
      if (!can(role, needed)) {
        throw new AppError({ code: 'forbidden', status: 403, message: `Your role (${role}) cannot stop a bulk ${action.kind}.`, hint: 'Ask someone who can start one, or a workspace admin.', details: { permission: needed } });
      }
      return actions.cancel(request.params.id);
    },
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
    async (request) => undoBulkReview(db, actions, currentUser(request).id, request.body.actionId),
  );
}
