import type { WorkspaceSettings } from '../contract/settings';
import { RATE_LIMIT_PRESETS, type RateLimitConfig, type RateLimitPresetId } from '../core/rate-limit';
import { DEFAULT_RETRY_POLICY, mergeRetryPolicy, type RetryPolicy } from '../core/retry-policy';
import type { ProviderSource } from './choose-provider';
import type { Provider } from './providers/types';
import { limiterFor, limiterKey, type RateLimiter } from './rate-limiter';

/** Everything a worker needs to generate one item of a run. */
export interface RunRuntime {
  provider: Provider;
  retryPolicy: RetryPolicy;
  limiter: RateLimiter;
  maxTokens: number;
  temperature: number;
  /** Percent of the spending limit at which the run warns once. */
  warnAtPercent: number;
  /** Strip personal data from payloads before they are logged. */
  redactPii: boolean;
  /** Whether the run has a spending limit (reservations are needed only then). */
  hasSpendingLimit: boolean;
}

export interface RunSettingsRow {
  provider: string;
  model: string;
  retryPolicy: Record<string, unknown> | null;
  spendingLimitUsd: number | null;
}

/** The workspace's rate limits for a provider; the offline generator is never rate limited. */
export function rateLimitsFor(settings: WorkspaceSettings, providerName: string): RateLimitConfig {
  const { rateLimitPreset, customRateLimits, concurrency } = settings.generation;
  const limits =
    providerName === 'offline'
      ? RATE_LIMIT_PRESETS.unlimited.limits
      : rateLimitPreset === 'custom' && customRateLimits
        ? customRateLimits
        : (RATE_LIMIT_PRESETS[rateLimitPreset as RateLimitPresetId] ?? RATE_LIMIT_PRESETS['anthropic-tier-1']).limits;
  return { ...limits, maxConcurrency: Math.min(limits.maxConcurrency, concurrency) };
}

export async function runtimeFor(providers: ProviderSource, settings: WorkspaceSettings, run: RunSettingsRow): Promise<RunRuntime> {
  const provider = await providers.forRun(run.provider, run.model);
  return {
    provider,
    retryPolicy: mergeRetryPolicy(settings.generation.retryPolicy ?? DEFAULT_RETRY_POLICY, (run.retryPolicy ?? undefined) as Partial<RetryPolicy> | undefined),
    limiter: limiterFor(limiterKey(provider.info.name, provider.info.model), rateLimitsFor(settings, provider.info.name)),
    maxTokens: settings.generation.maxTokens,
    temperature: settings.generation.temperature,
    warnAtPercent: settings.budget.warnAtPercent,
    redactPii: settings.privacy.redactPiiInLogs,
    hasSpendingLimit: run.spendingLimitUsd !== null,
  };
}
