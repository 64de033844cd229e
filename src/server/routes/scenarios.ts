import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createScenarioBody,
  deleteScenarioResult,
  deriveEstimate,
  deriveRunResponse,
  deriveScenariosBody,
  diversityReport,
  scenarioItem,
  scenarioListQuery,
  scenarioPage,
  scenarioParams,
  updateScenarioBody,
} from '../../contract/scenarios';
import { getScenario, listScenarios } from '../../db/queries/scenarios';
import { estimateDerivation, startDerivation } from '../../scenarios/derive-scenarios';
import { createScenario, deleteScenario, duplicateScenario, updateScenario } from '../../scenarios/scenario-commands';
import { scenarioDiversityReport } from '../../scenarios/scenario-diversity';
import { getSettings } from '../../settings/workspace-settings';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

/** Tier 2: the scenario library, scenarios drawn from chunks by the provider, and the diversity report. */
export function scenarioRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const mayRead = requirePermission(ctx, 'catalog:read');
  const mayWrite = requirePermission(ctx, 'catalog:write');
  const tags = ['scenarios'];

  r.get(
    '/api/scenarios',
    {
      schema: { tags, summary: 'The scenario library: search (title, description, problem, solution, outcome, tags) and filters, with each one’s source chunk and usage', querystring: scenarioListQuery, response: { 200: scenarioPage } },
      preHandler: mayRead,
    },
    async (request) => listScenarios(db, request.query),
  );

  r.get(
    '/api/scenarios/diversity',
    { schema: { tags, summary: 'How varied the library is: counts by category, document, persona, emotion and topic; unused scenarios; repeated titles; document categories with no scenario', response: { 200: diversityReport } }, preHandler: mayRead },
    async () => scenarioDiversityReport(db),
  );

  r.get(
    '/api/scenarios/:id',
    { schema: { tags, summary: 'One scenario with its source chunk and usage', params: scenarioParams, response: { 200: scenarioItem } }, preHandler: mayRead },
    async (request) => getScenario(db, request.params.id),
  );

  r.post(
    '/api/scenarios',
    {
      schema: { tags, summary: 'Write a scenario by hand (409 when the title is taken; persona, emotion and topic must be in the catalog)', body: createScenarioBody, response: { 201: scenarioItem } },
      preHandler: mayWrite,
    },
    async (request, reply) => reply.code(201).send(await createScenario(db, request.body, currentUser(request).id)),
  );

  r.patch(
    '/api/scenarios/:id',
    { schema: { tags, summary: 'Edit any field, favourite or archive a scenario', params: scenarioParams, body: updateScenarioBody, response: { 200: scenarioItem } }, preHandler: mayWrite },
    async (request) => updateScenario(db, request.params.id, request.body, currentUser(request).id),
  );

  r.delete(
    '/api/scenarios/:id',
    { schema: { tags, summary: 'Delete a scenario no conversation uses (409 with the count when one does: archive it instead)', params: scenarioParams, response: { 200: deleteScenarioResult } }, preHandler: mayWrite },
    async (request) => {
      await deleteScenario(db, request.params.id, currentUser(request).id);
      return { deleted: true as const, id: request.params.id };
    },
  );

  r.post(
    '/api/scenarios/:id/duplicate',
    { schema: { tags, summary: 'Copy a scenario to make a variation: "<title> (copy)"', params: scenarioParams, response: { 201: scenarioItem } }, preHandler: mayWrite },
    async (request, reply) => reply.code(201).send(await duplicateScenario(db, request.params.id, currentUser(request).id)),
  );

  r.post(
    '/api/scenarios/derive/estimate',
    { schema: { tags, summary: 'How many chunks drawing scenarios covers, its cost and time', body: deriveScenariosBody, response: { 200: deriveEstimate } }, preHandler: requirePermission(ctx, 'runs:manage') },
    async (request) => estimateDerivation(db, request.body, (await ctx.providers.current()).info, await getSettings(db)),
  );

  r.post(
    '/api/scenarios/derive',
    {
      schema: {
        tags,
        summary: 'Start a durable run that asks the provider for scenarios (problem, solution, outcome, suggested persona, emotion and topic) from each selected chunk; chunks that already have theirs are skipped',
        body: deriveScenariosBody,
        response: { 201: deriveRunResponse },
      },
      preHandler: requirePermission(ctx, 'runs:manage'),
    },
    async (request, reply) => {
      const provider = await ctx.providers.current();
      const run = await startDerivation(db, request.body, { userId: currentUser(request).id, provider: provider.info, settings: await getSettings(db) });
      ctx.wakeWorker();
      return reply.status(201).send(run);
    },
  );
}
