import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { groundingCheckResponse } from '../../contract/conversations';
import { ProviderError } from '../../core/provider-errors';
import { resolveConversationId } from '../../db/queries/conversation-detail';
import { checkGroundingWithProvider } from '../../quality/check-grounding';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';
import { pacedProvider } from '../paced-provider';
import { providerFailure } from '../../core/provider-failure';

/** The provider-judged grounding check of one conversation, on demand (it costs a request). */
export function groundingCheckRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.post(
    '/api/conversations/:id/grounding-check',
    {
      schema: {
        tags: ['quality'],
        summary:
          "Check the assistant's statements against the source chunk with the configured provider (offline: the word-overlap verdicts, $0): each one supported, contradicted, unsupported or not a claim; the result replaces the stored grounding",
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: groundingCheckResponse },
      },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request) => {
      const id = await resolveConversationId(db, request.params.id);
      const { provider, limiter } = await pacedProvider(ctx, db);
      try {
        const { grounding, costUsd } = await checkGroundingWithProvider(db, provider, limiter, id);
        return { ...grounding, costUsd };
      } catch (err) {
        throw err instanceof ProviderError ? providerFailure(err, 'The grounding check failed', 'The conversation keeps its word-overlap grounding.') : err;
      }
    },
  );
}
