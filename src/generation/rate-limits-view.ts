import type { RateLimitsView, WorkspaceSettings } from '../contract/settings';
import { LIMIT_FIELDS, resolveRateLimits } from '../core/rate-limit-policy';
import type { Db } from '../db/client';
import { listObservedLimits, observedLimitsFor, providerModelKey, toProviderLimits } from '../db/queries/provider-limits';
import type { Provider } from './providers/types';
import { limiterKeyOf } from './run-runtime';

/**
 * The limits the current provider's calls are paced by, read from what any process last stored:
 * the worker that made the calls may run apart from this server.
 */
export async function presentRateLimits(db: Db, settings: WorkspaceSettings, provider: Provider): Promise<RateLimitsView> {
  const key = limiterKeyOf(provider);
  const observed = key.provider === 'offline' ? null : await observedLimitsFor(db, key);
  const resolved = resolveRateLimits(settings.generation, key.provider, observed?.limits);
  const seen = new Set([providerModelKey(key.provider, key.model)]);
  const others: RateLimitsView['others'] = [];
  for (const other of await listObservedLimits(db)) {
    const pair = providerModelKey(other.provider, other.model);
    if (seen.has(pair)) continue;
    seen.add(pair);
    others.push({ provider: other.provider, model: other.model, ...toProviderLimits(other) });
  }
  return {
    provider: key.provider,
    model: key.model,
    mode: settings.generation.rateLimitPreset,
    announced: observed ? toProviderLimits(observed) : null,
    fields: LIMIT_FIELDS.map((field) => ({ field, value: resolved.limits[field] ?? null, source: resolved.sources[field] })),
    // While nothing is known runs start one call at a time, then go up to this.
    maxConcurrency: resolved.probing ? settings.generation.concurrency : resolved.limits.maxConcurrency,
    others,
  };
}
