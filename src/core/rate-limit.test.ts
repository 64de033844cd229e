import { describe, expect, it } from 'vitest';
import { seededRandom } from './random';
import { DEFAULT_RATE_LIMITS, RATE_LIMIT_PRESETS } from './rate-limit-presets';
import {
  RateLimitState,
  WINDOW_MS,
  rateLimitConfigSchema,
  type RateLimitConfig,
  type TokenCounts,
} from './rate-limit';

const limits = (overrides: Partial<RateLimitConfig> = {}): RateLimitConfig => ({
  requestsPerMinute: null,
  inputTokensPerMinute: null,
  outputTokensPerMinute: null,
  maxConcurrency: 1000,
  ...overrides,
});
const none: TokenCounts = { inputTokens: 0, outputTokens: 0 };

interface Call {
  grantedAt: number;
  releasedAt: number;
  actual: TokenCounts;
}

/**
 * Serves requests in arrival order as fast as the state allows, with a fake clock that jumps
 * straight to the next moment anything can change (a wait running out or a call finishing).
 */
function simulate(
  state: RateLimitState,
  arrivals: number[],
  opts: { estimate?: (i: number) => TokenCounts; actual?: (i: number) => TokenCounts; holdMs?: number } = {},
): Call[] {
  const estimate = opts.estimate ?? (() => none);
  const calls: Call[] = [];
  const running: Array<{ i: number; ticket: Parameters<RateLimitState['release']>[0]; endsAt: number }> = [];
  let t = 0;
  for (let i = 0; i < arrivals.length; i++) {
    t = Math.max(t, arrivals[i]);
    for (;;) {
      for (const call of running.filter((r) => r.endsAt <= t)) {
        const actual = opts.actual?.(call.i) ?? estimate(call.i);
        state.release(call.ticket, t, actual);
        calls[call.i] = { ...calls[call.i], releasedAt: t, actual };
        running.splice(running.indexOf(call), 1);
      }
      const result = state.tryAcquire(t, estimate(i));
      if (result.ok) {
        calls[i] = { grantedAt: t, releasedAt: Infinity, actual: estimate(i) };
        running.push({ i, ticket: result.ticket, endsAt: t + (opts.holdMs ?? 0) });
        break;
      }
      const next = Math.min(result.waitMs === null ? Infinity : t + result.waitMs, ...running.map((r) => r.endsAt));
      expect(next, `request ${i} could wait forever`).toBeLessThan(Infinity);
      expect(next).toBeGreaterThan(t);
      t = next;
    }
  }
  return calls;
}

/** The most granted in any 60 s window; the worst window always starts at some grant. */
function worstWindow(calls: Call[], weight: (c: Call) => number = () => 1): number {
  return Math.max(0, ...calls.map((start) => calls.filter((c) => c.grantedAt >= start.grantedAt && c.grantedAt < start.grantedAt + WINDOW_MS).reduce((s, c) => s + weight(c), 0)));
}

function mostAtOnce(calls: Call[]): number {
  return Math.max(0, ...calls.map((c) => calls.filter((o) => o.grantedAt <= c.grantedAt && o.releasedAt > c.grantedAt).length));
}

describe('presets', () => {
  it('are valid configurations, with Anthropic tier 1 as the default for Claude', () => {
    for (const preset of Object.values(RATE_LIMIT_PRESETS)) {
      expect(rateLimitConfigSchema.parse(preset.limits)).toEqual(preset.limits);
      expect(preset.label.length).toBeGreaterThan(10);
    }
    expect(DEFAULT_RATE_LIMITS.anthropic).toEqual({ requestsPerMinute: 50, inputTokensPerMinute: 30_000, outputTokensPerMinute: 8_000, maxConcurrency: 3 });
    expect(DEFAULT_RATE_LIMITS.offline).toEqual({ requestsPerMinute: null, inputTokensPerMinute: null, outputTokensPerMinute: null, maxConcurrency: 3 });
    expect(DEFAULT_RATE_LIMITS.openai.requestsPerMinute).toBe(500);
  });
});

