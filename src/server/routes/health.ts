import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { health, providerStatus, type OfflineCause } from '../../contract/system';
import type { AppConfig } from '../../config/env';
import { getSettings } from '../../settings/workspace-settings';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';

/**
 * Why the offline generator is in use, read the way the provider is chosen: CONVGEN_PROVIDER
 * wins over the workspace setting; otherwise the setting decides; any other choice falls back
 * to the offline generator only for want of a key, which Settings can supply without a restart.
 */
function offlineCause(config: Pick<AppConfig, 'provider'>, settingsProvider: string): OfflineCause {
  if (config.provider === 'offline') return 'environment';
  if (config.provider === undefined && settingsProvider === 'offline') return 'settings';
  return 'no_key';
}

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
        summary: 'Which provider generates, why (for the offline generator: what would change it), and how long one conversation usually takes',
        response: { 200: providerStatus },
      },
      preHandler: requirePermission(ctx, 'settings:read'),
    },
    async () => {
      const { info } = await ctx.providers.current();
      return { ...info, offlineCause: info.name === 'offline' ? offlineCause(ctx.config, (await getSettings(ctx.database.db)).generation.provider) : null };
    },
  );
}
