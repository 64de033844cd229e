import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fromNodeHeaders } from 'better-auth/node';
import { z } from 'zod';
import { countUsers, createUser } from '../../accounts/users';
import { AppError } from '../../core/errors';
import { resolveUser } from '../authenticate';
import type { AppContext } from '../context';

const setupBody = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    email: z.email('must be an email address'),
    password: z.string().min(8, 'must be at least 8 characters').max(200),
  })
  .strict();

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
      const response = await ctx.auth.handler(
        new Request(url, {
          method: request.method,
          headers: fromNodeHeaders(request.headers),
          body: request.method === 'POST' && request.body !== undefined ? JSON.stringify(request.body) : undefined,
        }),
      );
      reply.status(response.status);
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie') reply.header(key, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length) reply.header('set-cookie', cookies);
      const text = await response.text();
      if (response.status >= 400) {
        const body = text ? (JSON.parse(text) as { message?: string; code?: string }) : {};
        const invalid = response.status === 401 || body.code === 'INVALID_EMAIL_OR_PASSWORD';
        return reply.type('application/json').send({
          error: {
            code: invalid ? 'invalid_credentials' : (body.code ?? 'auth_error').toLowerCase(),
            message: invalid ? 'That email and password do not match an account.' : (body.message ?? 'Sign-in failed.'),
            hint: invalid ? 'Check the email address and password. An admin can reset your password.' : 'Try again.',
            retryable: false,
            details: {},
          },
        });
      }
      return reply.send(text);
    },
  });

  r.get(
    '/api/setup',
    { schema: { tags: ['auth'], summary: 'Whether the first admin account still needs to be created', response: { 200: z.object({ needsSetup: z.boolean() }) } } },
    async () => ({ needsSetup: (await countUsers(db)) === 0 }),
  );

  r.post(
    '/api/setup',
    { schema: { tags: ['auth'], summary: 'Create the first admin account (only while there are no users)', body: setupBody, response: { 201: z.object({ id: z.string() }) } } },
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
        response: { 200: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() }) },
      },
    },
    async (request) => {
      const me = await resolveUser(ctx, request);
      if (!me) throw new AppError({ code: 'unauthenticated', status: 401, message: 'You are not signed in.', hint: 'Sign in to continue.' });
      return me;
    },
  );
}
