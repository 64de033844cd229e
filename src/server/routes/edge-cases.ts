import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createEdgeCase as createBody,
  deletedEdgeCase,
  edgeCaseCoverage,
  edgeCaseItem,
  edgeCaseList,
  edgeCaseListQuery,
  edgeCaseParams,
  edgeCaseSuggestion,
  edgeCaseSuggestionList,
  planSuggestionsRequest,
  planSuggestionsResult,
  suggestionParams,
  updateEdgeCase as updateBody,
} from '../../contract/edge-cases';
import { edgeCaseCoverageCsv } from '../../core/edge-case-coverage-csv';
import { edgeCaseCoverage as readCoverage, listEdgeCases } from '../../db/queries/edge-cases';
import { createEdgeCase, deleteEdgeCase, updateEdgeCase } from '../../edge-cases/edge-case-library';
import { listSuggestions, markSuggestion, planSuggestions } from '../../edge-cases/edge-case-suggestions';
import { getSettings } from '../../settings/workspace-settings';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';
import { sendCsv } from '../send-csv';

const MARKS = { dismiss: 'dismissed', complete: 'completed', reopen: 'open' } as const;

/** The edge-case tier (US8.3.1, US8.3.2): the library and custom definitions, suggestions, and the coverage report. */
export function edgeCaseRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const mayRead = requirePermission(ctx, 'catalog:read');
  const mayWrite = requirePermission(ctx, 'catalog:write');
  const bar = async () => (await getSettings(db)).quality.edgeCaseMinScore;
  const tags = ['edge-cases'];

  r.get(
    '/api/edge-cases',
    {
      schema: { tags, summary: 'The edge-case library with each definition’s usage (conversations, generated, approved, below the edge-case bar); archived ones only with archived=true or all', querystring: edgeCaseListQuery, response: { 200: edgeCaseList } },
      preHandler: mayRead,
    },
    async (request) => ({ items: await listEdgeCases(db, request.query, await bar()) }),
  );

  r.post(
    '/api/edge-cases',
    { schema: { tags, summary: 'Add a custom edge case: the conditions to test, an adversarial prompt and the expected behaviour (409 when the title is taken)', body: createBody, response: { 201: edgeCaseItem } }, preHandler: mayWrite },
    async (request, reply) => reply.code(201).send(await createEdgeCase(db, request.body, currentUser(request).id, await bar())),
  );

  // Static paths before /:id, so "suggestions" and "coverage" are never read as an id.
  r.get(
    '/api/edge-cases/suggestions',
    { schema: { tags, summary: 'Edge cases worth testing: untested persona × emotion combinations paired with a fitting category, ranked, with their status (open, dismissed, completed)', response: { 200: edgeCaseSuggestionList } }, preHandler: mayRead },
    async () => ({ items: await listSuggestions(db) }),
  );

  for (const [verb, status] of Object.entries(MARKS)) {
    r.post(
      `/api/edge-cases/suggestions/:key/${verb}`,
      { schema: { tags, summary: `${verb === 'reopen' ? 'Reopen' : verb === 'dismiss' ? 'Dismiss' : 'Mark completed'} an edge-case suggestion`, params: suggestionParams, response: { 200: edgeCaseSuggestion } }, preHandler: mayWrite },
      async (request) => markSuggestion(db, request.params.key, status, currentUser(request).id),
    );
  }

  r.post(
    '/api/edge-cases/suggestions/plan',
    {
      schema: {
        tags,
        summary: 'Generate Suggested Edge Cases, step one: an edge-case-tier conversation slot per chosen suggestion, each marked completed; generate them with POST /api/runs { conversationIds }',
        body: planSuggestionsRequest,
        response: { 201: planSuggestionsResult },
      },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request, reply) => reply.code(201).send(await planSuggestions(db, request.body.keys, currentUser(request).id)),
  );

  r.get(
    '/api/edge-cases/coverage',
    { schema: { tags, summary: 'Edge-case coverage: per category definitions, conversations, generated, approved and below the bar; conversations per persona and category', response: { 200: edgeCaseCoverage } }, preHandler: mayRead },
    async () => readCoverage(db, await bar()),
  );

  r.get(
    '/api/edge-cases/coverage.csv',
    { schema: { tags, summary: 'The edge-case coverage report as CSV' }, preHandler: mayRead },
    async (_request, reply) => sendCsv(reply, 'edge-case-coverage', edgeCaseCoverageCsv(await readCoverage(db, await bar()))),
  );

  r.patch(
    '/api/edge-cases/:id',
    { schema: { tags, summary: 'Edit an edge case, or archive it (archived: true) so new plans no longer draw it', params: edgeCaseParams, body: updateBody, response: { 200: edgeCaseItem } }, preHandler: mayWrite },
    async (request) => updateEdgeCase(db, request.params.id, request.body, currentUser(request).id, await bar()),
  );

  r.delete(
    '/api/edge-cases/:id',
    { schema: { tags, summary: 'Delete an edge case no conversation uses (409 while one does: archive it instead)', params: edgeCaseParams, response: { 200: deletedEdgeCase } }, preHandler: mayWrite },
    async (request) => deleteEdgeCase(db, request.params.id, currentUser(request).id),
  );
}
