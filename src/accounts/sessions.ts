import { eq, notLike, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { apiTokens, session } from '../db/schema';

/**
 * Sessions made before their tokens were stored hashed (see server/session-token-hash.ts) are
 * converted in place, so nobody is signed out by the upgrade. Idempotent.
 */
export async function hashStoredSessionTokens(db: Db): Promise<number> {
  const converted = await db
    .update(session)
    .set({ token: sql`'sha256:' || encode(sha256(convert_to(${session.token}, 'UTF8')), 'hex')` })
    .where(notLike(session.token, 'sha256:%'))
    .returning({ id: session.id });
  return converted.length;
}

/** Signs the user out everywhere at once. */
export async function endSessions(db: Db, userId: string): Promise<number> {
  return (await db.delete(session).where(eq(session.userId, userId)).returning({ id: session.id })).length;
}

/** Revokes every API token of the user. */
export async function revokeApiTokens(db: Db, userId: string): Promise<number> {
  return (await db.delete(apiTokens).where(eq(apiTokens.userId, userId)).returning({ id: apiTokens.id })).length;
}
