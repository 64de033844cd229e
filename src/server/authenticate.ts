import type { FastifyReply, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { can, type Permission } from '../core/roles';
import { findUserByApiToken, type AuthenticatedUser } from '../accounts/users';
import { AppError } from '../core/errors';
import type { AppContext } from './context';

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthenticatedUser | null;
  }
}

const unauthenticated = () =>
  new AppError({
    code: 'unauthenticated',
    status: 401,
    message: 'You are not signed in.',
    hint: 'Sign in, or send an API token as "Authorization: Bearer <token>".',
  });

/** Resolves the caller from a Bearer API token or a better-auth session cookie. */
export async function resolveUser(ctx: AppContext, request: FastifyRequest): Promise<AuthenticatedUser | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return findUserByApiToken(ctx.database.db, header.slice(7).trim());
  if (!request.headers.cookie) return null;
  const result = await ctx.auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  if (!result) return null;
  const u = result.user as typeof result.user & { role?: string; deactivatedAt?: Date | null };
  // Deactivation deletes the user's sessions; this also covers a sign-in that raced with it.
  if (u.deactivatedAt) return null;
  return { id: u.id, email: u.email, name: u.name, role: u.role ?? 'viewer' };
}

/** A preHandler that lets the request through only for roles holding `permission`. */
export function requirePermission(ctx: AppContext, permission: Permission) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    request.user = await resolveUser(ctx, request);
    if (!request.user) throw unauthenticated();
    if (!can(request.user.role, permission)) {
      throw new AppError({
        code: 'forbidden',
        status: 403,
        message: `Your role (${request.user.role}) cannot do this.`,
        hint: 'Ask a workspace admin to change your role if you need this.',
        details: { permission },
      });
    }
  };
}

export function currentUser(request: FastifyRequest): AuthenticatedUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}
