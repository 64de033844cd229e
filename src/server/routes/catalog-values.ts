import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importCatalog } from '../../catalog/catalog-import';
import { createCatalogValue, deleteCatalogValue, reorderCatalogValues, updateCatalogValue } from '../../catalog/catalog-values';
import {
  catalogImportJson,
  catalogImportResult,
  catalogItem,
  catalogItemList,
  createCatalogValue as createBody,
  deleteCatalogResult,
  dimensionParams,
  dimensionValueParams,
  reorderCatalog,
  updateCatalogValue as updateBody,
} from '../../contract/dimension-catalog';
import { parseCatalogCsv, parseCatalogJson } from '../../core/catalog-import';
import { listCatalogValues } from '../../db/queries/catalog-values';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';

const IMPORT_LIMIT = 5 * 1024 * 1024;

/** The dimension catalog, one dimension at a time: the Catalog page, `convgen catalog` and scripts. */
export function catalogValueRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const mayRead = requirePermission(ctx, 'catalog:read');
  const mayWrite = requirePermission(ctx, 'catalog:write');

  // A CSV import is sent as text/csv. That parser lives in this scope only, and a cross-site
  // form cannot send text/csv, so no other route takes a non-JSON body.
  void app.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/catalog/import',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Import catalog values, all or nothing: CSV (text/csv; columns dimension, key?, label, description?, guidance?, active?) or JSON (a list of the same objects, or { items })',
          body: z.union([z.string().max(IMPORT_LIMIT), catalogImportJson]),
          response: { 200: catalogImportResult },
        },
        bodyLimit: IMPORT_LIMIT,
        preHandler: mayWrite,
      },
      async (request) => {
        const body = request.body;
        const rows = typeof body === 'string' ? parseCatalogCsv(body) : parseCatalogJson(Array.isArray(body) ? body : body.items);
        return importCatalog(db, rows);
      },
    );
  });

  r.get(
    '/api/catalog/:dimension',
    { schema: { tags: ['catalog'], summary: "One dimension's values in the team's order, inactive ones included, with how many conversations use each", params: dimensionParams, response: { 200: catalogItemList } }, preHandler: mayRead },
    async (request) => ({ items: await listCatalogValues(db, request.params.dimension) }),
  );

  r.post(
    '/api/catalog/:dimension',
    {
      schema: { tags: ['catalog'], summary: 'Add a value; its key is derived from the label (snake_case) unless given', params: dimensionParams, body: createBody, response: { 201: catalogItem } },
      preHandler: mayWrite,
    },
    async (request, reply) => reply.code(201).send(await createCatalogValue(db, request.params.dimension, request.body)),
  );

  r.patch(
    '/api/catalog/:dimension/:key',
    { schema: { tags: ['catalog'], summary: "Change a value's label, description, guidance or active switch (its key stays)", params: dimensionValueParams, body: updateBody, response: { 200: catalogItem } }, preHandler: mayWrite },
    async (request) => updateCatalogValue(db, request.params.dimension, request.params.key, request.body),
  );

  r.delete(
    '/api/catalog/:dimension/:key',
    { schema: { tags: ['catalog'], summary: 'Delete a value no conversation uses (409 with the count when one does: deactivate it instead)', params: dimensionValueParams, response: { 200: deleteCatalogResult } }, preHandler: mayWrite },
    async (request) => {
      await deleteCatalogValue(db, request.params.dimension, request.params.key);
      return { deleted: request.params.key };
    },
  );

  r.post(
    '/api/catalog/:dimension/order',
    { schema: { tags: ['catalog'], summary: 'Reorder values: the listed keys first, in that order', params: dimensionParams, body: reorderCatalog, response: { 200: catalogItemList } }, preHandler: mayWrite },
    async (request) => ({ items: await reorderCatalogValues(db, request.params.dimension, request.body.keys) }),
  );
}
