import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { coverageQuery, coverageReport, dismissalResult, planRecommendedRequest, planRecommendedResult, recommendationKeyParams } from '../../contract/coverage';
import { COVERAGE_SCOPES } from '../../core/coverage';
import { dismissAllRecommendations, dismissRecommendations, restoreRecommendations } from '../../coverage/dismissals';
import { getCoverage } from '../../db/queries/coverage';
import { planRecommended } from '../../planning/plan-recommended';
import { getSettings } from '../../settings/workspace-settings';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

const scopeBody = z.object({ scope: z.enum(COVERAGE_SCOPES).default('generated') }).strict();

/** The coverage dashboard (US3.2.1) and its recommendations (US3.2.2, US10.2.2). */
export function coverageRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const report = (scope: z.infer<typeof scopeBody>['scope']) => ctx.reports.get(`coverage:${scope}`, async (tx) => getCoverage(tx, scope, (await getSettings(tx)).coverage));

  r.get(
    '/api/coverage',
    {
      schema: {
        tags: ['coverage'],
        summary:
          'How the dataset is spread over personas, emotions, tiers, arcs, document categories and chunks; the persona × emotion heatmap (its counts add up to total), the gaps under the minimum, and the top five recommendations. scope: generated (default: generated or approved), approved, or all (every planned slot)',
        querystring: coverageQuery,
        response: { 200: coverageReport },
      },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async (request) => report(request.query.scope),
  );

  r.post(
    '/api/coverage/recommendations/:key/dismiss',
    {
      schema: { tags: ['coverage'], summary: 'Dismiss one recommendation (gap:<persona>:<emotion> or chunks:high_confidence) until it is restored', params: recommendationKeyParams, response: { 200: dismissalResult } },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request) => dismissRecommendations(db, [request.params.key], currentUser(request).id),
  );

  r.post(
    '/api/coverage/recommendations/:key/restore',
    {
      schema: { tags: ['coverage'], summary: 'Show a dismissed recommendation again', params: recommendationKeyParams, response: { 200: dismissalResult } },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request) => restoreRecommendations(db, [request.params.key], currentUser(request).id),
  );

  r.post(
    '/api/coverage/recommendations/dismiss-all',
    {
      schema: { tags: ['coverage'], summary: 'Dismiss every recommendation shown now (every gap and the chunk recommendation)', body: scopeBody.optional(), response: { 200: dismissalResult } },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request) => dismissAllRecommendations(db, await report(request.body?.scope ?? 'generated'), currentUser(request).id),
  );

  r.post(
    '/api/coverage/recommendations/restore-all',
    {
      schema: { tags: ['coverage'], summary: 'Show every dismissed recommendation again', response: { 200: dismissalResult } },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request) => restoreRecommendations(db, null, currentUser(request).id),
  );

  r.post(
    '/api/coverage/recommendations/plan',
    {
      schema: {
        tags: ['coverage'],
        summary:
          'Generate Recommended, step 1: plans the missing slots of the named recommendations (the five shown when none are named) through the planner, and returns them with the slots already waiting for those combinations — start a run with POST /api/runs { conversationIds }',
        body: planRecommendedRequest,
        response: { 201: planRecommendedResult },
      },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request, reply) => reply.code(201).send(await planRecommended(db, request.body, await getSettings(db))),
  );
}
