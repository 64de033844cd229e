import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  MAX_RETRY_AFTER_MS,
  PROVIDER_ERROR_KINDS,
  decideRetry,
  delayForAttempt,
  describeRetryPolicy,
  formatWait,
  mergeRetryPolicy,
  retryPolicyOverrideSchema,
  retryPolicySchema,
  type RetryPolicy,
} from './retry-policy';

const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => mergeRetryPolicy(DEFAULT_RETRY_POLICY, overrides);

describe('retryPolicySchema', () => {
  it('fills the Claude-tuned defaults: 3 attempts, exponential from 1 s, capped at 60 s', () => {
    expect(retryPolicySchema.parse({})).toEqual(DEFAULT_RETRY_POLICY);
    expect(DEFAULT_RETRY_POLICY).toMatchObject({ maxAttempts: 3, strategy: 'exponential', baseDelayMs: 1000, maxDelayMs: 60_000 });
  });

  it('retries transient kinds and never invalid requests or auth errors by default', () => {
    const retried = PROVIDER_ERROR_KINDS.filter((k) => DEFAULT_RETRY_POLICY.perKind[k]?.retry);
    expect(retried.sort()).toEqual(['malformed_output', 'network', 'overloaded', 'rate_limited', 'server', 'timeout']);
    expect(DEFAULT_RETRY_POLICY.perKind.invalid_request).toEqual({ retry: false });
    expect(DEFAULT_RETRY_POLICY.perKind.auth).toEqual({ retry: false });
  });

  it('rejects out-of-range values', () => {
    expect(retryPolicySchema.safeParse({ maxAttempts: 0 }).success).toBe(false);
    expect(retryPolicySchema.safeParse({ maxAttempts: 11 }).success).toBe(false);
    expect(retryPolicySchema.safeParse({ maxAttempts: 2.5 }).success).toBe(false);
    expect(retryPolicySchema.safeParse({ baseDelayMs: 600_001 }).success).toBe(false);
    expect(retryPolicySchema.safeParse({ strategy: 'random' }).success).toBe(false);
    expect(retryPolicySchema.safeParse({ perKind: { server: { retry: true, maxAttempts: 11 } } }).success).toBe(false);
    expect(retryPolicySchema.safeParse({ perKind: { teapot: { retry: true } } }).success).toBe(false);
  });

  it('leaves omitted fields out of an override instead of filling defaults', () => {
    expect(retryPolicyOverrideSchema.parse({ maxAttempts: 5 })).toEqual({ maxAttempts: 5 });
  });

  it('keeps the shared default from being changed through a reference', () => {
    expect(() => {
      (DEFAULT_RETRY_POLICY as { maxAttempts: number }).maxAttempts = 9;
    }).toThrow();
    expect(Object.isFrozen(DEFAULT_RETRY_POLICY.perKind.server)).toBe(true);
  });
});

describe('delayForAttempt', () => {
  it('doubles from the base for exponential: 1, 2, 4, 8, 16 s', () => {
    expect([1, 2, 3, 4, 5].map((n) => delayForAttempt(DEFAULT_RETRY_POLICY, n))).toEqual([1000, 2000, 4000, 8000, 16_000]);
  });

  it('grows by the base for linear and stays put for fixed', () => {
    expect([1, 2, 3].map((n) => delayForAttempt(policy({ strategy: 'linear', baseDelayMs: 500 }), n))).toEqual([500, 1000, 1500]);
    expect([1, 2, 3].map((n) => delayForAttempt(policy({ strategy: 'fixed', baseDelayMs: 750 }), n))).toEqual([750, 750, 750]);
  });

  it('caps every strategy at maxDelayMs', () => {
    expect(delayForAttempt(policy({ maxDelayMs: 5000 }), 4)).toBe(5000);
    expect(delayForAttempt(policy({ maxDelayMs: 5000 }), 3)).toBe(4000);
    expect(delayForAttempt(policy({ strategy: 'linear', baseDelayMs: 2000, maxDelayMs: 5000 }), 3)).toBe(5000);
    expect(delayForAttempt(policy({ strategy: 'fixed', baseDelayMs: 9000, maxDelayMs: 5000 }), 1)).toBe(5000);
    expect(delayForAttempt(DEFAULT_RETRY_POLICY, 1000)).toBe(60_000);
  });

  it('treats a zero base as no wait and a nonsense attempt as the first', () => {
    expect(delayForAttempt(policy({ baseDelayMs: 0 }), 5000)).toBe(0);
    expect(delayForAttempt(DEFAULT_RETRY_POLICY, 0)).toBe(1000);
    expect(delayForAttempt(DEFAULT_RETRY_POLICY, Number.NaN)).toBe(1000);
  });
});

