import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runProgress } from '../../contract/runs';
import { getRunProgress, listRecentRuns } from '../../db/queries/run-progress';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';

export function runRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/api/runs',
    {
      schema: { tags: ['runs'], summary: 'Recent generation runs, newest first', querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict(), response: { 200: z.object({ items: z.array(runProgress) }) } },
      preHandler: requirePermission(ctx, 'runs:read'),
    },
    async (request) => ({ items: await listRecentRuns(db, request.query.limit) }),
  );

  r.get(
    '/api/runs/:id',
    {
      schema: { tags: ['runs'], summary: 'Progress of one run', params: z.object({ id: z.uuid('must be a run id') }), response: { 200: runProgress } },
      preHandler: requirePermission(ctx, 'runs:read'),
    },
    async (request) => getRunProgress(db, request.params.id),
  );
}
