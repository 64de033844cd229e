import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  activateTemplateBody,
  createTemplateBody,
  deletedTemplate,
  keptTest,
  previewTemplateBody,
  templateDetail,
  templateIdParams,
  templateList,
  templateListQuery,
  templatePreview,
  templateTestList,
  templateTestParams,
  templateTestResult,
  templateVersionList,
  testTemplateBody,
  updateTemplateBody,
  updateTemplateResult,
} from '../../contract/templates';
import { getTemplateDetail, listTemplates, listTemplateTests, listTemplateVersions } from '../../db/queries/templates';
import { keepTemplateTest } from '../../templates/keep-test';
import { activateTemplate, createTemplate, deactivateTemplate, deleteTemplate, updateTemplate } from '../../templates/template-commands';
import { previewTemplate, runTemplateTest } from '../../templates/test-template';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

/** Prompt templates: the Templates page, `convgen templates` and scripts (US7.1.1, US7.2.1, US7.2.2). */
export function templateRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const mayRead = requirePermission(ctx, 'catalog:read');
  // Templates are what generators plan with, like the catalog: the same people keep them.
  const mayWrite = requirePermission(ctx, 'catalog:write');
  // A test spends provider money, and keeping one adds to the dataset: the generators' right.
  const mayGenerate = requirePermission(ctx, 'conversations:generate');
  const tags = ['templates'];

  r.get(
    '/api/templates',
    { schema: { tags, summary: 'Templates with their active and newest version and usage, quality and approval figures; filter by tier, status (active) and text (q)', querystring: templateListQuery, response: { 200: templateList } }, preHandler: mayRead },
    async (request) => ({ items: await listTemplates(db, request.query) }),
  );

  r.post(
    '/api/templates',
    {
      schema: { tags, summary: 'Create a template (version 1, active unless tests are required before activation); its key comes from the name, and a duplicate name answers 409', body: createTemplateBody, response: { 201: templateDetail } },
      preHandler: mayWrite,
    },
    async (request, reply) => reply.code(201).send(await createTemplate(db, request.body, currentUser(request).id)),
  );

  r.post(
    '/api/templates/preview',
    { schema: { tags, summary: 'Render a template body with a sample slot (given, taken from a conversation, or picked from the catalog): the prompt, missing and unknown placeholders', body: previewTemplateBody, response: { 200: templatePreview } }, preHandler: mayRead },
    async (request) => previewTemplate(db, request.body),
  );

  r.get(
    '/api/templates/:id',
    { schema: { tags, summary: 'One template with its active body, its draft (a newer saved version) and how many conversations use it', params: templateIdParams, response: { 200: templateDetail } }, preHandler: mayRead },
    async (request) => getTemplateDetail(db, request.params.id),
  );

  r.patch(
    '/api/templates/:id',
    {
      schema: { tags, summary: 'Edit a template: a new body is saved as a new version (a draft until activated), with the note; name, description, tier, arc, personas and emotions change at once', params: templateIdParams, body: updateTemplateBody, response: { 200: updateTemplateResult } },
      preHandler: mayWrite,
    },
    async (request) => updateTemplate(db, request.params.id, request.body, currentUser(request).id),
  );

  r.delete(
    '/api/templates/:id',
    { schema: { tags, summary: 'Delete a template no conversation uses (409 with the count when one does: deactivate it instead)', params: templateIdParams, response: { 200: deletedTemplate } }, preHandler: mayWrite },
    async (request) => deleteTemplate(db, request.params.id, currentUser(request).id),
  );

  r.get(
    '/api/templates/:id/versions',
    { schema: { tags, summary: 'Every version, newest first, with author, note, date, active marker, whether it was tested, and usage', params: templateIdParams, response: { 200: templateVersionList } }, preHandler: mayRead },
    async (request) => ({ items: await listTemplateVersions(db, request.params.id) }),
  );

  r.post(
    '/api/templates/:id/activate',
    {
      schema: { tags, summary: 'Make a version the one generation uses and turn the template on (activate a draft, roll back, or reactivate with the current version)', params: templateIdParams, body: activateTemplateBody, response: { 200: templateDetail } },
      preHandler: mayWrite,
    },
    async (request) => activateTemplate(db, request.params.id, request.body.version, currentUser(request).id),
  );

  r.post(
    '/api/templates/:id/deactivate',
    { schema: { tags, summary: 'Turn a template off: new plans skip it, planned conversations keep it', params: templateIdParams, response: { 200: templateDetail } }, preHandler: mayWrite },
    async (request) => deactivateTemplate(db, request.params.id, currentUser(request).id),
  );

  r.post(
    '/api/templates/:id/test',
    {
      schema: {
        tags,
        summary: 'Send one test request with a version (the newest by default) and a sample slot; answers the conversation, its quality and the active version’s average. Stored as a test, not in the dataset',
        params: templateIdParams,
        body: testTemplateBody,
        response: { 200: templateTestResult },
      },
      preHandler: mayGenerate,
    },
    async (request) => runTemplateTest(db, ctx.providers, request.params.id, request.body ?? {}, currentUser(request).id),
  );

  r.get(
    '/api/templates/:id/tests',
    { schema: { tags, summary: 'The recent tests of a template, newest first', params: templateIdParams, response: { 200: templateTestList } }, preHandler: mayRead },
    async (request) => ({ items: await listTemplateTests(db, request.params.id) }),
  );

  r.post(
    '/api/templates/:id/tests/:testId/keep',
    { schema: { tags, summary: 'Keep a successful test in the dataset as a generated conversation (once)', params: templateTestParams, response: { 201: keptTest } }, preHandler: mayGenerate },
    async (request, reply) => reply.code(201).send(await keepTemplateTest(db, request.params.id, request.params.testId)),
  );
}
