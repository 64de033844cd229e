import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, count, eq, isNull, ne } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import { AppError } from '../core/errors';
import { passwordProblem } from '../core/password-policy';
import type { Db } from '../db/client';
import { account, apiTokens, user } from '../db/schema';
import type { Role } from '../core/roles';
import { endSessions, revokeApiTokens } from './sessions';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function countUsers(db: Db): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(user);
  return n;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password?: string;
}

/**
 * Creates a user with an email+password credential in better-auth's tables. Without a
 * password the account gets a random one and must be set through an invitation link.
 */
export async function createUser(db: Db, input: NewUser): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  if (input.password !== undefined) assertAcceptablePassword(input.password, email);
  const existing = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
  if (existing.length) {
    throw new AppError({ code: 'user_exists', status: 409, message: `A user with the email ${email} already exists.`, hint: 'Use another email address, or change the existing user\'s role instead.' });
  }
  const id = randomUUID();
  const password = await hashPassword(input.password ?? randomBytes(24).toString('base64url'));
  await db.transaction(async (tx) => {
    await tx.insert(user).values({ id, email, name: input.name.trim() || email, role: input.role, emailVerified: true });
    await tx.insert(account).values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password });
  });
  return { id };
}

/** Creates the admin from CONVGEN_ADMIN_EMAIL/PASSWORD, or updates its password and role. */
export async function upsertAdmin(db: Db, email: string, password: string): Promise<string> {
  const normalized = email.trim().toLowerCase();
  assertAcceptablePassword(password, normalized);
  const [found] = await db.select({ id: user.id }).from(user).where(eq(user.email, normalized));
  if (!found) return (await createUser(db, { email: normalized, name: 'Admin', role: 'admin', password })).id;
  const hashed = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(user).set({ role: 'admin', deactivatedAt: null, updatedAt: new Date() }).where(eq(user.id, found.id));
    await tx.update(account).set({ password: hashed, updatedAt: new Date() }).where(eq(account.userId, found.id));
  });
  return found.id;
}

/**
 * Registers (or re-registers) a known token for a user; only its hash is stored. With
 * `replaceSameName`, other tokens of that name are revoked: changing CONVGEN_API_TOKEN and
 * restarting retires the old value.
 */
export async function registerApiToken(db: Db, userId: string, token: string, name: string, opts: { replaceSameName?: boolean } = {}): Promise<void> {
  const tokenHash = hashToken(token);
  await db.transaction(async (tx) => {
    if (opts.replaceSameName) await tx.delete(apiTokens).where(and(eq(apiTokens.name, name), ne(apiTokens.tokenHash, tokenHash)));
    await tx
      .insert(apiTokens)
      .values({ id: randomUUID(), userId, name, tokenHash })
      .onConflictDoUpdate({ target: apiTokens.tokenHash, set: { userId, name } });
  });
}

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

export async function findUserByApiToken(db: Db, token: string): Promise<AuthenticatedUser | null> {
  const [row] = await db
    .select({ id: user.id, email: user.email, name: user.name, role: user.role })
    .from(apiTokens)
    .innerJoin(user, eq(user.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(user.deactivatedAt)));
  return row ?? null;
}

/** The earliest admin: who CONVGEN_API_TOKEN belongs to when no admin email is configured. */
export async function firstAdminId(db: Db): Promise<string | null> {
  const [row] = await db.select({ id: user.id }).from(user).where(eq(user.role, 'admin')).orderBy(user.createdAt).limit(1);
  return row?.id ?? null;
}

export async function listUsers(db: Db) {
  const rows = await db.select({ id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt, deactivatedAt: user.deactivatedAt }).from(user).orderBy(user.createdAt);
  return rows.map(({ deactivatedAt, ...u }) => ({ ...u, active: deactivatedAt === null, deactivatedAt: deactivatedAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString() }));
}

/** Refuses a password the policy does not accept, naming why (see core/password-policy). */
export function assertAcceptablePassword(password: string, email?: string) {
  const problem = passwordProblem(password, email);
  if (problem) throw new AppError({ code: 'weak_password', status: 400, message: `The password ${problem}.`, hint: 'Choose a longer password or a phrase of several words that is not used elsewhere.', details: { field: 'password' } });
}

export interface UserChange {
  role?: Role;
  active?: boolean;
}

/**
 * Changes a user's role or takes their access away. Deactivation ends their sessions and revokes
 * their API tokens in the same transaction, so someone who leaves loses access at once. The last
 * active admin can be neither demoted nor deactivated, and nobody deactivates themselves: either
 * would lock the workspace out of its own settings.
 */
export async function updateUser(db: Db, actorId: string, id: string, change: UserChange) {
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ id: user.id, email: user.email, role: user.role, deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.id, id)).for('update');
    if (!target) throw new AppError({ code: 'user_not_found', status: 404, message: 'There is no user with this id.', hint: 'List the users (GET /api/users) and use one of their ids.' });
    if (change.active === false && id === actorId) {
      throw new AppError({ code: 'cannot_deactivate_self', status: 409, message: 'You cannot deactivate your own account.', hint: 'Ask another admin to do it.' });
    }
    const staysActiveAdmin = (change.role ?? target.role) === 'admin' && (change.active ?? target.deactivatedAt === null);
    if (target.role === 'admin' && target.deactivatedAt === null && !staysActiveAdmin) {
      const [{ n }] = await tx.select({ n: count() }).from(user).where(and(eq(user.role, 'admin'), isNull(user.deactivatedAt), ne(user.id, id)));
      if (n === 0) throw new AppError({ code: 'last_admin', status: 409, message: `${target.email} is the only active admin.`, hint: 'Make another user an admin first, then change this account.' });
    }
    const deactivatedAt = change.active === undefined ? target.deactivatedAt : change.active ? null : (target.deactivatedAt ?? new Date());
    await tx.update(user).set({ role: change.role ?? target.role, deactivatedAt, updatedAt: new Date() }).where(eq(user.id, id));
    let endedSessions = 0;
    let revokedTokens = 0;
    if (change.active === false) {
      endedSessions = await endSessions(tx as unknown as Db, id);
      revokedTokens = await revokeApiTokens(tx as unknown as Db, id);
    }
    return { id, role: change.role ?? target.role, active: deactivatedAt === null, endedSessions, revokedTokens };
  });
}

/** Whether the account with this email was deactivated (false for unknown emails). */
export async function isDeactivated(db: Db, email: string): Promise<boolean> {
  const [row] = await db.select({ deactivatedAt: user.deactivatedAt }).from(user).where(eq(user.email, email.trim().toLowerCase()));
  return Boolean(row?.deactivatedAt);
}

export async function listApiTokens(db: Db, userId: string) {
  const rows = await db.select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(apiTokens.createdAt);
  return rows.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null }));
}

export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<void> {
  const removed = await db.delete(apiTokens).where(and(eq(apiTokens.userId, userId), eq(apiTokens.id, tokenId))).returning({ id: apiTokens.id });
  if (!removed.length) throw new AppError({ code: 'token_not_found', status: 404, message: 'This user has no API token with this id.', hint: 'List the user\'s tokens (GET /api/users/:id/tokens) and use one of their ids.' });
}