describe('requests per minute', () => {
  it('grants a burst of 120 against 50 rpm without ever putting 51 in one 60 s window', () => {
    const calls = simulate(new RateLimitState(limits({ requestsPerMinute: 50 })), Array(120).fill(0));
    expect(calls).toHaveLength(120);
    expect(worstWindow(calls)).toBe(50);
    // As fast as allowed: 50 at once, the 51st exactly when the 1st is 60 000 ms old, and so on.
    expect(calls.slice(0, 50).every((c) => c.grantedAt === 0)).toBe(true);
    expect(calls[50].grantedAt).toBe(60_000);
    expect(calls.slice(50, 100).every((c) => c.grantedAt === 60_000)).toBe(true);
    expect(calls[100].grantedAt).toBe(120_000);
  });

  it('says exactly how long the 51st must wait, and not a millisecond less', () => {
    const state = new RateLimitState(limits({ requestsPerMinute: 50 }));
    for (let i = 0; i < 50; i++) expect(state.tryAcquire(1000 + i * 10, none).ok).toBe(true);
    expect(state.tryAcquire(5000, none)).toEqual({ ok: false, reason: 'requests', waitMs: 56_000 });
    expect(state.tryAcquire(60_999, none)).toEqual({ ok: false, reason: 'requests', waitMs: 1 });
    expect(state.tryAcquire(61_000, none).ok).toBe(true);
    expect(state.tryAcquire(61_000, none)).toEqual({ ok: false, reason: 'requests', waitMs: 10 });
  });

  it('serves staggered arrivals as early as the window allows and never over the limit', () => {
    const random = seededRandom(42);
    let at = 0;
    const arrivals = Array.from({ length: 300 }, () => (at += Math.floor(random() * 1500)));
    const calls = simulate(new RateLimitState(limits({ requestsPerMinute: 50 })), arrivals);
    expect(worstWindow(calls)).toBeLessThanOrEqual(50);
    for (let k = 0; k < calls.length; k++) {
      const earliest = Math.max(arrivals[k], k > 0 ? calls[k - 1].grantedAt : 0, k >= 50 ? calls[k - 50].grantedAt + WINDOW_MS : 0);
      expect(calls[k].grantedAt, `request ${k}`).toBe(earliest);
    }
  });

  it('keeps a released request in the window until it is 60 s old', () => {
    const state = new RateLimitState(limits({ requestsPerMinute: 1 }));
    const first = state.tryAcquire(0, none);
    if (!first.ok) throw new Error('expected a grant');
    state.release(first.ticket, 10);
    expect(state.tryAcquire(30_000, none)).toEqual({ ok: false, reason: 'requests', waitMs: 30_000 });
  });
});

