import { z } from 'zod';

export const PROVIDER_NAMES = ['offline', 'anthropic', 'openai'] as const;

export const health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), provider: z.enum(PROVIDER_NAMES), version: z.string() });
export type Health = z.infer<typeof health>;

export const providerInfo = z.object({ name: z.enum(PROVIDER_NAMES), model: z.string(), reason: z.string(), typicalSeconds: z.number() });
export type ProviderInfo = z.infer<typeof providerInfo>;

export const me = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() });
export type Me = z.infer<typeof me>;

export const userSummary = me.extend({ createdAt: z.string() });
