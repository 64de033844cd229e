import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createRunBody, createRunResponse, runEstimate, runEventPage, runEventsQuery, runList, runProgress, selectorSchema } from '../../contract/runs';
import { listRunEvents } from '../../db/queries/run-events';
import { getRunProgress, listRecentRuns } from '../../db/queries/run-progress';
import { createRun, estimateSelection } from '../../generation/create-run';
import { controlRun, setSpendingLimit } from '../../generation/run-control';
import { getSettings } from '../../settings/workspace-settings';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

const runParams = z.object({ id: z.uuid('must be a run id') });

export function runRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/api/runs',
    {
      schema: { tags: ['runs'], summary: 'Recent generation runs, newest first', querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict(), response: { 200: runList } },
      preHandler: requirePermission(ctx, 'runs:read'),
    },
    async (request) => ({ items: await listRecentRuns(db, request.query.limit) }),
  );

  r.get(
    '/api/runs/:id',
    { schema: { tags: ['runs'], summary: 'Progress of one run', params: runParams, response: { 200: runProgress } }, preHandler: requirePermission(ctx, 'runs:read') },
    async (request) => getRunProgress(db, request.params.id),
  );

  r.get(
    '/api/runs/:id/events',
    {
      schema: {
        tags: ['runs'],
        summary: "A run's log, newest first: what happened beside its items' outcomes (a judge call that failed or was skipped for the spending limit), in plain words with what to do",
        params: runParams,
        querystring: runEventsQuery,
        response: { 200: runEventPage },
      },
      preHandler: requirePermission(ctx, 'runs:read'),
    },
    async (request) => {
      // A run that does not exist is a 404, not an empty log.
      await getRunProgress(db, request.params.id);
      return listRunEvents(db, request.params.id, request.query.limit);
    },
  );

  r.post(
    '/api/runs/estimate',
    {
      schema: { tags: ['runs'], summary: 'Count, cost and time of what a selector would generate, by tier', body: selectorSchema, response: { 200: runEstimate } },
      preHandler: requirePermission(ctx, 'runs:manage'),
    },
    async (request) => estimateSelection(db, request.body, (await ctx.providers.current()).info, await getSettings(db)),
  );

  r.post(
    '/api/runs',
    {
      schema: {
        tags: ['runs'],
        summary: 'Start a durable generation run for a selector, with an optional spending limit, concurrency, email and retry policy',
        body: createRunBody,
        response: { 201: createRunResponse },
      },
      preHandler: requirePermission(ctx, 'runs:manage'),
    },
    async (request, reply) => {
      const provider = await ctx.providers.current();
      const run = await createRun(db, request.body, { userId: currentUser(request).id, provider: provider.info, settings: await getSettings(db) });
      ctx.wakeWorker();
      return reply.status(201).send(run);
    },
  );

  r.patch(
    '/api/runs/:id',
    {
      schema: {
        tags: ['runs'],
        summary: "Change a run's spending limit (null removes it); resume a run paused at its limit after raising it",
        params: runParams,
        body: z.object({ spendingLimitUsd: z.number().positive().max(1_000_000).nullable() }).strict(),
        response: { 200: runProgress },
      },
      preHandler: requirePermission(ctx, 'runs:manage'),
    },
    async (request) => {
      await setSpendingLimit(db, request.params.id, request.body.spendingLimitUsd);
      return getRunProgress(db, request.params.id);
    },
  );

  for (const action of ['cancel', 'pause', 'resume'] as const) {
    r.post(
      `/api/runs/:id/${action}`,
      {
        schema: { tags: ['runs'], summary: `${action[0].toUpperCase()}${action.slice(1)} a run`, params: runParams, response: { 200: runProgress } },
        preHandler: requirePermission(ctx, 'runs:manage'),
      },
      async (request) => {
        await controlRun(db, request.params.id, action);
        if (action === 'resume') ctx.wakeWorker();
        return getRunProgress(db, request.params.id);
      },
    );
  }
}