describe('token limits', () => {
  it('reserves the estimate at grant: the 8th 4 000-token request waits for the 1st to leave', () => {
    const state = new RateLimitState(limits({ inputTokensPerMinute: 30_000 }));
    const big = { inputTokens: 4000, outputTokens: 0 };
    for (let i = 0; i < 7; i++) expect(state.tryAcquire(i * 1000, big).ok).toBe(true);
    expect(state.tryAcquire(7000, big)).toEqual({ ok: false, reason: 'input_tokens', waitMs: 53_000 });
    // A smaller request still fits in what is left.
    expect(state.tryAcquire(7000, { inputTokens: 2000, outputTokens: 0 }).ok).toBe(true);
    expect(state.tryAcquire(7000, big)).toEqual({ ok: false, reason: 'input_tokens', waitMs: 53_000 });
    expect(state.tryAcquire(59_999, big)).toEqual({ ok: false, reason: 'input_tokens', waitMs: 1 });
    expect(state.tryAcquire(60_000, big).ok).toBe(true);
    expect(state.snapshot(60_000).inputTokensInWindow).toBe(30_000);
  });

  it('corrects the reservation to actual usage at release', () => {
    const state = new RateLimitState(limits({ outputTokensPerMinute: 8000, maxConcurrency: 10 }));
    const estimate = { inputTokens: 500, outputTokens: 2000 };
    const tickets = Array.from({ length: 4 }, () => {
      const r = state.tryAcquire(0, estimate);
      if (!r.ok) throw new Error('expected a grant');
      return r.ticket;
    });
    expect(state.tryAcquire(100, estimate)).toMatchObject({ ok: false, reason: 'output_tokens' });
    for (const ticket of tickets) state.release(ticket, 200, { inputTokens: 500, outputTokens: 800 });
    expect(state.snapshot(200).outputTokensInWindow).toBe(3200);
    expect(state.tryAcquire(200, estimate).ok).toBe(true);
    expect(state.tryAcquire(200, estimate).ok).toBe(true);
    expect(state.tryAcquire(200, estimate)).toMatchObject({ ok: false, reason: 'output_tokens' });
  });

  it('never lets actual usage in any 60 s window exceed the limits under mixed traffic', () => {
    const random = seededRandom(7);
    const actuals = Array.from({ length: 150 }, () => ({ inputTokens: 1000 + Math.floor(random() * 3000), outputTokens: 300 + Math.floor(random() * 1700) }));
    const config = { requestsPerMinute: 50, inputTokensPerMinute: 30_000, outputTokensPerMinute: 8000, maxConcurrency: 3 };
    const calls = simulate(new RateLimitState(config), Array(150).fill(0), {
      estimate: () => ({ inputTokens: 4000, outputTokens: 2000 }),
      actual: (i) => actuals[i],
      holdMs: 4000,
    });
    expect(worstWindow(calls)).toBeLessThanOrEqual(50);
    expect(worstWindow(calls, (c) => c.actual.inputTokens)).toBeLessThanOrEqual(30_000);
    expect(worstWindow(calls, (c) => c.actual.outputTokens)).toBeLessThanOrEqual(8000);
    expect(mostAtOnce(calls)).toBe(3);
  });

  it('lets a request larger than the whole limit through once the window is empty', () => {
    const state = new RateLimitState(limits({ inputTokensPerMinute: 30_000 }));
    expect(state.tryAcquire(0, { inputTokens: 1000, outputTokens: 0 }).ok).toBe(true);
    expect(state.tryAcquire(5000, { inputTokens: 50_000, outputTokens: 0 })).toEqual({ ok: false, reason: 'input_tokens', waitMs: 55_000 });
    expect(state.tryAcquire(60_000, { inputTokens: 50_000, outputTokens: 0 }).ok).toBe(true);
  });

  it('names the limit that clears last when several bind', () => {
    const state = new RateLimitState(limits({ requestsPerMinute: 2, inputTokensPerMinute: 10_000 }));
    state.tryAcquire(0, { inputTokens: 100, outputTokens: 0 });
    state.tryAcquire(10_000, { inputTokens: 9000, outputTokens: 0 });
    // The request slot frees at 60 s, but the tokens only when the 9 000-token grant leaves at 70 s.
    expect(state.tryAcquire(20_000, { inputTokens: 5000, outputTokens: 0 })).toEqual({ ok: false, reason: 'input_tokens', waitMs: 50_000 });
  });
});

describe('concurrency', () => {
  it('holds at maxConcurrency until a release, and a double release frees only one slot', () => {
    const state = new RateLimitState(limits({ maxConcurrency: 3 }));
    const grants = [0, 1, 2].map(() => state.tryAcquire(0, none));
    expect(grants.every((g) => g.ok)).toBe(true);
    expect(state.tryAcquire(0, none)).toEqual({ ok: false, reason: 'concurrency', waitMs: null });
    const first = grants[0];
    if (!first.ok) throw new Error('expected a grant');
    state.release(first.ticket, 5);
    state.release(first.ticket, 5);
    expect(state.tryAcquire(5, none).ok).toBe(true);
    expect(state.tryAcquire(5, none)).toMatchObject({ reason: 'concurrency' });
    expect(state.snapshot(5).inFlight).toBe(3);
  });

  it('never has more in flight than allowed under a long run', () => {
    const calls = simulate(new RateLimitState(limits({ maxConcurrency: 3 })), Array(60).fill(0), { holdMs: 2500 });
    expect(mostAtOnce(calls)).toBe(3);
    expect(calls[59].grantedAt).toBe(19 * 2500);
  });
});

