import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Db } from '../db/client';
import { account, session, user, verification } from '../db/schema';

export interface AuthOptions {
  db: Db;
  secret: string;
  baseURL: string;
}

/**
 * better-auth handles passwords, sessions and cookies. Sign-up is closed: accounts are made
 * by the first-run page, the admin, or the CLI (src/accounts/users.ts).
 */
export function createAuth({ db, secret, baseURL }: AuthOptions) {
  return betterAuth({
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification } }),
    secret,
    baseURL,
    basePath: '/api/auth',
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: { additionalFields: { role: { type: 'string', input: false, defaultValue: 'viewer' } } },
    // No cookie cache: a signed-out session must stop working at once, not a minute later.
    session: { expiresIn: 60 * 60 * 24 * 30 },
    // The app is served from one origin; any host name the user reaches it by is accepted.
    trustedOrigins: (request) => (request ? [new URL(request.url).origin] : []),
    advanced: { useSecureCookies: baseURL.startsWith('https://') },
    logger: { disabled: true },
  });
}
export type Auth = ReturnType<typeof createAuth>;
