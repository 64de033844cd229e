import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, count, eq, ne } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import { AppError } from '../core/errors';
import type { Db } from '../db/client';
import { account, apiTokens, user } from '../db/schema';
import type { Role } from './roles';

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
  const [found] = await db.select({ id: user.id }).from(user).where(eq(user.email, normalized));
  if (!found) return (await createUser(db, { email: normalized, name: 'Admin', role: 'admin', password })).id;
  const hashed = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(user).set({ role: 'admin', updatedAt: new Date() }).where(eq(user.id, found.id));
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
    .where(eq(apiTokens.tokenHash, hashToken(token)));
  return row ?? null;
}

/** The earliest admin: who CONVGEN_API_TOKEN belongs to when no admin email is configured. */
export async function firstAdminId(db: Db): Promise<string | null> {
  const [row] = await db.select({ id: user.id }).from(user).where(eq(user.role, 'admin')).orderBy(user.createdAt).limit(1);
  return row?.id ?? null;
}

export async function listUsers(db: Db) {
  const rows = await db.select({ id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt }).from(user).orderBy(user.createdAt);
  return rows.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }));
}
