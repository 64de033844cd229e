import { and, desc, eq, or } from 'drizzle-orm';
import type { ProviderLimits } from '../../contract/settings';
import type { LearnedLimits } from '../../core/rate-limit-policy';
import type { Db } from '../client';
import { providerRateLimits } from '../schema';

/** The limits a provider last announced for one key (by fingerprint) and model. */
export interface ObservedLimits {
  provider: string;
  account: string;
  model: string;
  limits: LearnedLimits;
  observedAt: Date;
}

type Row = typeof providerRateLimits.$inferSelect;

function present(row: Row): ObservedLimits {
  const limits: LearnedLimits = {};
  if (row.requestsPerMinute !== null) limits.requestsPerMinute = row.requestsPerMinute;
  if (row.inputTokensPerMinute !== null) limits.inputTokensPerMinute = row.inputTokensPerMinute;
  if (row.outputTokensPerMinute !== null) limits.outputTokensPerMinute = row.outputTokensPerMinute;
  if (row.tokensPerMinute !== null) limits.tokensPerMinute = row.tokensPerMinute;
  return { provider: row.provider, account: row.account, model: row.model, limits, observedAt: row.observedAt };
}

/** Stores what a provider announced; a later observation replaces an earlier one. */
export async function saveObservedLimits(db: Db, key: { provider: string; account: string; model: string }, limits: LearnedLimits, observedAt: Date): Promise<void> {
  const values = {
    requestsPerMinute: limits.requestsPerMinute ?? null,
    inputTokensPerMinute: limits.inputTokensPerMinute ?? null,
    outputTokensPerMinute: limits.outputTokensPerMinute ?? null,
    tokensPerMinute: limits.tokensPerMinute ?? null,
    observedAt,
  };
  await db
    .insert(providerRateLimits)
    .values({ ...key, ...values })
    .onConflictDoUpdate({ target: [providerRateLimits.provider, providerRateLimits.account, providerRateLimits.model], set: values });
}

export async function observedLimitsFor(db: Db, key: { provider: string; account: string; model: string }): Promise<ObservedLimits | null> {
  const [row] = await db
    .select()
    .from(providerRateLimits)
    .where(and(eq(providerRateLimits.provider, key.provider), eq(providerRateLimits.account, key.account), eq(providerRateLimits.model, key.model)));
  return row ? present(row) : null;
}

/** `anthropic:claude-sonnet-4-6`. */
export const providerModelKey = (provider: string, model: string) => `${provider}:${model}`;

/**
 * The latest observation for each provider and model, whichever key it was made with (a
 * workspace uses one key per provider; after a change of key the newest one is current).
 */
export async function latestObservedLimits(db: Db, pairs: { provider: string; model: string }[]): Promise<Map<string, ObservedLimits>> {
  const found = new Map<string, ObservedLimits>();
  const distinct = [...new Map(pairs.map((p) => [providerModelKey(p.provider, p.model), p])).values()];
  if (distinct.length === 0) return found;
  const rows = await db
    .select()
    .from(providerRateLimits)
    .where(or(...distinct.map((p) => and(eq(providerRateLimits.provider, p.provider), eq(providerRateLimits.model, p.model)))))
    .orderBy(desc(providerRateLimits.observedAt));
  for (const row of rows) {
    const key = providerModelKey(row.provider, row.model);
    if (!found.has(key)) found.set(key, present(row));
  }
  return found;
}

/** Every observation, newest first, for the Settings page. */
export async function listObservedLimits(db: Db, limit = 20): Promise<ObservedLimits[]> {
  const rows = await db.select().from(providerRateLimits).orderBy(desc(providerRateLimits.observedAt)).limit(limit);
  return rows.map(present);
}

/** An observation as the API shows it. */
export function toProviderLimits(observed: ObservedLimits): ProviderLimits {
  return {
    requestsPerMinute: observed.limits.requestsPerMinute ?? null,
    inputTokensPerMinute: observed.limits.inputTokensPerMinute ?? null,
    outputTokensPerMinute: observed.limits.outputTokensPerMinute ?? null,
    tokensPerMinute: observed.limits.tokensPerMinute ?? null,
    observedAt: observed.observedAt.toISOString(),
  };
}
