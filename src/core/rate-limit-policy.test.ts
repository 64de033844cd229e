import { describe, expect, it } from 'vitest';
import { learnedFrom, resolveRateLimits, type RateLimitSettings } from './rate-limit-policy';

const learning: RateLimitSettings = { rateLimitPreset: 'learn', customRateLimits: null, rateLimitOverrides: {}, concurrency: 6 };
const tier4 = { requestsPerMinute: 4000, inputTokensPerMinute: 2_000_000, outputTokensPerMinute: 400_000 };

describe('resolveRateLimits', () => {
  it('learning: starts one call at a time from the provider’s own fallback until the first answer', () => {
    const anthropic = resolveRateLimits(learning, 'anthropic', undefined);
    expect(anthropic).toMatchObject({ probing: true, limits: { requestsPerMinute: 50, outputTokensPerMinute: 8000, maxConcurrency: 1 } });
    expect(anthropic.sources.requestsPerMinute).toBe('fallback');
    // An OpenAI-compatible server is not held to Anthropic's tier 1.
    expect(resolveRateLimits(learning, 'openai', undefined).limits).toMatchObject({ requestsPerMinute: 500, inputTokensPerMinute: null, tokensPerMinute: 200_000, maxConcurrency: 1 });
  });

  it('learning: follows what the provider announces, at the workspace’s concurrency', () => {
    const resolved = resolveRateLimits(learning, 'anthropic', tier4);
    expect(resolved.probing).toBe(false);
    expect(resolved.limits).toEqual({ ...tier4, tokensPerMinute: null, maxConcurrency: 6 });
    expect(resolved.sources).toEqual({ requestsPerMinute: 'provider', inputTokensPerMinute: 'provider', outputTokensPerMinute: 'provider', tokensPerMinute: 'none' });
    // OpenAI announces requests and one token budget: nothing else is assumed.
    expect(resolveRateLimits(learning, 'openai', { requestsPerMinute: 30, tokensPerMinute: 90_000 }).limits).toEqual({
      requestsPerMinute: 30,
      inputTokensPerMinute: null,
      outputTokensPerMinute: null,
      tokensPerMinute: 90_000,
      maxConcurrency: 6,
    });
  });

  it('learning from a server that announces nothing: its fallback preset, no longer one at a time', () => {
    expect(resolveRateLimits(learning, 'openai', {})).toMatchObject({ probing: false, limits: { requestsPerMinute: 500, maxConcurrency: 5 } });
  });

  it("an admin's own value wins over what is announced, but never goes above it", () => {
    const settings = { ...learning, rateLimitOverrides: { requestsPerMinute: 20, outputTokensPerMinute: 900_000 } };
    const resolved = resolveRateLimits(settings, 'anthropic', tier4);
    expect(resolved.limits).toMatchObject({ requestsPerMinute: 20, inputTokensPerMinute: 2_000_000, outputTokensPerMinute: 400_000 });
    expect(resolved.sources).toMatchObject({ requestsPerMinute: 'override', inputTokensPerMinute: 'provider', outputTokensPerMinute: 'provider' });
    // Before anything is announced the admin's value is used as it is.
    expect(resolveRateLimits(settings, 'anthropic', undefined).limits).toMatchObject({ requestsPerMinute: 20, outputTokensPerMinute: 900_000 });
  });

  it('a preset an admin chose holds, capped by what the provider announces', () => {
    const tier2: RateLimitSettings = { ...learning, rateLimitPreset: 'anthropic-tier-2' };
    expect(resolveRateLimits(tier2, 'anthropic', undefined)).toMatchObject({ probing: false, limits: { requestsPerMinute: 1000, maxConcurrency: 6 } });
    const capped = resolveRateLimits(tier2, 'anthropic', { requestsPerMinute: 50, inputTokensPerMinute: 30_000, outputTokensPerMinute: 8000 });
    expect(capped.limits).toMatchObject({ requestsPerMinute: 50, inputTokensPerMinute: 30_000, outputTokensPerMinute: 8000 });
    expect(resolveRateLimits(tier2, 'anthropic', tier4).sources).toMatchObject({ requestsPerMinute: 'preset', outputTokensPerMinute: 'preset' });
    const custom: RateLimitSettings = { ...learning, rateLimitPreset: 'custom', customRateLimits: { requestsPerMinute: 7, inputTokensPerMinute: null, outputTokensPerMinute: null, maxConcurrency: 2 } };
    expect(resolveRateLimits(custom, 'anthropic', tier4)).toMatchObject({ limits: { requestsPerMinute: 7, inputTokensPerMinute: 2_000_000, maxConcurrency: 2 }, sources: { requestsPerMinute: 'custom', inputTokensPerMinute: 'provider' } });
  });

  it('never limits the offline generator', () => {
    expect(resolveRateLimits(learning, 'offline', undefined)).toMatchObject({ probing: false, limits: { requestsPerMinute: null, maxConcurrency: 6 } });
  });
});

describe('learnedFrom', () => {
  it('keeps each announced limit under its own name', () => {
    expect(learnedFrom({ requests: { limit: 30, remaining: 29, resetAt: null }, tokens: { limit: 9000, remaining: null, resetAt: null } })).toEqual({ requestsPerMinute: 30, tokensPerMinute: 9000 });
  });
});
