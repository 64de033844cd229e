import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regenerateManyRequest, regenerateManyResult, regeneratePreview, regeneratePreviewRequest, regenerateRequest, regenerateResult } from '../../contract/regenerate';
import { AppError } from '../../core/errors';
import { can } from '../../core/roles';
import { resolveConversationId } from '../../db/queries/conversation-detail';
import { previewRegeneration } from '../../review/regenerate-preview';
import { regenerateManyWithGuidance, regenerateWithGuidance } from '../../review/regenerate-with-guidance';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

const idParams = z.object({ id: z.string().min(1).max(64) });

/**
 * Reject and regenerate with guidance: a reviewer's rejection note becomes guidance in the
 * prompt of a new conversation for the same slot, linked to the rejected one.
 */
export function regenerateRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.post(
    '/api/conversations/:id/regenerate-with-guidance',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Reject a conversation with a note and generate a new one for the same slot, with the note as guidance in its prompt',
        params: idParams,
        body: regenerateRequest,
        response: { 201: regenerateResult },
      },
      preHandler: requirePermission(ctx, 'conversations:review'),
    },
    async (request, reply) => {
      const user = currentUser(request);
      const id = await resolveConversationId(db, request.params.id);
      // Rejecting is a review; generating spends money: a reviewer who may not generate gets the new slot, planned, for someone who may.
      const mayGenerate = can(user.role, 'conversations:generate');
      const result = await regenerateWithGuidance(db, { conversationId: id, userId: user.id, guidance: request.body.guidance, provider: mayGenerate ? (await ctx.providers.current()).info : null });
      if (result.runId) ctx.wakeWorker();
      const message = result.runId
        ? `${result.replaces.conversationId} is rejected; ${result.conversationId} is being generated with your guidance.`
        : `${result.replaces.conversationId} is rejected; ${result.conversationId} is planned with your guidance. Your role cannot start generation: ask a generator or admin to generate it.`;
      return reply.status(201).send({ ...result, message });
    },
  );

  r.post(
    '/api/conversations/regenerate-with-guidance/preview',
    {
      schema: {
        tags: ['conversations'],
        summary: 'What reject-and-regenerate would do to a selection now: the conversations it would reject and plan again, and how many it would skip and why; nothing changes',
        body: regeneratePreviewRequest,
        response: { 200: regeneratePreview },
      },
      preHandler: requirePermission(ctx, 'conversations:review'),
    },
    async (request) => previewRegeneration(db, request.body),
  );

  r.post(
    '/api/conversations/regenerate-with-guidance',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Reject several conversations and plan a new one for each slot, with the guidance (or each one\'s own rejection note) in its prompt; generate them as a normal run',
        body: regenerateManyRequest,
        response: { 201: regenerateManyResult },
      },
      preHandler: requirePermission(ctx, 'conversations:review'),
    },
    async (request, reply) => {
      const ids: string[] = [];
      for (const ref of request.body.conversationIds) {
        try {
          ids.push(await resolveConversationId(db, ref));
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          throw new AppError({ code: 'not_found', status: 404, message: `There is no conversation ${ref}.`, hint: 'Check the ids in conversationIds; nothing was changed.', details: { field: 'conversationIds', id: ref } });
        }
      }
      const { created, skipped } = await regenerateManyWithGuidance(db, { conversationIds: [...new Set(ids)], userId: currentUser(request).id, guidance: request.body.guidance ?? null });
      const message = `${created.length} rejected and planned again with guidance${skipped.length ? `; ${skipped.length} skipped` : ''}. Generate the new ones (conversationIds of created) with POST /api/runs to see the estimate first.`;
      return reply.status(201).send({ created, skipped, message });
    },
  );
}