describe('after a 429', () => {
  it('pauses every grant for the retry-after and halves concurrency', () => {
    const state = new RateLimitState(limits({ maxConcurrency: 4 }));
    state.onRateLimited(1000, 20_000);
    expect(state.throttledUntil(1000)).toBe(21_000);
    expect(state.effectiveConcurrency).toBe(2);
    expect(state.snapshot(1000)).toMatchObject({ throttledUntil: 21_000, rateLimitedCount: 1, message: 'Rate limit: pausing for 20 s…' });
    expect(state.tryAcquire(20_999, none)).toEqual({ ok: false, reason: 'throttled', waitMs: 1 });
    expect(state.throttledUntil(21_000)).toBeNull();
    expect(state.snapshot(21_000).message).toBeNull();
    expect([0, 1, 2].map(() => state.tryAcquire(21_000, none).ok)).toEqual([true, true, false]);
  });

  it('pauses 30 s without a retry-after, and at most 5 minutes', () => {
    const a = new RateLimitState(limits());
    a.onRateLimited(0);
    expect(a.throttledUntil(0)).toBe(30_000);
    const b = new RateLimitState(limits());
    b.onRateLimited(0, 3_600_000);
    expect(b.throttledUntil(0)).toBe(300_000);
  });

  it('treats 429s during a pause as one burst: the pause extends, concurrency halves once', () => {
    const state = new RateLimitState(limits({ maxConcurrency: 8 }));
    state.onRateLimited(0, 10_000);
    state.onRateLimited(100, 15_000);
    state.onRateLimited(200, 1000);
    expect(state.effectiveConcurrency).toBe(4);
    expect(state.throttledUntil(200)).toBe(15_100);
    state.onRateLimited(20_000, 1000);
    expect(state.effectiveConcurrency).toBe(2);
    state.onRateLimited(30_000, 1000);
    state.onRateLimited(40_000, 1000);
    expect(state.effectiveConcurrency).toBe(1);
  });

  it('still waits for the request window when that ends after the pause', () => {
    const state = new RateLimitState(limits({ requestsPerMinute: 1 }));
    state.tryAcquire(0, none);
    state.onRateLimited(1000, 5000);
    expect(state.tryAcquire(1000, none)).toEqual({ ok: false, reason: 'throttled', waitMs: 59_000 });
  });

  it('recovers one slot per 10 successes in a row, up to maxConcurrency', () => {
    const state = new RateLimitState(limits({ maxConcurrency: 4 }));
    state.onRateLimited(0, 1000);
    expect(state.effectiveConcurrency).toBe(2);
    for (let i = 0; i < 9; i++) state.onSuccess(2000 + i);
    expect(state.effectiveConcurrency).toBe(2);
    state.onSuccess(2009);
    expect(state.effectiveConcurrency).toBe(3);
    for (let i = 0; i < 30; i++) state.onSuccess(3000 + i);
    expect(state.effectiveConcurrency).toBe(4);
  });

  it('recovers after 60 s without a 429, and a new 429 resets the count', () => {
    const state = new RateLimitState(limits({ maxConcurrency: 4 }));
    state.onRateLimited(0, 1000);
    for (let i = 0; i < 5; i++) state.onSuccess(1000 + i);
    state.onRateLimited(2000, 1000);
    expect(state.effectiveConcurrency).toBe(1);
    for (let i = 0; i < 8; i++) state.onSuccess(3000 + i);
    expect(state.effectiveConcurrency).toBe(1);
    state.onSuccess(62_000);
    expect(state.effectiveConcurrency).toBe(2);
    state.onSuccess(63_000);
    expect(state.effectiveConcurrency).toBe(2);
  });
});

