import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportHistoryPage, exportHistoryQuery, exportLogEntry, exportPreview, exportRequest, type ExportRequest } from '../../contract/exports';
import { csvRow } from '../../core/csv';
import { AppError } from '../../core/errors';
import { getExport, iterateExports, listExporters, listExports } from '../../exports/export-history';
import { prepareExport, previewExport, runExport } from '../../exports/export-service';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';
import { sendCsv } from '../send-csv';

const CSV_COLUMNS = ['exportedAt', 'exportId', 'user', 'email', 'format', 'conversationCount', 'fileName', 'approvedOnly', 'selection', 'status'] as const;

export function exportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const mayExport = requirePermission(ctx, 'exports:create');

  /** Streams the export as the response; the log entry is written when the file is complete. */
  async function stream(request: ExportRequest, userId: string, reply: FastifyReply) {
    const prepared = await prepareExport(db, request);
    const body = new PassThrough();
    const type = prepared.plan.archive ? 'application/zip' : request.format === 'json' ? 'application/json' : 'application/x-ndjson';
    reply
      .type(type)
      .header('content-disposition', `attachment; filename="${prepared.plan.fileName}"`)
      .header('x-convgen-export-id', prepared.exportId)
      .header('x-convgen-export-count', String(prepared.count));
    // A client that hangs up stops the export: its temporary files go and the log says so.
    const hangUp = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) hangUp.abort(new Error('The client closed the connection.'));
    });
    runExport(db, prepared, body, { userId, systemVersion: ctx.version, signal: hangUp.signal }).catch((err) => {
      if (!hangUp.signal.aborted) reply.log.error({ err }, 'export failed while streaming');
      body.destroy(err);
    });
    return reply.send(body);
  }

  r.post(
    '/api/exports',
    {
      schema: { tags: ['exports'], summary: 'Export conversations in a training format; the file streams back with a descriptive name', body: exportRequest },
      preHandler: mayExport,
    },
    async (request, reply) => stream(request.body, currentUser(request).id, reply),
  );

  // A browser download is a plain form post (so the file streams to disk, not into memory):
  // its one field, `request`, holds the same JSON the API takes. The form parser lives in this
  // route's own scope, so no other route accepts form bodies.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4 * 1024 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
    '/api/exports/download',
    {
      schema: { tags: ['exports'], summary: 'The same export for a browser form post: field `request` holds the JSON request', body: z.object({ request: z.string().max(4 * 1024 * 1024) }).strict() },
      preHandler: mayExport,
    },
    async (request, reply) => {
      let json: unknown;
      try {
        json = JSON.parse(request.body.request);
      } catch {
        throw new AppError({ code: 'invalid_request', status: 400, message: 'The export request is not valid JSON.', hint: 'Send the same JSON POST /api/exports takes, in the form field `request`.' });
      }
      const parsed = exportRequest.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError({ code: 'invalid_request', status: 400, message: `The export request's '${issue.path.join('.') || 'body'}' ${issue.message}.`, hint: 'Correct that value and send the request again.' });
      }
      return stream(parsed.data, currentUser(request).id, reply);
    },
    );
  });

  r.post(
    '/api/exports/preview',
    {
      schema: { tags: ['exports'], summary: 'What an export would hold: count, file names, the first lines and the validator report', body: exportRequest, response: { 200: exportPreview } },
      preHandler: mayExport,
    },
    async (request) => previewExport(db, request.body),
  );

  r.get(
    '/api/exports',
    {
      schema: { tags: ['exports'], summary: 'Export history: who exported what, when, with which filter and format', querystring: exportHistoryQuery, response: { 200: exportHistoryPage } },
      preHandler: requirePermission(ctx, 'exports:read'),
    },
    async (request) => ({ ...(await listExports(db, request.query)), exporters: await listExporters(db) }),
  );

  r.get(
    '/api/exports.csv',
    {
      schema: { tags: ['exports'], summary: 'The filtered export history as CSV', querystring: exportHistoryQuery.omit({ page: true, pageSize: true }) },
      preHandler: requirePermission(ctx, 'exports:read'),
    },
    async (request, reply) => {
      async function* lines() {
        yield csvRow([...CSV_COLUMNS]);
        for await (const e of iterateExports(db, request.query)) {
          yield csvRow([e.exportedAt, e.exportId, e.user?.name ?? '(deleted user)', e.user?.email ?? '', e.format, e.conversationCount, e.fileName, e.request.approvedOnly, JSON.stringify(e.request.selection ?? 'all'), e.metadata.status ?? '']);
        }
      }
      return sendCsv(reply, 'export-history', lines());
    },
  );

  r.get(
    '/api/exports/:exportId',
    {
      schema: { tags: ['exports'], summary: 'One export with its request, statistics and validator report', params: z.object({ exportId: z.string().max(80) }), response: { 200: exportLogEntry } },
      preHandler: requirePermission(ctx, 'exports:read'),
    },
    async (request) => getExport(db, request.params.exportId),
  );

  r.post(
    '/api/exports/:exportId/rerun',
    {
      schema: { tags: ['exports'], summary: 'Run an earlier export again with exactly the same request; streams the new file', params: z.object({ exportId: z.string().max(80) }) },
      preHandler: mayExport,
    },
    async (request, reply) => {
      const earlier = await getExport(db, request.params.exportId);
      const parsed = exportRequest.safeParse(earlier.request);
      if (!parsed.success) throw new AppError({ code: 'cannot_rerun', status: 409, message: 'This export was made with settings this version no longer reads.', hint: 'Open the export dialog and choose the settings again.' });
      return stream(parsed.data, currentUser(request).id, reply);
    },
  );
}
