import { describe, expect, it } from 'vitest';
import { parseDuration, parseResetTime, readAnnouncedLimits } from './announced-limits';

const getter = (headers: Record<string, string>) => (name: string) => headers[name] ?? null;
const NOW = Date.parse('2026-05-01T10:00:00Z');

describe('readAnnouncedLimits', () => {
  it("reads Anthropic's requests, input and output token limits with what is left and when they reset", () => {
    const announced = readAnnouncedLimits(
      getter({
        'anthropic-ratelimit-requests-limit': '4000',
        'anthropic-ratelimit-requests-remaining': '3999',
        'anthropic-ratelimit-requests-reset': '2026-05-01T10:00:01Z',
        'anthropic-ratelimit-input-tokens-limit': '2000000',
        'anthropic-ratelimit-input-tokens-remaining': '1998000',
        'anthropic-ratelimit-input-tokens-reset': '2026-05-01T10:00:02Z',
        'anthropic-ratelimit-output-tokens-limit': '400000',
        'anthropic-ratelimit-output-tokens-remaining': '400000',
        'anthropic-ratelimit-output-tokens-reset': '2026-05-01T10:00:00Z',
        // The combined header names whichever token limit is tightest; it is not a budget of its own.
        'anthropic-ratelimit-tokens-limit': '400000',
      }),
      NOW,
    );
    expect(announced).toEqual({
      requests: { limit: 4000, remaining: 3999, resetAt: NOW + 1000 },
      inputTokens: { limit: 2_000_000, remaining: 1_998_000, resetAt: NOW + 2000 },
      outputTokens: { limit: 400_000, remaining: 400_000, resetAt: NOW },
    });
  });

  it("reads OpenAI's requests and combined token limits, with resets as durations from now", () => {
    const announced = readAnnouncedLimits(
      getter({
        'x-ratelimit-limit-requests': '500',
        'x-ratelimit-remaining-requests': '499',
        'x-ratelimit-reset-requests': '120ms',
        'x-ratelimit-limit-tokens': '200000',
        'x-ratelimit-remaining-tokens': '198500',
        'x-ratelimit-reset-tokens': '1m0.45s',
      }),
      NOW,
    );
    expect(announced).toEqual({
      requests: { limit: 500, remaining: 499, resetAt: NOW + 120 },
      tokens: { limit: 200_000, remaining: 198_500, resetAt: NOW + 60_450 },
    });
  });

  it('is null when nothing is announced, and leaves out a limit that is not a positive number', () => {
    expect(readAnnouncedLimits(getter({ 'content-type': 'application/json' }), NOW)).toBeNull();
    expect(readAnnouncedLimits(getter({ 'anthropic-ratelimit-requests-limit': '0' }), NOW)).toBeNull();
    expect(readAnnouncedLimits(getter({ 'x-ratelimit-limit-requests': 'lots', 'x-ratelimit-limit-tokens': '1000' }), NOW)).toEqual({ tokens: { limit: 1000, remaining: null, resetAt: null } });
  });
});

describe('resets', () => {
  it('reads Go-style durations, bare seconds and dates', () => {
    expect(parseDuration('6m0s')).toBe(360_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('20ms')).toBe(20);
    expect(parseDuration('1h2m3s')).toBe(3_723_000);
    expect(parseDuration('12')).toBe(12_000);
    expect(parseDuration('soon')).toBeNull();
    expect(parseDuration('5m later')).toBeNull();
    expect(parseResetTime('2026-05-01T10:01:00Z', NOW)).toBe(NOW + 60_000);
    expect(parseResetTime('', NOW)).toBeNull();
    expect(parseResetTime('whenever', NOW)).toBeNull();
  });
});