describe('clock and configuration', () => {
  it('treats a clock that steps back as standing still', () => {
    const state = new RateLimitState(limits({ requestsPerMinute: 1 }));
    state.tryAcquire(100_000, none);
    expect(state.tryAcquire(0, none)).toEqual({ ok: false, reason: 'requests', waitMs: 60_000 });
  });

  it('applies new limits without forgetting earlier grants', () => {
    const state = new RateLimitState(limits({ requestsPerMinute: 10, maxConcurrency: 2 }));
    for (let i = 0; i < 2; i++) state.tryAcquire(0, none);
    state.reconfigure(limits({ requestsPerMinute: 2, maxConcurrency: 6 }));
    expect(state.effectiveConcurrency).toBe(6);
    expect(state.tryAcquire(1, none)).toMatchObject({ ok: false, reason: 'requests' });
    expect(state.snapshot(1).requestsInWindow).toBe(2);
  });
});

describe('what the provider says is left', () => {
  const grant = (state: RateLimitState, t: number, estimate: TokenCounts = none) => {
    const result = state.tryAcquire(t, estimate);
    if (!result.ok) throw new Error(`expected a grant at ${t}, got ${result.reason}`);
    return result.ticket;
  };

  it('keeps to a window that began before it started: use it did not make holds its place until the reset', () => {
    const state = new RateLimitState(limits({ requestsPerMinute: 50 }));
    const first = grant(state, 0);
    state.release(first, 1000);
    // 40 requests from elsewhere (another process, or before a restart) were already in the window.
    state.observe(1000, first.grantedAt, { requests: { limit: 50, remaining: 9, resetAt: 30_000 } });
    expect(state.snapshot(1000).externalRequests).toBe(40);
    for (let i = 0; i < 9; i++) grant(state, 1000);
    expect(state.tryAcquire(1000, none)).toEqual({ ok: false, reason: 'requests', waitMs: 29_000 });
    // At the reset only our own ten still count.
    for (let i = 0; i < 40; i++) grant(state, 30_000);
    expect(state.tryAcquire(30_000, none)).toMatchObject({ ok: false, reason: 'requests', waitMs: 30_000 });
  });

  it('sees nobody else when the provider counted exactly our own calls, even those answered late', () => {
    const state = new RateLimitState(limits({ requestsPerMinute: 5 }));
    const tickets = [0, 100, 200].map((t) => grant(state, t));
    // The answer to the call at 0 arrives after 61 s: it left our window, but the provider counted it then.
    state.release(tickets[0], 61_000);
    state.observe(61_000, tickets[0].grantedAt, { requests: { limit: 5, remaining: 4, resetAt: 60_000 } });
    expect(state.snapshot(61_000).externalRequests).toBe(0);
    state.observe(61_000, tickets[2].grantedAt, { requests: { limit: 5, remaining: 2, resetAt: 60_200 } });
    expect(state.snapshot(61_000).externalRequests).toBe(0);
    expect([0, 1, 2, 3, 4].map(() => state.tryAcquire(61_000, none).ok)).toEqual([true, true, true, true, true]);
  });

  it('trusts the newest answer: an older one arriving late does not bring back use that has gone', () => {
    const state = new RateLimitState(limits({ requestsPerMinute: 10 }));
    const early = grant(state, 0);
    const late = grant(state, 500);
    state.observe(1000, late.grantedAt, { requests: { limit: 10, remaining: 8, resetAt: 60_500 } });
    state.observe(1000, early.grantedAt, { requests: { limit: 10, remaining: 1, resetAt: 60_000 } });
    expect(state.snapshot(1000).externalRequests).toBe(0);
  });

  it('forgets outside use within a minute, whatever a far reset says', () => {
    const state = new RateLimitState(limits({ requestsPerMinute: 10 }));
    const only = grant(state, 0);
    state.observe(0, only.grantedAt, { requests: { limit: 10, remaining: 0, resetAt: 3_600_000 } });
    expect(state.tryAcquire(0, none)).toEqual({ ok: false, reason: 'requests', waitMs: 60_000 });
    expect(state.tryAcquire(60_000, none).ok).toBe(true);
  });

  it('counts outside token use against the token limits too', () => {
    const state = new RateLimitState(limits({ inputTokensPerMinute: 10_000, tokensPerMinute: 12_000 }));
    const ticket = grant(state, 0, { inputTokens: 1000, outputTokens: 0 });
    state.release(ticket, 500, { inputTokens: 1000, outputTokens: 500 });
    state.observe(500, ticket.grantedAt, { inputTokens: { limit: 10_000, remaining: 4000, resetAt: 20_000 }, tokens: { limit: 12_000, remaining: 5500, resetAt: 20_000 } });
    // 5 000 input tokens were someone else's: 4 000 are left.
    expect(state.tryAcquire(500, { inputTokens: 4500, outputTokens: 0 })).toEqual({ ok: false, reason: 'input_tokens', waitMs: 19_500 });
    expect(state.tryAcquire(500, { inputTokens: 4000, outputTokens: 0 }).ok).toBe(true);
  });
});

