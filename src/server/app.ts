import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { registerCsrfProtection } from './csrf';
import { registerErrorHandling, routeNotFound } from './errors';
import { registerSecurityHeaders } from './security-headers';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { bulkRoutes } from './routes/bulk';
import { preferenceRoutes } from './routes/preferences';
import { retentionRoutes } from './routes/retention';
import { exportRoutes } from './routes/exports';
import { catalogRoutes } from './routes/catalog';
import { catalogValueRoutes } from './routes/catalog-values';
import { workspaceRoutes } from './routes/workspace';
import { documentRoutes } from './routes/documents';
import { chunkDimensionRoutes } from './routes/chunk-dimensions';
import { clientErrorRoutes } from './routes/client-errors';
import { conversationRoutes } from './routes/conversations';
import { generationLogRoutes } from './routes/generation-logs';
import { healthRoutes } from './routes/health';
import { notificationRoutes } from './routes/notifications';
import { planRoutes } from './routes/plan';
import { runRoutes } from './routes/runs';
import { scenarioRoutes } from './routes/scenarios';
import { seedRoutes } from './routes/seeds';
import { templateRoutes } from './routes/templates';
import { edgeCaseRoutes } from './routes/edge-cases';
import { settingsRoutes } from './routes/settings';
import { userRoutes } from './routes/users';
import { arcRoutes } from './routes/arcs';
import { tierRoutes } from './routes/tiers';
import { templateAnalyticsRoutes } from './routes/template-analytics';
import { regenerateRoutes } from './routes/regenerate';
import { preflightRoutes } from './routes/preflight';
import { coverageRoutes } from './routes/coverage';
import { datasetHealthRoutes } from './routes/dataset-health';
import { groundingCheckRoutes } from './routes/grounding-check';
import { projectRoot } from '../config/project-root';
import { qualityRoutes } from './routes/quality';

export const webDistFolder = path.join(projectRoot, 'dist', 'web');

/** A route as registered, for checks that every route is documented and protected. */
export interface RouteEntry {
  method: string;
  url: string;
  hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeList: RouteEntry[];
  }
}

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
  const routeList: RouteEntry[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeList.push({ method, url: route.url, hidden: Boolean((route.schema as { hide?: boolean } | undefined)?.hide) });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('user', null);
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  registerCsrfProtection(app, ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`);
  // Only JSON bodies, except where a form is the design (the export download registers its own
  // parser): a cross-site form can then reach no other route even before the origin check.
  app.removeContentTypeParser('text/plain');

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'convgen API', version: ctx.version, description: 'Plan, generate, review and export LoRA training conversations.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // One per line: every resource adds its own routes here.
  const resources = [
    healthRoutes,
    authRoutes,
    conversationRoutes,
    bulkRoutes,
    runRoutes,
    catalogRoutes,
    documentRoutes,
    userRoutes,
    settingsRoutes,
    generationLogRoutes,
    notificationRoutes,
    clientErrorRoutes,
    preferenceRoutes,
    exportRoutes,
    auditRoutes,
    retentionRoutes,
    planRoutes,
    catalogValueRoutes,
    scenarioRoutes,
    workspaceRoutes,
    chunkDimensionRoutes,
    seedRoutes,
    arcRoutes,
    tierRoutes,
    templateAnalyticsRoutes,
    preflightRoutes,
    templateRoutes,
    edgeCaseRoutes,
    regenerateRoutes,
    coverageRoutes,
    qualityRoutes,
    datasetHealthRoutes,
    groundingCheckRoutes,
  ];
  for (const routes of resources) routes(app, ctx);

  const serveWeb = opts.serveWeb && fs.existsSync(path.join(webDistFolder, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDistFolder,
      wildcard: false,
      cacheControl: false,
      // Built assets carry a content hash in their names and never change; index.html names the
      // current ones, so it must be revalidated on every load or a deploy serves stale pages.
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', filePath.endsWith('.html') ? 'no-cache' : filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/conversations, /sign-in…) all load the SPA; unknown API routes get JSON.
    if (serveWeb && !request.url.startsWith('/api/')) return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    return reply.status(404).send(routeNotFound(request.method, request.url));
  });
  return app;
}
