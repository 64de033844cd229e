import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { qualityDistribution, rescoreRequest, rescoreStatus } from '../../contract/quality';
import { QUALITY_SCORING_VERSION } from '../../core/quality';
import { getQualityDistribution } from '../../db/queries/quality-distribution';
import { countOutdatedScores } from '../../db/queries/quality-rescore';
import { rescoreProgress, startRescoring } from '../../quality/rescore';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

export function qualityRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const status = async () => ({ ...rescoreProgress(db), outdated: await countOutdatedScores(db), scoringVersion: QUALITY_SCORING_VERSION });

  r.get(
    '/api/quality/distribution',
    {
      schema: {
        tags: ['quality'],
        summary: "Quality scores against reviewers' decisions: per score bucket, per criterion, and what a review threshold would have caught",
        response: { 200: qualityDistribution },
      },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async () => ctx.reports.get('quality-distribution', getQualityDistribution),
  );

  r.get(
    '/api/quality/rescore',
    {
      schema: { tags: ['quality'], summary: 'Where the re-scoring of stored conversations with the current criteria stands', response: { 200: rescoreStatus } },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async () => status(),
  );

  r.post(
    '/api/quality/rescore',
    {
      schema: {
        tags: ['quality'],
        summary:
          'Re-score stored conversations with the current criteria, in the background (outdated ones are re-scored at every start anyway); `force: true` re-scores all of them',
        body: rescoreRequest.nullish(),
        response: { 202: rescoreStatus },
      },
      preHandler: requirePermission(ctx, 'settings:write'),
    },
    async (request, reply) => {
      const force = request.body?.force ?? true;
      startRescoring(db, { force, log: (msg) => request.log.info(msg) });
      request.log.info({ rescore: { force, by: currentUser(request).id } }, 'quality re-scoring started');
      return reply.status(202).send(await status());
    },
  );
}
