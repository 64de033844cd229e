import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../accounts/roles';
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

export function userRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get('/api/users', { schema: { tags: ['users'], summary: 'All users and their roles (admin)' }, preHandler: requirePermission(ctx, 'users:manage') }, async () => ({
    items: await listUsers(db),
  }));

  r.post(
    '/api/users',
    { schema: { tags: ['users'], summary: 'Create a user with a role (admin)', body: newUser, response: { 201: z.object({ id: z.string() }) } }, preHandler: requirePermission(ctx, 'users:manage') },
    async (request, reply) => reply.status(201).send(await createUser(db, request.body)),
  );
}
