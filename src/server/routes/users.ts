import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../core/roles';
import { acceptedInvitation, apiTokenList, invitation, newUserResult, sessionsEnded, userChange, userChanged, userList } from '../../contract/system';
import { acceptInvitation, createInvitedUser, describeInvitation } from '../../accounts/invitations';
import { endSessions } from '../../accounts/sessions';
import { createUser, listApiTokens, listUsers, revokeApiToken, updateUser } from '../../accounts/users';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

const newUser = z
  .object({
    email: z.email('must be an email address'),
    name: z.string().trim().min(1, 'is required').max(100),
    role: z.enum(ROLES),
    password: z.string().min(8, 'must be at least 8 characters').max(200).optional(),
  })
  .strict();

const userParams = z.object({ id: z.string().min(1).max(100) });
const invitationParams = z.object({ token: z.string().min(10).max(200) });

export function userRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get('/api/users', { schema: { tags: ['users'], summary: 'All users and their roles (admin)', response: { 200: userList } }, preHandler: requirePermission(ctx, 'users:manage') }, async () => ({
    items: await listUsers(db),
  }));

  r.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user with a role (admin). Without a password the answer holds a one-time invitation link.',
        body: newUser,
        response: { 201: newUserResult },
      },
      preHandler: requirePermission(ctx, 'users:manage'),
    },
    async (request, reply) => {
      if (request.body.password) return reply.status(201).send(await createUser(db, request.body));
      // No password: the admin passes on a one-time link where the user chooses one.
      const { id, token } = await createInvitedUser(db, request.body);
      // Never built from the request's Host header, which the client chooses: a forged Host
      // would make the admin hand out a link to another site.
      const base = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
      const invitePath = `/invite?token=${token}`;
      return reply.status(201).send({ id, inviteUrl: `${base}${invitePath}`, invitePath });
    },
  );

  const mayManage = requirePermission(ctx, 'users:manage');

  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: "Change a user's role or deactivate them (admin). Deactivation ends their sessions and revokes their API tokens at once.",
        params: userParams,
        body: userChange,
        response: { 200: userChanged },
      },
      preHandler: mayManage,
    },
    async (request) => updateUser(db, currentUser(request).id, request.params.id, request.body),
  );

  r.delete(
    '/api/users/:id/sessions',
    { schema: { tags: ['users'], summary: 'Sign a user out everywhere (admin); their API tokens keep working', params: userParams, response: { 200: sessionsEnded } }, preHandler: mayManage },
    async (request) => ({ endedSessions: await endSessions(db, request.params.id) }),
  );

  r.get(
    '/api/users/:id/tokens',
    { schema: { tags: ['users'], summary: "A user's API tokens (admin): names and dates, never the tokens", params: userParams, response: { 200: apiTokenList } }, preHandler: mayManage },
    async (request) => ({ items: await listApiTokens(db, request.params.id) }),
  );

  r.delete(
    '/api/users/:id/tokens/:tokenId',
    { schema: { tags: ['users'], summary: "Revoke one of a user's API tokens (admin)", params: userParams.extend({ tokenId: z.string().min(1).max(100) }), response: { 204: z.null() } }, preHandler: mayManage },
    async (request, reply) => {
      await revokeApiToken(db, request.params.id, request.params.tokenId);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/invitations/:token',
    {
      schema: { tags: ['users'], summary: 'Who an invitation link is for (no sign-in needed)', params: invitationParams, response: { 200: invitation } },
    },
    async (request) => describeInvitation(db, request.params.token),
  );

  r.post(
    '/api/invitations/accept',
    {
      schema: {
        tags: ['users'],
        summary: 'Choose a password with an invitation link; the link then stops working',
        body: z.object({ token: z.string().min(10).max(200), password: z.string().min(8, 'must be at least 8 characters').max(200) }).strict(),
        response: { 200: acceptedInvitation },
      },
    },
    async (request) => acceptInvitation(db, request.body.token, request.body.password),
  );
}
