import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notificationList, notificationsMarked } from '../../contract/notifications';
import { listNotifications, markRead } from '../../notify/in-app';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

export function notificationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: "The signed-in user's notifications, newest first",
        querystring: z.object({ unreadOnly: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }).strict(),
        response: { 200: notificationList },
      },
      preHandler: requirePermission(ctx, 'runs:read'),
    },
    async (request) => {
      const items = await listNotifications(db, currentUser(request).id, { unreadOnly: request.query.unreadOnly === 'true', limit: request.query.limit });
      return { items: items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })) };
    },
  );

  r.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications read: a list of ids, or all',
        body: z.object({ ids: z.union([z.array(z.uuid()).max(500), z.literal('all')]) }).strict(),
        response: { 200: notificationsMarked },
      },
      preHandler: requirePermission(ctx, 'runs:read'),
    },
    async (request) => ({ marked: await markRead(db, currentUser(request).id, request.body.ids) }),
  );
}
