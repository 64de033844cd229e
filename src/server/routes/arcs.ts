import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { applyArcPreset, deleteArcPreset, saveArcPreset } from '../../arcs/arc-presets';
import { resetArcDistribution, saveArcDistribution } from '../../arcs/arc-distribution';
import { arcList, arcPreset, arcPresetList, arcPresetParams, createArcPreset, deletedArcPreset, putArcs } from '../../contract/arcs';
import { listArcPresets, listArcs } from '../../db/queries/arcs';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

/** Tier 1's emotional arcs (US8.1.2): which are used, their share of the tier, presets and reset. */
export function arcRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const mayRead = requirePermission(ctx, 'catalog:read');
  const mayWrite = requirePermission(ctx, 'catalog:write');

  r.get(
    '/api/arcs',
    { schema: { tags: ['arcs'], summary: 'The emotional arcs with their stages, whether each is enabled and its percent of the template tier', response: { 200: arcList } }, preHandler: mayRead },
    async () => ({ items: await listArcs(db) }),
  );

  r.put(
    '/api/arcs',
    {
      schema: {
        tags: ['arcs'],
        summary: 'Set which arcs are enabled and their percentages (whole numbers); 400 unless at least one is enabled and the enabled ones add up to exactly 100, or an arc is unknown. Arcs not listed keep their setting.',
        body: putArcs,
        response: { 200: arcList },
      },
      preHandler: mayWrite,
    },
    async (request) => ({ items: await saveArcDistribution(db, request.body, currentUser(request).id) }),
  );

  r.post(
    '/api/arcs/reset',
    { schema: { tags: ['arcs'], summary: 'Back to the default distribution: the built-in arcs enabled with equal shares; arcs the team added are kept but disabled', response: { 200: arcList } }, preHandler: mayWrite },
    async (request) => ({ items: await resetArcDistribution(db, currentUser(request).id) }),
  );

  r.get(
    '/api/arcs/presets',
    { schema: { tags: ['arcs'], summary: 'Saved arc distributions, by name', response: { 200: arcPresetList } }, preHandler: mayRead },
    async () => ({ items: await listArcPresets(db) }),
  );

  r.post(
    '/api/arcs/presets',
    { schema: { tags: ['arcs'], summary: 'Save the current distribution as a named preset (409 when the name is taken)', body: createArcPreset, response: { 201: arcPreset } }, preHandler: mayWrite },
    async (request, reply) => reply.code(201).send(await saveArcPreset(db, request.body.name, currentUser(request).id)),
  );

  r.post(
    '/api/arcs/presets/:id/apply',
    { schema: { tags: ['arcs'], summary: 'Make a preset the current distribution (arcs it does not name are disabled)', params: arcPresetParams, response: { 200: arcList } }, preHandler: mayWrite },
    async (request) => ({ items: await applyArcPreset(db, request.params.id, currentUser(request).id) }),
  );

  r.delete(
    '/api/arcs/presets/:id',
    { schema: { tags: ['arcs'], summary: 'Delete a preset (the current distribution is not changed)', params: arcPresetParams, response: { 200: deletedArcPreset } }, preHandler: mayWrite },
    async (request) => {
      await deleteArcPreset(db, request.params.id, currentUser(request).id);
      return { deleted: true as const, id: request.params.id };
    },
  );
}
