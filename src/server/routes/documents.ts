import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  chunkListQuery,
  deleteQuery,
  deleteResponse,
  documentChunkList,
  documentDetail,
  documentImpact,
  documentListQuery,
  documentListResponse,
  documentPatch,
  documentsExport,
  importResponse,
  rechunkResponse,
  uploadQuery,
  uploadResponse,
} from '../../contract/documents';
import { documentErrors } from '../../core/documents/document-errors';
import { AppError } from '../../core/errors';
import { getDocument, listDocumentChunks, listDocuments } from '../../db/queries/documents';
import { deleteDocument, documentImpact as impactOf, rechunkDocument, updateDocument } from '../../documents/manage-document';
import { exportDocuments, importDocuments } from '../../documents/transfer';
import { uploadDocument } from '../../documents/upload-document';
import { getSettings } from '../../settings/workspace-settings';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

const idParams = z.object({ id: z.uuid('must be a document id') });

const noFile = () => new AppError({ code: 'missing_file', status: 400, message: "The upload has no file (the form field 'file').", hint: "Send the document as multipart/form-data in a field named 'file'." });

/**
 * Reads the multipart form: the text fields and the one file, buffered under the size limit.
 * Reading stops as soon as the file passes the limit, so an oversized upload costs nothing.
 */
async function readUpload(request: FastifyRequest, maxBytes: number, maxMb: number) {
  if (!request.isMultipart()) throw noFile();
  const fields: Record<string, string> = {};
  let file: { filename: string; bytes: Buffer } | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 10_000 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        const bytes = await part.toBuffer();
        file = { filename: part.filename || 'upload', bytes };
      } else fields[part.fieldname] = String(part.value ?? '');
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw documentErrors.tooLarge(maxMb);
    if ((error as { code?: string }).code === 'FST_FILES_LIMIT') throw new AppError({ code: 'too_many_files', status: 400, message: 'Send one file per upload.', hint: 'Upload the files one after another (the Documents page and the CLI do this for you).' });
    throw error;
  }
  if (!file) throw noFile();
  return { file, fields };
}

export function documentRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx.database;

  // Multipart is accepted by the upload route only (the other routes take JSON).
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: 500 * 1024 * 1024, files: 1 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/documents',
      {
        schema: {
          tags: ['documents'],
          summary: 'Upload a document (PDF, DOCX, Markdown, HTML or text) as multipart field `file`, with `category`, `title`, `author`',
          description:
            'Small files are parsed at once (status `ready`); larger ones are answered with status `processing` and parsed in the background: poll GET /api/documents/:id. A file already in the workspace is refused with 409 `duplicate_document` naming it; send `replace=<id>` to replace that document instead.',
          querystring: uploadQuery,
          consumes: ['multipart/form-data'],
          response: { 201: uploadResponse },
        },
        preHandler: requirePermission(ctx, 'documents:write'),
      },
      async (request, reply) => {
        const { maxUploadMb } = (await getSettings(db)).documents;
        const { file, fields } = await readUpload(request, maxUploadMb * 1024 * 1024, maxUploadMb);
        const q = request.query;
        const result = await uploadDocument(db, ctx.documents, {
          filename: file.filename,
          bytes: new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
          category: fields.category || q.category,
          title: fields.title || q.title,
          author: fields.author ?? q.author,
          replaceId: fields.replace || q.replace,
          userId: currentUser(request).id,
        });
        return reply.status(201).send(result);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/documents',
    { schema: { tags: ['documents'], summary: 'Documents with status, progress and chunk counts; search with `q`, filter by `category` and `status`', querystring: documentListQuery, response: { 200: documentListResponse } }, preHandler: requirePermission(ctx, 'catalog:read') },
    async (request) => ({ items: await listDocuments(db, request.query) }),
  );

  r.get(
    '/api/documents/export',
    { schema: { tags: ['documents'], summary: 'Every ready document with its text, chunks and dimensions, as versioned JSON', response: { 200: documentsExport } }, preHandler: requirePermission(ctx, 'catalog:read') },
    async (_request, reply) => {
      const data = await exportDocuments(db);
      return reply.header('content-disposition', `attachment; filename="convgen-documents-${data.exportedAt.slice(0, 10)}.json"`).send(data);
    },
  );

  r.post(
    '/api/documents/import',
    {
      schema: { tags: ['documents'], summary: 'Import documents from an export, all or nothing; documents already present (same content hash) are skipped and listed', body: documentsExport, response: { 201: importResponse } },
      bodyLimit: 200 * 1024 * 1024,
      preHandler: requirePermission(ctx, 'documents:write'),
    },
    async (request, reply) => reply.status(201).send(await importDocuments(db, request.body, currentUser(request).id)),
  );

  r.get(
    '/api/documents/:id',
    { schema: { tags: ['documents'], summary: 'One document with status, progress, error, page count, size and chunk count', params: idParams, response: { 200: documentDetail } }, preHandler: requirePermission(ctx, 'catalog:read') },
    async (request) => getDocument(db, request.params.id),
  );

  r.patch(
    '/api/documents/:id',
    { schema: { tags: ['documents'], summary: "Edit a document's title, author or category", params: idParams, body: documentPatch, response: { 200: documentDetail } }, preHandler: requirePermission(ctx, 'documents:write') },
    async (request) => updateDocument(db, request.params.id, request.body),
  );

  r.get(
    '/api/documents/:id/chunks',
    {
      schema: { tags: ['documents'], summary: "A document's chunks with their dimensions and the conversations made from each; `q` searches them", params: idParams, querystring: chunkListQuery, response: { 200: documentChunkList } },
      preHandler: requirePermission(ctx, 'catalog:read'),
    },
    async (request) => ({ items: await listDocumentChunks(db, request.params.id, request.query.q) }),
  );

  r.get(
    '/api/documents/:id/impact',
    { schema: { tags: ['documents'], summary: 'What deleting the document would do to the conversations made from it', params: idParams, response: { 200: documentImpact } }, preHandler: requirePermission(ctx, 'catalog:read') },
    async (request) => impactOf(db, request.params.id),
  );

  r.delete(
    '/api/documents/:id',
    {
      schema: {
        tags: ['documents'],
        summary: 'Delete a document; refused (409, with what would happen) while conversations depend on it, unless `confirm=true`',
        params: idParams,
        querystring: deleteQuery,
        response: { 200: deleteResponse },
      },
      preHandler: requirePermission(ctx, 'documents:write'),
    },
    async (request) => deleteDocument(db, request.params.id, request.query.confirm === 'true'),
  );

  r.post(
    '/api/documents/:id/rechunk',
    { schema: { tags: ['documents'], summary: 'Split the document again with the current chunk settings; conversations keep snapshots of their old chunks', params: idParams, response: { 200: rechunkResponse } }, preHandler: requirePermission(ctx, 'documents:write') },
    async (request) => rechunkDocument(db, request.params.id),
  );
}
