import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getPreferences, updatePreferences } from '../../accounts/preferences';
import { preferences, preferencesPatch } from '../../contract/preferences';
import { currentUser, requirePermission } from '../authenticate';
import type { AppContext } from '../context';

export function preferenceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  // Every role has conversations:read; preferences are each user's own.
  const signedIn = requirePermission(ctx, 'conversations:read');

  r.get(
    '/api/me/preferences',
    { schema: { tags: ['auth'], summary: "The signed-in user's view preferences", response: { 200: preferences } }, preHandler: signedIn },
    async (request) => getPreferences(db, currentUser(request).id),
  );

  r.patch(
    '/api/me/preferences',
    { schema: { tags: ['auth'], summary: 'Change some of your view preferences (toast duration, infinite scroll, auto-advance)', body: preferencesPatch, response: { 200: preferences } }, preHandler: signedIn },
    async (request) => updatePreferences(db, currentUser(request).id, request.body),
  );
}
