import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { generationLogDetail, generationLogPage, generationLogQuery } from '../../contract/generation-logs';
import { csvRow } from '../../core/csv';
import { getGenerationLog, iterateGenerationLogs, listGenerationLogs } from '../../db/queries/generation-logs';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';
import { sendCsv } from '../send-csv';

const CSV_COLUMNS = ['createdAt', 'conversationLabel', 'runId', 'templateId', 'templateVersion', 'provider', 'model', 'status', 'attempt', 'inputTokens', 'outputTokens', 'cacheReadTokens', 'cacheWriteTokens', 'costUsd', 'durationMs', 'errorKind', 'httpStatus', 'errorMessage'] as const;

export function generationLogRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/api/generation-logs',
    {
      schema: {
        tags: ['generation log'],
        summary: 'Every provider call, newest first; filter by conversation, run, template, user, status, error kind and date range',
        querystring: generationLogQuery,
        response: { 200: generationLogPage },
      },
      preHandler: requirePermission(ctx, 'runs:read'),
    },
    async (request) => listGenerationLogs(db, request.query),
  );

  r.get(
    '/api/generation-logs.csv',
    {
      schema: { tags: ['generation log'], summary: 'The filtered generation log as CSV, streamed', querystring: generationLogQuery.omit({ page: true, pageSize: true }) },
      preHandler: requirePermission(ctx, 'runs:read'),
    },
    async (request, reply) => {
      async function* lines() {
        yield csvRow([...CSV_COLUMNS]);
        for await (const row of iterateGenerationLogs(db, request.query)) yield csvRow(CSV_COLUMNS.map((c) => row[c]));
      }
      return sendCsv(reply, 'generation-log', lines());
    },
  );

  r.get(
    '/api/generation-logs/:id',
    {
      schema: { tags: ['generation log'], summary: 'One call with its request and response payloads', params: z.object({ id: z.uuid('must be a log entry id') }), response: { 200: generationLogDetail } },
      preHandler: requirePermission(ctx, 'runs:read'),
    },
    async (request) => getGenerationLog(db, request.params.id),
  );
}
