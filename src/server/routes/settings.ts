import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { rateLimitsView, settingsHistoryPage, settingsHistoryQuery, settingsPatch, settingsResponse } from '../../contract/settings';
import { keepNearDuplicatesCurrent } from '../../duplicates/near-duplicates';
import { presentRateLimits } from '../../generation/rate-limits-view';
import { listSettingsHistory } from '../../settings/settings-history';
import { getSettings, presentSettings, updateSettings } from '../../settings/workspace-settings';
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
      // Marks decided at the old threshold are decided again in the background, from the stored signatures.
      if (request.body.quality?.nearDuplicateThreshold !== undefined) keepNearDuplicatesCurrent(db, (msg) => request.log.info(msg));
      return presentSettings(db, ctx.secret, envSecrets);
    },
  );

  r.get(
    '/api/settings/rate-limits',
    {
      schema: {
        tags: ['settings'],
        summary: "The rate limits the current provider's calls are paced by, each with where it comes from: announced by the provider on its answers, or an admin's choice",
        response: { 200: rateLimitsView },
      },
      preHandler: requirePermission(ctx, 'settings:read'),
    },
    async () => presentRateLimits(db, await getSettings(db), await ctx.providers.current()),
  );

  r.get(
    '/api/settings/history',
    {
      schema: {
        tags: ['settings'],
        summary: 'Who changed which setting, from what to what, newest first (admin: it names people). API keys show only as set or removed.',
        querystring: settingsHistoryQuery,
        response: { 200: settingsHistoryPage },
      },
      preHandler: requirePermission(ctx, 'settings:write'),
    },
    async (request) => listSettingsHistory(db, request.query),
  );
}
