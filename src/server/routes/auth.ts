import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fromNodeHeaders } from 'better-auth/node';
import { z } from 'zod';
import { createdUser, me, setupStatus } from '../../contract/system';
import { countUsers, createUser } from '../../accounts/users';
import { AppError } from '../../core/errors';
import { CLIENT_IP_HEADER } from '../auth';
import { resolveUser } from '../authenticate';
import type { AppContext } from '../context';

const setupBody = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    email: z.email('must be an email address'),
    password: z.string().min(8, 'must be at least 8 characters').max(200),
  })
  .strict();

/** better-auth's errors in our shape, worded for people. */
function describeAuthError(path: string, status: number, body: string, retryAfter: string | null) {
  let parsed: { message?: string; code?: string } = {};
  try {
    parsed = body ? JSON.parse(body) : {};
  } catch {
    // Not JSON: keep the status-based wording below.
  }
  if (status === 429) {
    const seconds = Number(retryAfter) || 60;
    return { code: 'too_many_attempts', message: 'Too many sign-in attempts from this address.', hint: `Wait ${seconds} seconds, then try again.`, retryable: true, details: { retryAfterSeconds: seconds } };
  }
  if (path.endsWith('/sign-in/email') && (status === 401 || parsed.code === 'INVALID_EMAIL_OR_PASSWORD')) {
    return { code: 'invalid_credentials', message: 'That email and password do not match an account.', hint: 'Check the email address and password. An admin can reset your password.', retryable: false, details: {} };
  }
  if (status === 401) return { code: 'unauthenticated', message: 'You are not signed in.', hint: 'Sign in and try again.', retryable: false, details: {} };
  if (status === 404) return { code: 'not_found', message: `There is no ${path} in this API.`, hint: 'See /api/openapi.json for the list of routes.', retryable: false, details: {} };
  return { code: (parsed.code ?? 'auth_error').toLowerCase(), message: parsed.message ?? 'The request could not be completed.', hint: 'Check what you entered and try again.', retryable: status >= 500, details: {} };
}

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  // better-auth owns /api/auth/* (sign-in, sign-out, session); Fastify only translates.
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    async handler(request, reply) {
      const url = new URL(request.url, `${request.protocol}://${request.headers.host ?? 'localhost'}`);
      const headers = fromNodeHeaders(request.headers);
      headers.set(CLIENT_IP_HEADER, request.ip);
      const response = await ctx.auth.handler(
        new Request(url, { method: request.method, headers, body: request.method === 'POST' && request.body !== undefined ? JSON.stringify(request.body) : undefined }),
      );
      reply.status(response.status);
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie') reply.header(key, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length) reply.header('set-cookie', cookies);
      const text = await response.text();
      if (response.status < 400) return reply.send(text);
      return reply.type('application/json').send({ error: describeAuthError(url.pathname, response.status, text, response.headers.get('x-retry-after')) });
    },
  });

  r.get(
    '/api/setup',
    { schema: { tags: ['auth'], summary: 'Whether the first admin account still needs to be created', response: { 200: setupStatus } } },
    async () => ({ needsSetup: (await countUsers(db)) === 0 }),
  );

  r.post(
    '/api/setup',
    { schema: { tags: ['auth'], summary: 'Create the first admin account (only while there are no users)', body: setupBody, response: { 201: createdUser } } },
    async (request, reply) => {
      if ((await countUsers(db)) > 0) {
        throw new AppError({ code: 'already_set_up', status: 409, message: 'This workspace already has an admin account.', hint: 'Sign in instead; an admin can invite more users.' });
      }
      const created = await createUser(db, { ...request.body, role: 'admin' });
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        response: { 200: me },
      },
    },
    async (request) => {
      const me = await resolveUser(ctx, request);
      if (!me) throw new AppError({ code: 'unauthenticated', status: 401, message: 'You are not signed in.', hint: 'Sign in to continue.' });
      return me;
    },
  );
}
