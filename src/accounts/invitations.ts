import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gt, like } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import { AppError } from '../core/errors';
import type { Db } from '../db/client';
import { account, user, verification } from '../db/schema';
import { assertAcceptablePassword, createUser, hashToken, type NewUser } from './users';

const INVITE_DAYS = 7;
const PREFIX = 'invite:';

const invalid = () =>
  new AppError({
    code: 'invitation_invalid',
    status: 404,
    message: 'This invitation link is not valid any more.',
    hint: 'Invitations work once and expire after 7 days. Ask your workspace admin for a new one.',
  });

/** Creates a user without a password together with their invitation: both or neither. */
export async function createInvitedUser(db: Db, input: Omit<NewUser, 'password'>): Promise<{ id: string; token: string }> {
  return db.transaction(async (tx) => {
    const { id } = await createUser(tx as unknown as Db, input);
    return { id, token: await createInvitation(tx as unknown as Db, id) };
  });
}

/**
 * An invitation lets a user created without a password choose one. Only a hash of the token
 * is stored (in better-auth's verification table), so the database never holds a usable link.
 */
export async function createInvitation(db: Db, userId: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db.delete(verification).where(eq(verification.identifier, `${PREFIX}${userId}`));
  await db.insert(verification).values({
    id: randomUUID(),
    identifier: `${PREFIX}${userId}`,
    value: hashToken(token),
    expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000),
  });
  return token;
}

async function findInvitation(db: Db, token: string) {
  const [row] = await db
    .select({ id: verification.id, identifier: verification.identifier })
    .from(verification)
    .where(and(eq(verification.value, hashToken(token)), like(verification.identifier, `${PREFIX}%`), gt(verification.expiresAt, new Date())));
  if (!row) throw invalid();
  const userId = row.identifier.slice(PREFIX.length);
  const [invited] = await db.select({ id: user.id, email: user.email, name: user.name }).from(user).where(eq(user.id, userId));
  if (!invited) throw invalid();
  return { verificationId: row.id, user: invited };
}

export async function describeInvitation(db: Db, token: string) {
  const { user: invited } = await findInvitation(db, token);
  return { email: invited.email, name: invited.name };
}

/** Sets the invited user's password and uses up the invitation, in one transaction. */
export async function acceptInvitation(db: Db, token: string, password: string): Promise<{ email: string }> {
  const { verificationId, user: invited } = await findInvitation(db, token);
  assertAcceptablePassword(password, invited.email);
  const hashed = await hashPassword(password);
  await db.transaction(async (tx) => {
    // Using up the invitation first means two simultaneous accepts cannot both succeed.
    const used = await tx.delete(verification).where(eq(verification.id, verificationId)).returning({ id: verification.id });
    if (!used.length) throw invalid();
    await tx.update(account).set({ password: hashed, updatedAt: new Date() }).where(and(eq(account.userId, invited.id), eq(account.providerId, 'credential')));
  });
  return { email: invited.email };
}
