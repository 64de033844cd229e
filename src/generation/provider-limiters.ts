import { learnedFrom, resolveRateLimits, sameLearned, type LearnedLimits, type RateLimitSettings, type ResolvedRateLimits } from '../core/rate-limit-policy';
import { ARRIVAL_MARGIN_MS, type RateLimitConfig } from '../core/rate-limit';
import { createRateLimiter, type RateLimiter } from './rate-limiter';

/** Providers limit each API key and model apart; `account` is the key's fingerprint. */
export interface LimiterKey {
  provider: string;
  account: string;
  model: string;
}

/** Told when a provider's announced limits are new or have changed, and now and then while they hold. */
export type LearnedListener = (key: LimiterKey, learned: LearnedLimits, observedAt: Date) => void;

/** How often unchanged limits are passed on again, so "when observed" stays current. */
export const RELEARN_NOTICE_MS = 60_000;

interface Entry {
  key: LimiterKey;
  limiter: RateLimiter;
  settings: RateLimitSettings;
  /** Undefined until the first answer; {} when answers announce nothing. */
  learned: LearnedLimits | undefined;
  resolved: ResolvedRateLimits;
  noticedAt: number;
  onLearned?: LearnedListener;
}

const entries = new Map<string, Entry>();

/** `anthropic:3f9a…:claude-sonnet-4-6`. */
export function limiterId(key: LimiterKey): string {
  return `${key.provider}:${key.account}:${key.model}`;
}

/**
 * The one limiter for this provider, key and model in this process, so all runs share its budget.
 * It starts from the workspace's settings — when learning, one call at a time — and follows the
 * limits every answer announces; changed settings apply in place.
 */
export function providerLimiter(key: LimiterKey, settings: RateLimitSettings, onLearned?: LearnedListener): RateLimiter {
  const id = limiterId(key);
  let entry = entries.get(id);
  if (!entry) {
    const resolved = resolveRateLimits(settings, key.provider, undefined);
    const created: Entry = { key, settings, learned: undefined, resolved, noticedAt: -Infinity, limiter: undefined as unknown as RateLimiter };
    created.limiter = createRateLimiter(resolved.limits, { arrivalMarginMs: ARRIVAL_MARGIN_MS, onAnswer: (announced) => learn(created, announced ? learnedFrom(announced) : {}) });
    entries.set(id, created);
    entry = created;
  } else if (!sameSettings(entry.settings, settings)) {
    entry.settings = settings;
    apply(entry);
  }
  if (onLearned) entry.onLearned = onLearned;
  return entry.limiter;
}

/** What this process's limiter for `key` is using now and why, or null when it has made no calls. */
export function limiterState(key: LimiterKey): ResolvedRateLimits | null {
  return entries.get(limiterId(key))?.resolved ?? null;
}

/** Forgets every limiter; for tests. */
export function resetProviderLimiters(): void {
  entries.clear();
}

function learn(entry: Entry, learned: LearnedLimits): void {
  const announcesNothing = Object.keys(learned).length === 0;
  // An answer without rate-limit headers (an error page, a proxy) does not unlearn what others announced.
  if (announcesNothing && entry.learned !== undefined) return;
  const changed = entry.learned === undefined || !sameLearned(entry.learned, learned);
  entry.learned = learned;
  if (changed) apply(entry);
  const now = Date.now();
  if (!announcesNothing && (changed || now - entry.noticedAt >= RELEARN_NOTICE_MS)) {
    entry.noticedAt = now;
    entry.onLearned?.(entry.key, learned, new Date(now));
  }
}

function apply(entry: Entry): void {
  entry.resolved = resolveRateLimits(entry.settings, entry.key.provider, entry.learned);
  if (!sameConfig(entry.limiter.snapshot().limits, entry.resolved.limits)) entry.limiter.reconfigure(entry.resolved.limits);
}

function sameSettings(a: RateLimitSettings, b: RateLimitSettings): boolean {
  return JSON.stringify([a.rateLimitPreset, a.customRateLimits, a.rateLimitOverrides ?? {}, a.concurrency]) === JSON.stringify([b.rateLimitPreset, b.customRateLimits, b.rateLimitOverrides ?? {}, b.concurrency]);
}

function sameConfig(a: RateLimitConfig, b: RateLimitConfig): boolean {
  return (
    a.requestsPerMinute === b.requestsPerMinute &&
    a.inputTokensPerMinute === b.inputTokensPerMinute &&
    a.outputTokensPerMinute === b.outputTokensPerMinute &&
    (a.tokensPerMinute ?? null) === (b.tokensPerMinute ?? null) &&
    a.maxConcurrency === b.maxConcurrency
  );
}
