import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { diversityResponse, duplicatesQuery, duplicatesResponse, judgeAgreementResponse, judgeResponse } from '../../contract/dataset-health';
import { providerFailure } from '../../core/provider-failure';
import { judgeAgreement } from '../../core/judge';
import { ProviderError } from '../../core/provider-errors';
import { resolveConversationId } from '../../db/queries/conversation-detail';
import { getDiversity } from '../../db/queries/diversity';
import { judgedCount, judgedReviewRows } from '../../db/queries/judge';
import { nearDuplicateCount, topNearDuplicates, uncheckedCount } from '../../db/queries/near-duplicates';
import { judgeConversation } from '../../duplicates/judge';
import { getSettings } from '../../settings/workspace-settings';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';
import { pacedProvider } from '../paced-provider';

/** Dataset health: near-duplicates, diversity, and the LLM judge (on demand, and its agreement with reviewers). */
export function datasetHealthRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/api/duplicates',
    {
      schema: { tags: ['quality'], summary: 'How many conversations are near-duplicates of an earlier one (MinHash over their text), and the most similar pairs', querystring: duplicatesQuery, response: { 200: duplicatesResponse } },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async (request) =>
      ctx.reports.get(`duplicates:${request.query.limit}`, async (tx) => {
        const settings = await getSettings(tx);
        return { count: await nearDuplicateCount(tx), pairs: await topNearDuplicates(tx, request.query.limit), unchecked: await uncheckedCount(tx, settings.quality.nearDuplicateThreshold), threshold: settings.quality.nearDuplicateThreshold };
      }),
  );

  r.get(
    '/api/diversity',
    {
      schema: { tags: ['quality'], summary: 'Lexical diversity (distinct-1, distinct-2, vocabulary, type-token ratio, average length) overall, per tier and per persona, on a fixed sample per group', response: { 200: diversityResponse } },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async () => ctx.reports.get('diversity', getDiversity),
  );

  r.get(
    '/api/quality/judge-agreement',
    {
      schema: { tags: ['quality'], summary: "How often the LLM judge agrees with reviewers: judge score ≥ the minimum approval score and approved, or below it and rejected", response: { 200: judgeAgreementResponse } },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async () =>
      ctx.reports.get('judge-agreement', async (tx) => {
        const settings = await getSettings(tx);
        const rows = await judgedReviewRows(tx);
        const judged = await judgedCount(tx);
        return { enabled: settings.quality.judgeEnabled, judged, ...judgeAgreement(rows, settings.quality.minApprovalScore) };
      }),
  );

  r.post(
    '/api/conversations/:id/judge',
    {
      schema: {
        tags: ['quality'],
        summary: "Score one conversation with the LLM-judge rubric now, through the configured provider (offline: the heuristic judge, $0), and store the score; the audit trail records who asked, the score and the call's cost (action `judge`)",
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: judgeResponse },
      },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request) => {
      const id = await resolveConversationId(db, request.params.id);
      const { provider, limiter } = await pacedProvider(ctx, db);
      try {
        const { breakdown, costUsd } = await judgeConversation(db, provider, limiter, id, currentUser(request).id);
        return { ...breakdown, costUsd };
      } catch (err) {
        throw err instanceof ProviderError ? providerFailure(err, 'The judge could not score the conversation', 'The conversation keeps its structural score and stays unjudged.') : err;
      }
    },
  );
}
