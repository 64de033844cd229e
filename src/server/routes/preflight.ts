import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { preflightModels, preflightProgressQuery, preflightProgressResponse, preflightRequest, preflightResult } from '../../contract/preflight';
import { readProgress } from '../../preflight/preflight-progress';
import { listPreflightModels, runPreflight } from '../../preflight/run-preflight';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';

/** Trainer preflight: base models, and a selection checked against one model's chat template and tokenizer. */
export function preflightRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const mayRead = requirePermission(ctx, 'conversations:read');

  r.get(
    '/api/preflight/models',
    {
      schema: { tags: ['preflight'], summary: 'The base models preflight can check against, with whether each tokenizer package is installed and how to add it', response: { 200: preflightModels } },
      preHandler: mayRead,
    },
    async () => listPreflightModels(),
  );

  r.get(
    '/api/preflight/progress',
    {
      schema: {
        tags: ['preflight'],
        summary:
          'Where a running check stands (loading the tokenizer, then counted so far of the total), by the checkId sent with its POST; without one, the latest check. Kept a few minutes after it finishes; null when unknown.',
        querystring: preflightProgressQuery,
        response: { 200: preflightProgressResponse },
      },
      preHandler: mayRead,
    },
    async (request) => ({ progress: readProgress(request.query.checkId) }),
  );

  r.post(
    '/api/preflight',
    {
      schema: {
        tags: ['preflight'],
        summary:
          "Render the selection (approved conversations when omitted) through a base model's chat template and count tokens with its tokenizer: percentiles, how many exceed maxSeqLen, which the template refuses, and the assistant's share of tokens. Counts of unchanged conversations are stored and reused.",
        body: preflightRequest,
        response: { 200: preflightResult },
      },
      preHandler: mayRead,
    },
    async (request) => runPreflight(db, request.body),
  );
}
