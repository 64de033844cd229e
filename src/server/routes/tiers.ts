import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fillTemplatePlan, fillTemplateRequest, tiersOverview } from '../../contract/tiers';
import { getTiersOverview } from '../../db/queries/tiers';
import { fillTemplateTier, previewTemplateFill } from '../../planning/fill-template';
import { getSettings } from '../../settings/workspace-settings';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';

/** The three tiers side by side (US8.1.1 and the tier sections), and filling the template tier's gaps. */
export function tierRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/api/tiers',
    {
      schema: {
        tags: ['tiers'],
        summary: 'Each tier with its slots by status, how many have text and its target; for the template tier the arc distribution and persona × arc coverage',
        response: { 200: tiersOverview },
      },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async () => getTiersOverview(db, (await getSettings(db)).planning.tierSplit),
  );

  r.post(
    '/api/tiers/template/fill/preview',
    {
      schema: {
        tags: ['tiers'],
        summary: 'What "Fill Missing Template Combinations" would plan: a slot for each persona × enabled arc with none, then enough for each arc to reach its share of the target — nothing is stored',
        body: fillTemplateRequest,
        response: { 200: fillTemplatePlan },
      },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request) => previewTemplateFill(db, request.body, await getSettings(db)),
  );

  r.post(
    '/api/tiers/template/fill',
    {
      schema: { tags: ['tiers'], summary: 'Fill Missing Template Combinations: creates the slots the preview shows (not generated yet) and returns their ids', body: fillTemplateRequest, response: { 201: fillTemplatePlan } },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request, reply) => reply.code(201).send(await fillTemplateTier(db, request.body, await getSettings(db))),
  );
}
