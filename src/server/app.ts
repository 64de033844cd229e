import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { registerErrorHandling, routeNotFound } from './errors';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { bulkRoutes } from './routes/bulk';
import { preferenceRoutes } from './routes/preferences';
import { retentionRoutes } from './routes/retention';
import { exportRoutes } from './routes/exports';
import { catalogRoutes } from './routes/catalog';
import { clientErrorRoutes } from './routes/client-errors';
import { conversationRoutes } from './routes/conversations';
import { generationLogRoutes } from './routes/generation-logs';
import { healthRoutes } from './routes/health';
import { notificationRoutes } from './routes/notifications';
import { runRoutes } from './routes/runs';
import { settingsRoutes } from './routes/settings';
import { userRoutes } from './routes/users';
import { projectRoot } from '../config/project-root';

export const webDistFolder = path.join(projectRoot, 'dist', 'web');

export interface BuildAppOptions {
  logger?: boolean | { level: string };
  /** Serve the built SPA from dist/web (off in API tests). */
  serveWeb?: boolean;
}

/** Builds the HTTP app around an already-open context; tests call this with `app.inject`. */
export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 25 * 1024 * 1024,
    // Errors Fastify raises before routing (a malformed URL…) get the same shape as ours.
    frameworkErrors: (error, _request, reply) => {
      void (reply as unknown as FastifyReply)
        .code(400)
        .type('application/json')
        .send(JSON.stringify({ error: { code: 'bad_request', message: `The request could not be read: ${error.message}`, hint: 'Check the address and try again.', retryable: false, details: {} } }));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('user', null);
  registerErrorHandling(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'convgen API', version: ctx.version, description: 'Plan, generate, review and export LoRA training conversations.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const routes of [healthRoutes, authRoutes, conversationRoutes, bulkRoutes, runRoutes, catalogRoutes, userRoutes, settingsRoutes, generationLogRoutes, notificationRoutes, clientErrorRoutes, preferenceRoutes, exportRoutes, auditRoutes, retentionRoutes]) routes(app, ctx);

  const serveWeb = opts.serveWeb && fs.existsSync(path.join(webDistFolder, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: webDistFolder, wildcard: false, maxAge: '1h' });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/conversations, /sign-in…) all load the SPA; unknown API routes get JSON.
    if (serveWeb && !request.url.startsWith('/api/')) return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    return reply.status(404).send(routeNotFound(request.method, request.url));
  });
  return app;
}
