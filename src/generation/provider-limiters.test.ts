import { afterEach, describe, expect, it } from 'vitest';
import type { AnnouncedLimits } from '../core/announced-limits';
import type { RateLimitSettings } from '../core/rate-limit-policy';
import { limiterState, providerLimiter, resetProviderLimiters, type LimiterKey } from './provider-limiters';

const learning: RateLimitSettings = { rateLimitPreset: 'learn', customRateLimits: null, rateLimitOverrides: {}, concurrency: 4 };
const key: LimiterKey = { provider: 'anthropic', account: 'a1b2', model: 'claude-sonnet-4-6' };
const tier4: AnnouncedLimits = {
  requests: { limit: 4000, remaining: 3999, resetAt: null },
  inputTokens: { limit: 2_000_000, remaining: 1_999_000, resetAt: null },
  outputTokens: { limit: 400_000, remaining: 400_000, resetAt: null },
};

describe('providerLimiter', () => {
  afterEach(() => resetProviderLimiters());

  it('shares one limiter per provider, key and model', () => {
    const a = providerLimiter(key, learning);
    expect(providerLimiter(key, learning)).toBe(a);
    expect(providerLimiter({ ...key, account: 'other' }, learning)).not.toBe(a);
    expect(providerLimiter({ ...key, model: 'claude-haiku-4-5' }, learning)).not.toBe(a);
  });

  it('sends one call at a time until the first answer, then paces by what it announced', async () => {
    const heard: unknown[] = [];
    const limiter = providerLimiter(key, learning, (k, learned) => heard.push({ k, learned }));
    expect(limiter.snapshot().limits).toMatchObject({ requestsPerMinute: 50, maxConcurrency: 1 });
    const release = await limiter.acquire();
    let second = false;
    const waiting = limiter.acquire().then((r) => {
      second = true;
      return r;
    });
    await Promise.resolve();
    expect(second).toBe(false);
    release({ inputTokens: 1000, outputTokens: 0 }, tier4);
    (await waiting)();
    expect(limiter.snapshot().limits).toEqual({ requestsPerMinute: 4000, inputTokensPerMinute: 2_000_000, outputTokensPerMinute: 400_000, tokensPerMinute: null, maxConcurrency: 4 });
    expect(limiterState(key)?.sources.requestsPerMinute).toBe('provider');
    expect(heard).toEqual([{ k: key, learned: { requestsPerMinute: 4000, inputTokensPerMinute: 2_000_000, outputTokensPerMinute: 400_000 } }]);
  });

  it('keeps what it learned when a later answer announces nothing, and an admin’s value wins below it', async () => {
    const limiter = providerLimiter(key, learning);
    (await limiter.acquire())(undefined, tier4);
    (await limiter.acquire())(undefined, null);
    expect(limiter.snapshot().limits.requestsPerMinute).toBe(4000);
    providerLimiter(key, { ...learning, rateLimitOverrides: { requestsPerMinute: 100 } });
    expect(limiter.snapshot().limits.requestsPerMinute).toBe(100);
    expect(limiterState(key)?.sources.requestsPerMinute).toBe('override');
  });

  it('goes to full concurrency when the answers announce nothing (a local server)', async () => {
    const local = { provider: 'openai', account: 'x', model: 'llama3' };
    const limiter = providerLimiter(local, learning);
    (await limiter.acquire())({ inputTokens: 10, outputTokens: 10 }, null);
    expect(limiter.snapshot().limits).toMatchObject({ requestsPerMinute: 500, maxConcurrency: 4 });
  });

  it('does not learn from a call that got no answer', async () => {
    const limiter = providerLimiter(key, learning);
    (await limiter.acquire())();
    expect(limiter.snapshot().limits.maxConcurrency).toBe(1);
  });
});
