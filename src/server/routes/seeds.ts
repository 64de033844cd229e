import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { seedComparison, seedImportBody, seedImportResult, seedParams, seedStructure, seedTemplateRequest, seedTemplateResult } from '../../contract/seeds';
import { AppError } from '../../core/errors';
import { seedComparison as compareSeeds } from '../../db/queries/seed-comparison';
import { importSeeds } from '../../seeds/import-seeds';
import { createTemplateFromSeed, readSeedStructure } from '../../seeds/seed-template';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

/** A seed file is text: a thousand long conversations fit well within this. */
const MAX_SEED_FILE_BYTES = 10 * 1024 * 1024;

const noFile = () =>
  new AppError({ code: 'missing_file', status: 400, message: 'The upload holds no file in the field "file".', hint: 'Send the seed file as multipart/form-data with the field name "file", or send its JSON as the request body.' });

/** The import's text: the JSON body as it was sent, or the uploaded file's content. */
async function seedFileText(request: FastifyRequest): Promise<string> {
  if (!request.isMultipart()) return typeof request.body === 'string' ? request.body : '';
  for await (const part of request.parts({ limits: { fileSize: MAX_SEED_FILE_BYTES, files: 1 } })) {
    if (part.type !== 'file' || part.fieldname !== 'file') continue;
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw tooLarge();
    return bytes.toString('utf8').replace(/^\uFEFF/, '');
  }
  throw noFile();
}

const tooLarge = () =>
  new AppError({ code: 'file_too_large', status: 413, message: `The seed file is larger than ${MAX_SEED_FILE_BYTES / 1024 / 1024} MB.`, hint: 'Split it into smaller files and import them one after the other.' });

export function seedRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  // The import reads its body as text, so a problem in the JSON can be reported with its line:
  // its own scope, where JSON is not parsed for it and multipart uploads are accepted.
  void app.register(async (scope) => {
    if (!scope.hasRequestDecorator('isMultipart')) await scope.register(fastifyMultipart, { limits: { fileSize: MAX_SEED_FILE_BYTES, files: 1 } });
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: MAX_SEED_FILE_BYTES }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/seeds/import',
      {
        schema: {
          tags: ['seeds'],
          summary:
            'Import hand-written seed conversations from JSON (the body, or a multipart file in "file"), all or nothing: they are stored approved, marked as seeds and scored; the first problem is answered with its line and field, and nothing is stored',
          body: seedImportBody,
          response: { 201: seedImportResult },
        },
        // The body is checked by the import itself, with line numbers; the schema is for the API document.
        validatorCompiler: () => () => true,
        preHandler: requirePermission(ctx, 'conversations:generate'),
      },
      async (request, reply) => reply.status(201).send(await importSeeds(db, await seedFileText(request))),
    );
  });

  r.get(
    '/api/seeds/comparison',
    {
      schema: {
        tags: ['seeds'],
        summary: 'Seed conversations against generated ones: count, average quality, turns and words per turn, overall and per tier, the gap, and each seed with the conversations planned from it',
        response: { 200: seedComparison },
      },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async () => compareSeeds(db),
  );

  r.get(
    '/api/seeds/:id/structure',
    {
      schema: {
        tags: ['seeds'],
        summary: "What \"Use as Template\" takes from a seed: turn count, words per turn, questions, sentence length, register, and the template body it would create",
        params: seedParams,
        response: { 200: seedStructure },
      },
      preHandler: requirePermission(ctx, 'conversations:read'),
    },
    async (request) => readSeedStructure(db, request.params.id),
  );

  r.post(
    '/api/seeds/:id/template',
    {
      schema: {
        tags: ['seeds'],
        summary: 'Use a seed as a template: creates a template (version 1) of its structure and style, and plans N not-generated variations with the seed\'s persona and topic and other emotions, intents and tones',
        params: seedParams,
        body: seedTemplateRequest,
        response: { 201: seedTemplateResult },
      },
      preHandler: requirePermission(ctx, 'conversations:generate'),
    },
    async (request, reply) => {
      const result = await createTemplateFromSeed(db, request.params.id, request.body, { userId: currentUser(request).id, random: Math.random });
      return reply.status(201).send(result);
    },
  );
}