describe('decideRetry', () => {
  it('retries a transient failure with the backoff until attempts run out', () => {
    expect(decideRetry(DEFAULT_RETRY_POLICY, { kind: 'server', attempt: 1 })).toEqual({ retry: true, delayMs: 1000 });
    expect(decideRetry(DEFAULT_RETRY_POLICY, { kind: 'timeout', attempt: 2 })).toEqual({ retry: true, delayMs: 2000 });
    expect(decideRetry(DEFAULT_RETRY_POLICY, { kind: 'server', attempt: 3 })).toEqual({ retry: false, reason: 'Gave up after 3 attempts.' });
  });

  it('never retries invalid requests or auth errors, and says why', () => {
    expect(decideRetry(DEFAULT_RETRY_POLICY, { kind: 'invalid_request', attempt: 1 })).toEqual({
      retry: false,
      reason: 'Invalid requests are not retried: the same request would fail again.',
    });
    const auth = decideRetry(DEFAULT_RETRY_POLICY, { kind: 'auth', attempt: 1 });
    expect(auth.retry).toBe(false);
    expect(!auth.retry && auth.reason).toMatch(/API key/);
  });

  it('follows per-kind rules: switched off, or with their own attempt limit', () => {
    const p = policy({ perKind: { malformed_output: { retry: false }, rate_limited: { retry: true, maxAttempts: 6 } } });
    expect(decideRetry(p, { kind: 'malformed_output', attempt: 1 })).toEqual({ retry: false, reason: 'Malformed output is not retried under this retry policy.' });
    expect(decideRetry(p, { kind: 'rate_limited', attempt: 5 })).toEqual({ retry: true, delayMs: 16_000 });
    expect(decideRetry(p, { kind: 'rate_limited', attempt: 6 })).toEqual({ retry: false, reason: 'Gave up after 6 attempts.' });
    expect(decideRetry(p, { kind: 'server', attempt: 3 }).retry).toBe(false);
  });

  it('falls back to the built-in rule for a kind the policy does not mention', () => {
    const p = retryPolicySchema.parse({ perKind: { server: { retry: false } } });
    expect(decideRetry(p, { kind: 'timeout', attempt: 1 }).retry).toBe(true);
    expect(decideRetry(p, { kind: 'auth', attempt: 1 }).retry).toBe(false);
  });

  it('waits out a longer retry-after, but keeps its own backoff when that is longer', () => {
    expect(decideRetry(DEFAULT_RETRY_POLICY, { kind: 'rate_limited', attempt: 1, retryAfterMs: 30_000 })).toEqual({ retry: true, delayMs: 30_000 });
    expect(decideRetry(DEFAULT_RETRY_POLICY, { kind: 'rate_limited', attempt: 2, retryAfterMs: 500 })).toEqual({ retry: true, delayMs: 2000 });
  });

  it('caps retry-after at five minutes, even past maxDelayMs', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(300_000);
    expect(decideRetry(DEFAULT_RETRY_POLICY, { kind: 'rate_limited', attempt: 1, retryAfterMs: 3_600_000 })).toEqual({ retry: true, delayMs: 300_000 });
    expect(decideRetry(DEFAULT_RETRY_POLICY, { kind: 'rate_limited', attempt: 1, retryAfterMs: 120_000 })).toEqual({ retry: true, delayMs: 120_000 });
  });

  it('ignores a retry-after that is not a positive number', () => {
    for (const retryAfterMs of [Number.NaN, -5, 0, Number.POSITIVE_INFINITY]) {
      expect(decideRetry(DEFAULT_RETRY_POLICY, { kind: 'rate_limited', attempt: 1, retryAfterMs })).toEqual({ retry: true, delayMs: 1000 });
    }
  });

  it('gives up on the first failure when only one attempt is allowed', () => {
    expect(decideRetry(policy({ maxAttempts: 1 }), { kind: 'server', attempt: 1 })).toEqual({ retry: false, reason: 'Gave up after 1 attempt.' });
  });
});

