import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createdSlot, createSlotBody, planCreated, planPreview, planRequest, planSources } from '../../contract/plan';
import { createSlot } from '../../planning/create-slot';
import { createPlan, previewPlan } from '../../planning/plan-conversations';
import { planSources as loadPlanSources } from '../../planning/plan-sources';
import { getSettings } from '../../settings/workspace-settings';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';

export function planRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/api/plan/sources',
    {
      schema: { tags: ['planning'], summary: 'What a plan can draw from: document categories with their material, arcs, scenarios, edge cases, the default split', response: { 200: planSources } },
      preHandler: requirePermission(ctx, 'catalog:read'),
    },
    async () => loadPlanSources(db, await getSettings(db)),
  );

  r.post(
    '/api/plan/preview',
    {
      schema: { tags: ['planning'], summary: 'What a plan would create, by tier, persona, emotion, topic, arc and category — nothing is stored', body: planRequest, response: { 200: planPreview } },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request) => previewPlan(db, request.body, await getSettings(db)),
  );

  r.post(
    '/api/plan',
    {
      schema: { tags: ['planning'], summary: 'Plan conversations: creates not-generated slots spread for even coverage, never repeating an existing slot', body: planRequest, response: { 201: planCreated } },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request, reply) => reply.status(201).send(await createPlan(db, request.body, await getSettings(db))),
  );

  r.post(
    '/api/conversations',
    {
      schema: { tags: ['planning'], summary: 'Create one conversation slot by hand (not generated yet)', body: createSlotBody, response: { 201: createdSlot } },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request, reply) => reply.status(201).send(await createSlot(db, request.body)),
  );
}
