import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { health, providerInfo } from '../../contract/system';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';

export function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and configuration summary (no sign-in needed)',
        response: { 200: health },
      },
    },
    async () => ({ status: 'ok' as const, database: ctx.database.kind, provider: (await ctx.providers.current()).info.name, version: ctx.version }),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/provider',
    {
      schema: {
        tags: ['system'],
        summary: 'Which provider generates, why, and how long one conversation usually takes',
        response: { 200: providerInfo },
      },
      preHandler: requirePermission(ctx, 'settings:read'),
    },
    async () => ({ ...(await ctx.providers.current()).info }),
  );
}