describe('mergeRetryPolicy', () => {
  it('overrides top-level fields and keeps the rest', () => {
    const merged = mergeRetryPolicy(DEFAULT_RETRY_POLICY, { maxAttempts: 5, strategy: 'linear' });
    expect(merged).toMatchObject({ maxAttempts: 5, strategy: 'linear', baseDelayMs: 1000, maxDelayMs: 60_000 });
    expect(merged.perKind).toEqual(DEFAULT_RETRY_POLICY.perKind);
  });

  it('merges perKind kind by kind', () => {
    const merged = mergeRetryPolicy(DEFAULT_RETRY_POLICY, { perKind: { invalid_request: { retry: true, maxAttempts: 2 } } });
    expect(merged.perKind.invalid_request).toEqual({ retry: true, maxAttempts: 2 });
    expect(merged.perKind.auth).toEqual({ retry: false });
    expect(merged.perKind.rate_limited).toEqual({ retry: true });
  });

  it('ignores fields given as undefined and never mutates the base', () => {
    const base = policy({ maxAttempts: 4 });
    const before = structuredClone(base);
    const merged = mergeRetryPolicy(base, { maxAttempts: undefined, perKind: { server: undefined } });
    expect(merged).toEqual(before);
    merged.perKind.server = { retry: false };
    expect(base).toEqual(before);
  });

  it('returns a copy of the base when there is no override', () => {
    const merged = mergeRetryPolicy(DEFAULT_RETRY_POLICY);
    expect(merged).toEqual(DEFAULT_RETRY_POLICY);
    expect(merged).not.toBe(DEFAULT_RETRY_POLICY);
    expect(Object.isFrozen(merged.perKind)).toBe(false);
  });
});

describe('describeRetryPolicy', () => {
  it('describes the default in one sentence', () => {
    expect(describeRetryPolicy(DEFAULT_RETRY_POLICY)).toBe(
      'Up to 3 attempts, waiting 1 s, then 2 s; rate limits, overloads, timeouts, server errors, network failures and malformed output are retried; invalid requests and authentication errors are not.',
    );
  });

  it('shows three waits then an ellipsis, a fixed delay once, and per-kind limits', () => {
    expect(describeRetryPolicy(policy({ maxAttempts: 6 }))).toMatch(/^Up to 6 attempts, waiting 1 s, 2 s, 4 s …;/);
    expect(describeRetryPolicy(policy({ strategy: 'fixed', baseDelayMs: 1500 }))).toMatch(/^Up to 3 attempts, waiting 1.5 s between attempts;/);
    expect(describeRetryPolicy(policy({ perKind: { rate_limited: { retry: true, maxAttempts: 5 } } }))).toMatch(/^Up to 5 attempts.* Rate limits: up to 5 attempts\.$/);
  });

  it('says so when nothing is retried', () => {
    const none = policy({ perKind: Object.fromEntries(PROVIDER_ERROR_KINDS.map((k) => [k, { retry: false }])) });
    expect(describeRetryPolicy(none)).toBe('Failed requests are not retried.');
    expect(describeRetryPolicy(policy({ maxAttempts: 1 }))).toMatch(/^1 attempt, no retries;/);
  });
});

describe('formatWait', () => {
  it('reads naturally and rounds up', () => {
    expect(formatWait(500)).toBe('500 ms');
    expect(formatWait(1000)).toBe('1 s');
    expect(formatWait(1500)).toBe('1.5 s');
    expect(formatWait(29_401)).toBe('29.5 s');
    expect(formatWait(30_000)).toBe('30 s');
    expect(formatWait(59_999)).toBe('1 min');
    expect(formatWait(90_000)).toBe('1 min 30 s');
    expect(formatWait(300_000)).toBe('5 min');
    expect(formatWait(-1)).toBe('0 s');
  });
});
