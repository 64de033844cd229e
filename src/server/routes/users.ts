import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../accounts/roles';
import { acceptedInvitation, invitation, newUserResult, userList } from '../../contract/system';
import { acceptInvitation, createInvitedUser, describeInvitation } from '../../accounts/invitations';
import { createUser, listUsers } from '../../accounts/users';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';

const newUser = z
  .object({
    email: z.email('must be an email address'),
    name: z.string().trim().min(1, 'is required').max(100),
    role: z.enum(ROLES),
    password: z.string().min(8, 'must be at least 8 characters').max(200).optional(),
  })
  .strict();

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
      const base = ctx.config.publicUrl ?? `${request.protocol}://${request.headers.host ?? `localhost:${ctx.config.port}`}`;
      return reply.status(201).send({ id, inviteUrl: `${base}/invite?token=${token}` });
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