describe('a combined token limit (input and output together)', () => {
  it('counts both against one budget and names it when it binds', () => {
    const state = new RateLimitState(limits({ tokensPerMinute: 10_000 }));
    expect(state.tryAcquire(0, { inputTokens: 3000, outputTokens: 3000 }).ok).toBe(true);
    expect(state.tryAcquire(1000, { inputTokens: 2000, outputTokens: 2000 }).ok).toBe(true);
    expect(state.tryAcquire(2000, { inputTokens: 1000, outputTokens: 1000 })).toEqual({ ok: false, reason: 'tokens', waitMs: 58_000 });
  });

  it('never lets input plus output in any 60 s window exceed it', () => {
    const random = seededRandom(11);
    const actuals = Array.from({ length: 120 }, () => ({ inputTokens: 500 + Math.floor(random() * 2000), outputTokens: 200 + Math.floor(random() * 1500) }));
    const calls = simulate(new RateLimitState(limits({ tokensPerMinute: 20_000, maxConcurrency: 4 })), Array(120).fill(0), {
      estimate: () => ({ inputTokens: 2500, outputTokens: 1700 }),
      actual: (i) => actuals[i],
      holdMs: 3000,
    });
    expect(worstWindow(calls, (c) => c.actual.inputTokens + c.actual.outputTokens)).toBeLessThanOrEqual(20_000);
  });
});

describe('an arrival margin', () => {
  it('holds each grant’s place that much longer than the provider’s minute', () => {
    const state = new RateLimitState(limits({ requestsPerMinute: 2 }), { arrivalMarginMs: 1000 });
    expect(state.tryAcquire(0, none).ok).toBe(true);
    expect(state.tryAcquire(10, none).ok).toBe(true);
    expect(state.tryAcquire(60_000, none)).toEqual({ ok: false, reason: 'requests', waitMs: 1000 });
    expect(state.tryAcquire(61_000, none).ok).toBe(true);
    expect(state.snapshot(61_000).requestsInWindow).toBe(2);
  });
});

describe('expected output', () => {
  it('reserves the largest of the latest answers once there are a few, the fallback before', () => {
    const state = new RateLimitState(limits());
    expect(state.expectedOutputTokens(1600)).toBe(1600);
    for (const output of [700, 820, 650]) {
      const result = state.tryAcquire(0, { inputTokens: 100, outputTokens: 1600 });
      if (!result.ok) throw new Error('expected a grant');
      state.release(result.ticket, 10, { inputTokens: 100, outputTokens: output });
    }
    expect(state.expectedOutputTokens(1600)).toBe(820);
  });
});
