import { z } from 'zod';
import type { ProviderErrorKind } from './provider-errors';

/**
 * How a failed provider call is retried (US12.1.1, US12.1.2): how many attempts, how long to wait
 * between them, and which kinds of error are worth another try. Pure: the caller supplies the
 * attempt number and any retry-after the provider sent, and does the waiting itself.
 */

/** A provider may ask for a long pause; past five minutes we would rather fail and let a person look. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

export const RETRY_STRATEGIES = ['exponential', 'linear', 'fixed'] as const;
export type RetryStrategy = (typeof RETRY_STRATEGIES)[number];

/** Plural nouns for sentences. Typed as a full record so a new error kind cannot be forgotten here. */
const KIND_NOUNS: Record<ProviderErrorKind, string> = {
  rate_limited: 'rate limits',
  overloaded: 'overloads',
  timeout: 'timeouts',
  server: 'server errors',
  network: 'network failures',
  invalid_request: 'invalid requests',
  auth: 'authentication errors',
  malformed_output: 'malformed output',
};

export const PROVIDER_ERROR_KINDS = Object.keys(KIND_NOUNS) as [ProviderErrorKind, ...ProviderErrorKind[]];

const attemptsSchema = z.number().int().min(1).max(10);

export const kindRuleSchema = z.object({ retry: z.boolean(), maxAttempts: attemptsSchema.optional() });
export type KindRule = z.infer<typeof kindRuleSchema>;

/** Transient failures are retried; a bad request or a bad key fails the same way every time. */
const DEFAULT_KIND_RULES: Record<ProviderErrorKind, KindRule> = {
  rate_limited: { retry: true },
  overloaded: { retry: true },
  timeout: { retry: true },
  server: { retry: true },
  network: { retry: true },
  malformed_output: { retry: true },
  invalid_request: { retry: false },
  auth: { retry: false },
};

// The bare fields, without defaults, so a per-run override can leave any of them out.
const policyFields = {
  maxAttempts: attemptsSchema,
  strategy: z.enum(RETRY_STRATEGIES),
  baseDelayMs: z.number().int().min(0).max(600_000),
  maxDelayMs: z.number().int().min(0).max(600_000),
  perKind: z.partialRecord(z.enum(PROVIDER_ERROR_KINDS), kindRuleSchema),
};

export const retryPolicySchema = z.object({
  maxAttempts: policyFields.maxAttempts.default(3),
  strategy: policyFields.strategy.default('exponential'),
  baseDelayMs: policyFields.baseDelayMs.default(1000),
  maxDelayMs: policyFields.maxDelayMs.default(60_000),
  perKind: policyFields.perKind.default(() => ({ ...DEFAULT_KIND_RULES })),
});
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

/** What a run may override: every field optional and nothing filled in by default. */
export const retryPolicyOverrideSchema = z.object(policyFields).partial();
export type RetryPolicyOverride = z.infer<typeof retryPolicyOverrideSchema>;

/** Tuned for Claude: 3 attempts, waiting 1 s then 2 s (the 1, 2, 4, 8, 16 s series of US12.1.1). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = deepFreeze(retryPolicySchema.parse({}));

/** Applies a run's override to a base policy; `perKind` entries replace the base's entry of the same kind only. */
export function mergeRetryPolicy(base: RetryPolicy, override?: Partial<RetryPolicy>): RetryPolicy {
  if (!override) return { ...base, perKind: { ...base.perKind } };
  // Skip keys present but undefined, so `{ maxAttempts: undefined }` keeps the base value.
  const defined = withoutUndefined(override) as Partial<RetryPolicy>;
  return { ...base, ...defined, perKind: { ...base.perKind, ...withoutUndefined(override.perKind ?? {}) } };
}

function ruleFor(policy: RetryPolicy, kind: ProviderErrorKind): KindRule {
  return policy.perKind[kind] ?? DEFAULT_KIND_RULES[kind];
}

/** The most attempts an error of this kind gets (1 when it is never retried). */
export function attemptsFor(policy: RetryPolicy, kind: ProviderErrorKind): number {
  const rule = ruleFor(policy, kind);
  return rule.retry ? (rule.maxAttempts ?? policy.maxAttempts) : 1;
}

/**
 * The wait after attempt number `attempt` (1-based) failed: exponential base·2^(attempt−1),
 * linear base·attempt, fixed base; never more than `maxDelayMs`.
 */
export function delayForAttempt(policy: RetryPolicy, attempt: number): number {
  const n = Math.max(1, Math.floor(Number.isFinite(attempt) ? attempt : 1));
  const base = policy.baseDelayMs;
  // The exponent is bounded so a zero base never meets an infinite factor (0·∞ is NaN).
  const raw = policy.strategy === 'exponential' ? base * 2 ** Math.min(n - 1, 40) : policy.strategy === 'linear' ? base * n : base;
  return Math.min(raw, policy.maxDelayMs);
}

