import { RATE_LIMIT_PRESETS } from '../../src/core/rate-limit-presets';
import { DEFAULT_RETRY_POLICY, mergeRetryPolicy, type RetryPolicy } from '../../src/core/retry-policy';
import type { ProviderSource } from '../../src/generation/choose-provider';
import type { Provider } from '../../src/generation/providers/types';
import { createRateLimiter } from '../../src/generation/rate-limiter';
import type { RunRuntime } from '../../src/generation/run-runtime';

/** A provider source that always answers with `provider` (for workers in tests). */
export const sourceOf = (provider: Provider): ProviderSource => ({ current: async () => provider, forRun: async () => provider });

/** What a worker would hand processItem, with a fresh unlimited rate limiter. */
export function runtimeOf(provider: Provider, policy: Partial<RetryPolicy> = {}): RunRuntime {
  return {
    provider,
    retryPolicy: mergeRetryPolicy(DEFAULT_RETRY_POLICY, policy),
    limiter: createRateLimiter(RATE_LIMIT_PRESETS.unlimited.limits),
    maxTokens: 4096,
    temperature: 0.8,
    warnAtPercent: 80,
    redactPii: false,
    hasSpendingLimit: true,
  };
}
