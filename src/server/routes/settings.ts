import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { settingsPatch, settingsResponse } from '../../contract/settings';
import { presentSettings, updateSettings } from '../../settings/workspace-settings';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

export function settingsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const envSecrets = { anthropicApiKey: ctx.config.anthropicApiKey, openaiApiKey: ctx.config.openaiApiKey };

  r.get(
    '/api/settings',
    { schema: { tags: ['settings'], summary: 'Workspace settings; API keys only as configured / last four characters', response: { 200: settingsResponse } }, preHandler: requirePermission(ctx, 'settings:read') },
    async () => presentSettings(db, ctx.secret, envSecrets),
  );

  r.patch(
    '/api/settings',
    {
      schema: { tags: ['settings'], summary: 'Change workspace settings (admin); every change is recorded with who made it', body: settingsPatch, response: { 200: settingsResponse } },
      preHandler: requirePermission(ctx, 'settings:write'),
    },
    async (request) => {
      await updateSettings(db, request.body, currentUser(request).id, ctx.secret);
      return presentSettings(db, ctx.secret, envSecrets);
    },
  );
}