export type RetryDecision = { retry: false; reason: string } | { retry: true; delayMs: number };

const NOT_RETRIED_BY_NATURE: Partial<Record<ProviderErrorKind, string>> = {
  invalid_request: 'Invalid requests are not retried: the same request would fail again.',
  auth: 'Authentication errors are not retried: check the API key and its permissions.',
};

/**
 * Whether to try again after attempt `attempt` failed with an error of `kind`, and how long to
 * wait first. A provider's retry-after is honoured when it is longer than our own backoff
 * (the provider knows when its window reopens), but never beyond MAX_RETRY_AFTER_MS.
 */
export function decideRetry(policy: RetryPolicy, failure: { kind: ProviderErrorKind; attempt: number; retryAfterMs?: number }): RetryDecision {
  const { kind, attempt, retryAfterMs } = failure;
  const rule = ruleFor(policy, kind);
  if (!rule.retry) {
    return { retry: false, reason: NOT_RETRIED_BY_NATURE[kind] ?? `${capitalize(KIND_NOUNS[kind])} ${isOrAre([kind])} not retried under this retry policy.` };
  }
  const limit = rule.maxAttempts ?? policy.maxAttempts;
  if (attempt >= limit) return { retry: false, reason: `Gave up after ${plural(Math.max(attempt, 1), 'attempt')}.` };
  const backoff = delayForAttempt(policy, attempt);
  const asked = retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? Math.min(retryAfterMs, MAX_RETRY_AFTER_MS) : 0;
  return { retry: true, delayMs: Math.max(backoff, asked) };
}

/**
 * One sentence for settings and run pages, e.g. "Up to 3 attempts, waiting 1 s, then 2 s;
 * rate limits, … and malformed output are retried; invalid requests and authentication errors are not."
 */
export function describeRetryPolicy(policy: RetryPolicy): string {
  const retried = PROVIDER_ERROR_KINDS.filter((k) => ruleFor(policy, k).retry);
  const notRetried = PROVIDER_ERROR_KINDS.filter((k) => !ruleFor(policy, k).retry);
  if (retried.length === 0) return 'Failed requests are not retried.';

  const most = Math.max(...retried.map((k) => attemptsFor(policy, k)));
  const head = most === 1 ? '1 attempt, no retries' : `Up to ${plural(most, 'attempt')}, waiting ${describeWaits(policy, most - 1)}`;
  const kinds = `${listJoin(retried.map((k) => KIND_NOUNS[k]))} ${isOrAre(retried)} retried`;
  const others = notRetried.length ? `; ${listJoin(notRetried.map((k) => KIND_NOUNS[k]))} ${isOrAre(notRetried)} not` : '';
  const exceptions = retried
    .filter((k) => ruleFor(policy, k).maxAttempts !== undefined && ruleFor(policy, k).maxAttempts !== policy.maxAttempts)
    .map((k) => ` ${capitalize(KIND_NOUNS[k])}: up to ${plural(attemptsFor(policy, k), 'attempt')}.`)
    .join('');
  return `${head}; ${kinds}${others}.${exceptions}`;
}

/** The waits between attempts: at most three shown, then an ellipsis; a fixed delay reads as one. */
function describeWaits(policy: RetryPolicy, waits: number): string {
  if (policy.strategy === 'fixed' || waits === 1) {
    return `${formatWait(delayForAttempt(policy, 1))}${waits === 1 ? '' : ' between attempts'}`;
  }
  const shown = Array.from({ length: Math.min(waits, 3) }, (_, i) => formatWait(delayForAttempt(policy, i + 1)));
  return waits > 3 ? `${shown.join(', ')} …` : `${shown.slice(0, -1).join(', ')}, then ${shown[shown.length - 1]}`;
}

/** "500 ms", "1.5 s", "30 s", "2 min", "1 min 30 s". Rounds up, so a countdown never promises too little. */
export function formatWait(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0 s';
  if (ms < 1000) return `${Math.ceil(ms)} ms`;
  if (ms < 60_000) {
    const tenths = Math.ceil(ms / 100) / 10;
    return tenths < 60 ? `${tenths} s` : '1 min';
  }
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The shared default must not be changed by accident through some caller's reference. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "malformed output is", but "timeouts are" and "timeouts and malformed output are". */
function isOrAre(kinds: ProviderErrorKind[]): string {
  return kinds.length === 1 && kinds[0] === 'malformed_output' ? 'is' : 'are';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listJoin(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
