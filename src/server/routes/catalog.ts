import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { catalogResponse } from '../../contract/catalog';
import { getCatalog } from '../../db/queries/catalog';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';

export function catalogRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/api/catalog',
    { schema: { tags: ['catalog'], summary: 'Dimension values (persona, emotion, topic, intent, tone) and emotional arcs', response: { 200: catalogResponse } }, preHandler: requirePermission(ctx, 'catalog:read') },
    async () => getCatalog(db),
  );
}
