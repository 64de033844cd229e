import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Db } from '../db/client';
import { account, session, user, verification } from '../db/schema';
import { hashingSessionTokens } from './session-token-hash';

/** The header carrying the client's address from Fastify to better-auth (overwritten on every request). */
export const CLIENT_IP_HEADER = 'x-convgen-client-ip';

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
    // Sessions are stored by the hash of their token (see session-token-hash.ts).
    database: hashingSessionTokens(drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification } })),
    secret,
    baseURL,
    basePath: '/api/auth',
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: { additionalFields: { role: { type: 'string', input: false, defaultValue: 'viewer' }, deactivatedAt: { type: 'date', input: false, required: false } } },
    // No cookie cache: a signed-out session must stop working at once, not a minute later.
    session: { expiresIn: 60 * 60 * 24 * 30 },
    // The app is served from one origin; any host name the user reaches it by is accepted.
    trustedOrigins: (request) => (request ? [new URL(request.url).origin] : []),
    // A backstop per client address; failed sign-ins are limited per account and address by our
    // own route (server/sign-in-limiter.ts), so one guesser does not lock out a whole office.
    // (better-auth's own default for sign-in is 3 per 10 seconds per address: replaced.)
    rateLimit: { enabled: true, storage: 'memory', window: 60, max: 100, customRules: { '/sign-in/email': { window: 60, max: 100 } } },
    advanced: {
      useSecureCookies: baseURL.startsWith('https://'),
      // Set by our own proxy route from the connection, never taken from the client.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    telemetry: { enabled: false },
    logger: { disabled: true },
  });
}
export type Auth = ReturnType<typeof createAuth>;
