import { z } from 'zod';
import { ROLES } from '../core/roles';

export const PROVIDER_NAMES = ['offline', 'anthropic', 'openai'] as const;

export const health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), provider: z.enum(PROVIDER_NAMES), version: z.string() });
export type Health = z.infer<typeof health>;

export const providerInfo = z.object({ name: z.enum(PROVIDER_NAMES), model: z.string(), reason: z.string(), typicalSeconds: z.number() });
export type ProviderInfo = z.infer<typeof providerInfo>;

/**
 * Why new runs use the offline generator, so the app can say what would change that: `no_key`
 * (an Anthropic API key saved in Settings takes effect at once), `settings` (the workspace
 * chose the offline generator in Settings → Generation), `environment` (CONVGEN_PROVIDER=offline
 * where convgen runs overrides Settings: only a restart without it changes that).
 */
export const OFFLINE_CAUSES = ['no_key', 'settings', 'environment'] as const;
export type OfflineCause = (typeof OFFLINE_CAUSES)[number];

/** GET /api/provider: the provider new runs use, and when it is the offline generator, why. */
export const providerStatus = providerInfo.extend({ offlineCause: z.enum(OFFLINE_CAUSES).nullable() });
export type ProviderStatus = z.infer<typeof providerStatus>;

export const me = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() });
export type Me = z.infer<typeof me>;

export const userSummary = me.extend({ createdAt: z.string(), active: z.boolean(), deactivatedAt: z.string().nullable() });

/** PATCH /api/users/:id — what an admin may change about a user. */
export const userChange = z
  .object({
    role: z.enum(ROLES).optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((c) => c.role !== undefined || c.active !== undefined, { message: 'must name a role or active' });

export const userChanged = z.object({ id: z.string(), role: z.string(), active: z.boolean(), endedSessions: z.number().int(), revokedTokens: z.number().int() });

export const apiTokenSummary = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });

/** GET /api/setup: whether the first admin account still has to be created. */
export const setupStatus = z.object({ needsSetup: z.boolean() });
export type SetupStatus = z.infer<typeof setupStatus>;

/** POST /api/setup and POST /api/users with a password: the new account. */
export const createdUser = z.object({ id: z.string() });
export type CreatedUser = z.infer<typeof createdUser>;

export const userList = z.object({ items: z.array(userSummary) });
export type UserList = z.infer<typeof userList>;

/** POST /api/users: without a password, a one-time link where the user chooses one (and its path, for a server behind another address). */
export const newUserResult = z.object({ id: z.string(), inviteUrl: z.string().optional(), invitePath: z.string().optional() });
export type NewUserResult = z.infer<typeof newUserResult>;

/** GET /api/invitations/:token: who the link is for. */
export const invitation = z.object({ email: z.string(), name: z.string() });
export type Invitation = z.infer<typeof invitation>;

/** POST /api/invitations/accept: the account that can now sign in. */
export const acceptedInvitation = z.object({ email: z.string() });
export type AcceptedInvitation = z.infer<typeof acceptedInvitation>;

/** POST /api/auth/sign-in/email: who signed in (the session itself is only in the HttpOnly cookie). */
export const signInResult = z.object({ user: z.object({ id: z.string(), email: z.string(), name: z.string() }).passthrough() }).passthrough();
export type SignInResult = z.infer<typeof signInResult>;

export const signOutResult = z.object({ success: z.boolean() });
export type SignOutResult = z.infer<typeof signOutResult>;

/** POST /api/users/:id/sign-out: how many of the user's sessions were ended. */
export const sessionsEnded = z.object({ endedSessions: z.number().int() });
export type SessionsEnded = z.infer<typeof sessionsEnded>;

export const apiTokenList = z.object({ items: z.array(apiTokenSummary) });
export type ApiTokenList = z.infer<typeof apiTokenList>;
