import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { catalogResponse, chunkList, documentList } from '../../contract/catalog';
import { getCatalog } from '../../db/queries/catalog';
import { listDocumentChunks, listDocuments } from '../../db/queries/documents';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';

export function catalogRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/api/catalog',
    { schema: { tags: ['catalog'], summary: 'Dimension values (persona, emotion, topic, intent, tone) and emotional arcs', response: { 200: catalogResponse } }, preHandler: requirePermission(ctx, 'catalog:read') },
    async () => getCatalog(db),
  );

  r.get(
    '/api/documents',
    { schema: { tags: ['documents'], summary: 'Source documents with their chunk counts', response: { 200: documentList } }, preHandler: requirePermission(ctx, 'catalog:read') },
    async () => ({ items: await listDocuments(db) }),
  );

  r.get(
    '/api/documents/:id/chunks',
    {
      schema: { tags: ['documents'], summary: "A document's chunks with their dimensions", params: z.object({ id: z.uuid('must be a document id') }), response: { 200: chunkList } },
      preHandler: requirePermission(ctx, 'catalog:read'),
    },
    async (request) => ({ items: await listDocumentChunks(db, request.params.id) }),
  );
}
