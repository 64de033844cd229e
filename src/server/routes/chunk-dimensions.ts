import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chunkDetail, chunkPatchBody, dimensionEstimate, dimensionRunBody, dimensionRunResponse } from '../../contract/chunk-dimensions';
import { editChunkDimensions, getChunk } from '../../db/queries/chunk-dimensions';
import { createDimensionRun, estimateDimensions } from '../../generation/create-dimension-run';
import { getSettings } from '../../settings/workspace-settings';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

const chunkParams = z.object({ id: z.uuid('must be a chunk id') });

/** Chunk dimensions: derived by a durable run (estimate first), read and edited by hand. */
export function chunkDimensionRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.post(
    '/api/documents/dimensions/estimate',
    {
      schema: { tags: ['documents'], summary: 'How many chunks a dimension analysis covers, its cost and time', body: dimensionRunBody, response: { 200: dimensionEstimate } },
      preHandler: requirePermission(ctx, 'runs:manage'),
    },
    async (request) => estimateDimensions(db, request.body, (await ctx.providers.current()).info, await getSettings(db)),
  );

  r.post(
    '/api/documents/dimensions/runs',
    {
      schema: {
        tags: ['documents'],
        summary: 'Start a durable run that derives chunk dimensions (summary, key terms, expertise, valence, audience, confidence)',
        body: dimensionRunBody,
        response: { 201: dimensionRunResponse },
      },
      preHandler: requirePermission(ctx, 'runs:manage'),
    },
    async (request, reply) => {
      const provider = await ctx.providers.current();
      const run = await createDimensionRun(db, request.body, { userId: currentUser(request).id, provider: provider.info, settings: await getSettings(db) });
      ctx.wakeWorker();
      return reply.status(201).send(run);
    },
  );

  r.get(
    '/api/chunks/:id',
    { schema: { tags: ['documents'], summary: 'One chunk with its dimensions and where they came from', params: chunkParams, response: { 200: chunkDetail } }, preHandler: requirePermission(ctx, 'catalog:read') },
    async (request) => getChunk(db, request.params.id),
  );

  r.patch(
    '/api/chunks/:id',
    {
      schema: {
        tags: ['documents'],
        summary: "Edit a chunk's dimensions by hand; later analyses keep the edit unless asked to overwrite it",
        params: chunkParams,
        body: chunkPatchBody,
        response: { 200: chunkDetail },
      },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request) => editChunkDimensions(db, request.params.id, request.body.dimensions),
  );
}
