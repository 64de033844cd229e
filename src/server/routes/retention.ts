import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { retentionResult } from '../../contract/audit';
import { runRetentionNow } from '../../retention/schedule';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';

export function retentionRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.post(
    '/api/admin/retention/run',
    {
      schema: {
        tags: ['settings'],
        summary: 'Apply the retention settings now: delete old generation and export logs, compress week-old payloads (it also runs every 6 hours)',
        response: { 200: retentionResult },
      },
      preHandler: requirePermission(ctx, 'settings:write'),
    },
    async (request) => {
      const result = await runRetentionNow(db);
      request.log.info({ retention: result }, 'retention run');
      return result;
    },
  );
}
