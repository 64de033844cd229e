import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fromNodeHeaders } from 'better-auth/node';
import { z } from 'zod';
import { createdUser, me, setupStatus, signInResult, signOutResult } from '../../contract/system';
import { endSessions } from '../../accounts/sessions';
import { countUsers, createUser, isDeactivated } from '../../accounts/users';
import { AppError } from '../../core/errors';
import { CLIENT_IP_HEADER } from '../auth';
import { resolveUser } from '../authenticate';
import { createSignInLimiter } from '../sign-in-limiter';
import type { AppContext } from '../context';

const setupBody = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    email: z.email('must be an email address'),
    password: z.string().min(8, 'must be at least 8 characters').max(200),
  })
  .strict();

const tooManyAttempts = (seconds: number) =>
  new AppError({ code: 'too_many_attempts', status: 429, message: 'Too many sign-in attempts.', hint: `Wait ${seconds} seconds, then try again.`, retryable: true, details: { retryAfterSeconds: seconds } });

/** better-auth's errors in our shape, worded for people. */
function describeAuthError(path: string, status: number, body: string, retryAfter: string | null) {
  let parsed: { message?: string; code?: string } = {};
  try {
    parsed = body ? JSON.parse(body) : {};
  } catch {
    // Not JSON: keep the status-based wording below.
  }
  if (status === 429) return tooManyAttempts(Number(retryAfter) || 60).toJSON();
  if (path.endsWith('/sign-in/email') && (status === 401 || parsed.code === 'INVALID_EMAIL_OR_PASSWORD')) {
    return { code: 'invalid_credentials', message: 'That email and password do not match an account.', hint: 'Check the email address and password. An admin can reset your password.', retryable: false, details: {} };
  }
  if (status === 401) return { code: 'unauthenticated', message: 'You are not signed in.', hint: 'Sign in and try again.', retryable: false, details: {} };
  if (status === 404) return { code: 'not_found', message: `There is no ${path} in this API.`, hint: 'See /api/openapi.json for the list of routes.', retryable: false, details: {} };
  return { code: (parsed.code ?? 'auth_error').toLowerCase(), message: parsed.message ?? 'The request could not be completed.', hint: 'Check what you entered and try again.', retryable: status >= 500, details: {} };
}

/** Session tokens live only in the HttpOnly cookie: answers to the page never carry one. */
function withoutTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTokens);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'token').map(([key, v]) => [key, withoutTokens(v)]));
}

const signInBody = z
  .object({
    email: z.email('must be an email address'),
    password: z.string().min(1, 'is required').max(200),
    rememberMe: z.boolean().optional(),
  })
  .strict();

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const limiter = createSignInLimiter();

  /** Hands the request to better-auth, with the client's address from the connection. */
  async function callAuth(request: FastifyRequest) {
    const url = new URL(request.url, `${request.protocol}://${request.headers.host ?? 'localhost'}`);
    const headers = fromNodeHeaders(request.headers);
    headers.set(CLIENT_IP_HEADER, request.ip);
    const body = request.method === 'POST' && request.body !== undefined ? JSON.stringify(request.body) : undefined;
    return { url, response: await ctx.auth.handler(new Request(url, { method: request.method, headers, body })) };
  }

  /** better-auth's answer in ours: our error shape, and no session token in any body. */
  async function relay(reply: FastifyReply, url: URL, response: Response) {
    reply.status(response.status);
    response.headers.forEach((value, key) => {
      if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) reply.header('set-cookie', cookies);
    const text = await response.text();
    if (response.status >= 400) return reply.type('application/json').send({ error: describeAuthError(url.pathname, response.status, text, response.headers.get('x-retry-after')) });
    if (!response.headers.get('content-type')?.includes('json') || !text) return reply.send(text);
    return reply.send(JSON.stringify(withoutTokens(JSON.parse(text))));
  }

  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    const { url, response } = await callAuth(request);
    return relay(reply, url, response);
  };

  r.post(
    '/api/auth/sign-in/email',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; the session is set as an HttpOnly cookie. Failed attempts are limited per account and address.',
        body: signInBody,
        response: { 200: signInResult },
      },
    },
    async (request, reply) => {
      const { email } = request.body;
      const wait = limiter.retryAfterSeconds(request.ip, email);
      if (wait) throw tooManyAttempts(wait);
      const { url, response } = await callAuth(request);
      if (response.status === 401) limiter.recordFailure(request.ip, email);
      if (!response.ok) return relay(reply, url, response);
      limiter.recordSuccess(request.ip, email);
      // Said only to someone who knows the password, so it does not reveal who was deactivated.
      if (await isDeactivated(db, email)) {
        const { user: signedInUser } = (await response.json()) as { user: { id: string } };
        await endSessions(db, signedInUser.id);
        throw new AppError({ code: 'account_deactivated', status: 403, message: 'This account has been deactivated.', hint: 'Ask a workspace admin to reactivate it if you still need access.' });
      }
      return relay(reply, url, response);
    },
  );

  r.post(
    '/api/auth/sign-out',
    { schema: { tags: ['auth'], summary: 'Sign out: ends this session and clears its cookie', body: z.object({}).strict().optional(), response: { 200: signOutResult } } },
    async (request, reply) => forward(request, reply),
  );

  // better-auth owns the rest of /api/auth/* (the session check); Fastify only translates.
  app.route({ method: ['GET', 'POST'], url: '/api/auth/*', schema: { hide: true }, handler: forward });

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
