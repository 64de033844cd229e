import { z } from 'zod';
import { ROLES } from '../accounts/roles';

export const PROVIDER_NAMES = ['offline', 'anthropic', 'openai'] as const;

export const health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), provider: z.enum(PROVIDER_NAMES), version: z.string() });
export type Health = z.infer<typeof health>;

export const providerInfo = z.object({ name: z.enum(PROVIDER_NAMES), model: z.string(), reason: z.string(), typicalSeconds: z.number() });
export type ProviderInfo = z.infer<typeof providerInfo>;

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
