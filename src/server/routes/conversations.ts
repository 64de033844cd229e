import type { FastifyInstance } from 'fastify';
import { getSettings } from '../../settings/workspace-settings';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { conversationDetail, conversationPatch, conversationListQuery, conversationListResponse, conversationPosition, conversationPositionQuery, resolvedPrompt, reviewRequest, reviewResult, statusCounts, statusCountsQuery } from '../../contract/conversations';
import { generateResponse } from '../../contract/runs';
import { getConversationDetail, resolveConversationId } from '../../db/queries/conversation-detail';
import { listConversations } from '../../db/queries/conversation-list';
import { conversationPosition as positionOf, statusCounts as countByStatus } from '../../db/queries/conversation-position';
import { createSingleRun } from '../../generation/run-commands';
import { resolvePrompt } from '../../generation/resolve-prompt';
import { reviewConversation } from '../../review/review-conversation';
import { updateConversation } from '../../review/update-conversation';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

const idParams = z.object({ id: z.string().min(1).max(64) });

export function conversationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/api/conversations',
    {
      schema: { tags: ['conversations'], summary: 'List conversations: filter, sort, search and page on the server', querystring: conversationListQuery, response: { 200: conversationListResponse } },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async (request) => listConversations(db, request.query, (await getSettings(db)).preflight.baseModel),
  );

  r.get(
    '/api/conversations/status-counts',
    {
      schema: {
        tags: ['conversations'],
        summary: 'How many conversations a filter matches in each status (the filter\'s status part is ignored)',
        querystring: statusCountsQuery,
        response: { 200: statusCounts },
      },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async (request) => countByStatus(db, request.query),
  );

  r.get(
    '/api/conversations/:id/position',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Where a conversation stands in a filtered, sorted list: its 1-based position and page, or null when the filter leaves it out',
        params: idParams,
        querystring: conversationPositionQuery,
        response: { 200: conversationPosition },
      },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async (request) => positionOf(db, await resolveConversationId(db, request.params.id), request.query, (await getSettings(db)).preflight.baseModel),
  );

  r.get(
    '/api/conversations/:id',
    {
      schema: { tags: ['conversations'], summary: 'One conversation with its turns, quality breakdown and source', params: idParams, response: { 200: conversationDetail } },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async (request) => getConversationDetail(db, request.params.id),
  );

  r.patch(
    '/api/conversations/:id',
    {
      schema: {
        tags: ['conversations'],
        summary: "Edit a conversation's dimensions (catalog values only) and merge metadata keys (null removes one); recorded in its audit trail",
        params: idParams,
        body: conversationPatch,
        response: { 200: conversationDetail },
      },
      preHandler: requirePermission(ctx, 'conversations:review'),
    },
    async (request) => {
      const id = await resolveConversationId(db, request.params.id);
      await updateConversation(db, id, currentUser(request).id, request.body);
      return getConversationDetail(db, id);
    },
  );

  r.post(
    '/api/conversations/:id/generate',
    {
      schema: { tags: ['conversations'], summary: 'Queue one conversation for generation', params: idParams, response: { 202: generateResponse } },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request, reply) => {
      const id = await resolveConversationId(db, request.params.id);
      const run = await createSingleRun(db, { conversationId: id, userId: currentUser(request).id, provider: (await ctx.providers.current()).info });
      ctx.wakeWorker();
      return reply.status(202).send(run);
    },
  );

  r.get(
    '/api/conversations/:id/prompt',
    {
      schema: {
        tags: ['conversations'],
        summary: 'The prompt this conversation is generated from, resolved with its parameters (US7.2.1)',
        params: idParams,
        response: { 200: resolvedPrompt },
      },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async (request) => resolvePrompt(db, await resolveConversationId(db, request.params.id)),
  );

  r.post(
    '/api/conversations/:id/review',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Approve or reject a generated conversation, with optional notes',
        params: idParams,
        body: reviewRequest,
        response: { 200: reviewResult },
      },
      preHandler: requirePermission(ctx, 'conversations:review'),
    },
    async (request) => {
      const id = await resolveConversationId(db, request.params.id);
      const { quality } = await getSettings(db);
      return reviewConversation(db, id, currentUser(request).id, request.body, quality.minApprovalScore, quality.edgeCaseMinScore);
    },
  );
}
