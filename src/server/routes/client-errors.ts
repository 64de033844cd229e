import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { clientErrorReceipt, clientErrorReport } from '../../contract/client-errors';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

/**
 * Crash reports from the web app's error boundaries land in the server log, next to the requests
 * that led to them: a self-hosted install has no third-party monitoring service.
 */
export function clientErrorRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/client-errors',
    {
      schema: {
        tags: ['system'],
        summary: 'Report a crash in the web app; it is written to the server log with a reference id',
        body: clientErrorReport,
        response: { 202: clientErrorReceipt },
      },
      // Every role reads conversations: this lets any signed-in user report.
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async (request, reply) => {
      const reportId = randomUUID();
      const user = currentUser(request);
      request.log.error({ reportId, userId: user.id, clientError: request.body }, `web app error: ${request.body.message}`);
      return reply.code(202).send({ reportId });
    },
  );
}
