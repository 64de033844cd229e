import type { WorkspaceSettings } from '../contract/settings';
import { DEFAULT_RETRY_POLICY, mergeRetryPolicy, type RetryPolicy } from '../core/retry-policy';
import type { ProviderSource } from './choose-provider';
import type { Provider } from './providers/types';
import { providerLimiter, type LearnedListener, type LimiterKey } from './provider-limiters';
import type { RateLimiter } from './rate-limiter';

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

/** Whose rate limits a provider's calls count against. */
export function limiterKeyOf(provider: Provider): LimiterKey {
  return { provider: provider.info.name, account: provider.account ?? 'default', model: provider.info.model };
}

/** `onLearned` hears of the limits the provider announces, to keep them where every process can read them. */
export async function runtimeFor(providers: ProviderSource, settings: WorkspaceSettings, run: RunSettingsRow, onLearned?: LearnedListener): Promise<RunRuntime> {
  const provider = await providers.forRun(run.provider, run.model);
  return {
    provider,
    retryPolicy: mergeRetryPolicy(settings.generation.retryPolicy ?? DEFAULT_RETRY_POLICY, (run.retryPolicy ?? undefined) as Partial<RetryPolicy> | undefined),
    limiter: providerLimiter(limiterKeyOf(provider), settings.generation, onLearned),
    maxTokens: settings.generation.maxTokens,
    temperature: settings.generation.temperature,
    warnAtPercent: settings.budget.warnAtPercent,
    redactPii: settings.privacy.redactPiiInLogs,
    hasSpendingLimit: run.spendingLimitUsd !== null,
  };
}
