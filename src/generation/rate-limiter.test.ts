import { describe, expect, it } from 'vitest';
import type { RateLimitConfig } from '../core/rate-limit';
import { createRateLimiter, type ReleaseFn } from './rate-limiter';

const limits = (overrides: Partial<RateLimitConfig> = {}): RateLimitConfig => ({
  requestsPerMinute: null,
  inputTokensPerMinute: null,
  outputTokensPerMinute: null,
  maxConcurrency: 100,
  ...overrides,
});

/** Lets every pending promise callback run. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A fake clock whose sleeps only end when the test moves time forward. */
function fakeTime() {
  let t = 0;
  const sleepers: Array<{ until: number; resolve: () => void }> = [];
  return {
    now: () => t,
    sleep: (ms: number) => new Promise<void>((resolve) => sleepers.push({ until: t + ms, resolve })),
    /** Moves time forward, waking each sleeper at its own moment, in order. */
    async advance(ms: number) {
      const target = t + ms;
      for (;;) {
        await flush();
        sleepers.sort((a, b) => a.until - b.until);
        if (!sleepers.length || sleepers[0].until > target) break;
        const next = sleepers.shift()!;
        t = next.until;
        next.resolve();
      }
      t = target;
      await flush();
    },
    sleeping: () => sleepers.length,
  };
}

/** Starts acquirers in order and records when each was served and how many held a slot at once. */
function crowd(limiter: ReturnType<typeof createRateLimiter>, now: () => number) {
  const served: Array<{ index: number; at: number }> = [];
  const releases = new Map<number, ReleaseFn>();
  let holding = 0;
  let mostHolding = 0;
  const start = (index: number, estimate = { inputTokens: 0, outputTokens: 0 }, signal?: AbortSignal) =>
    limiter.acquire(estimate, signal).then((release) => {
      served.push({ index, at: now() });
      holding += 1;
      mostHolding = Math.max(mostHolding, holding);
      releases.set(index, (actual) => {
        holding -= 1;
        release(actual);
      });
    });
  return { served, releases, start, mostHolding: () => mostHolding };
}

describe('createRateLimiter', () => {
  it('serves an idle limiter at once, without sleeping', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter(limits({ requestsPerMinute: 50 }), time);
    const release = await limiter.acquire({ inputTokens: 100, outputTokens: 100 });
    expect(time.sleeping()).toBe(0);
    release({ inputTokens: 40, outputTokens: 10 });
    expect(limiter.snapshot()).toMatchObject({ inFlight: 0, requestsInWindow: 1, inputTokensInWindow: 40, outputTokensInWindow: 10, waiting: 0 });
  });

  it('serves concurrent acquirers first come first served, never more than maxConcurrency at once', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter(limits({ maxConcurrency: 2 }), time);
    const c = crowd(limiter, time.now);
    for (let i = 0; i < 6; i++) void c.start(i);
    await flush();
    expect(c.served.map((s) => s.index)).toEqual([0, 1]);
    expect(limiter.snapshot().waiting).toBe(4);
    // Releasing out of order still hands slots to the longest waiter.
    for (const index of [1, 0, 3, 2]) {
      c.releases.get(index)!();
      await flush();
    }
    expect(c.served.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(c.mostHolding()).toBe(2);
    expect(limiter.snapshot()).toMatchObject({ inFlight: 2, waiting: 0 });
  });

  it('does not let a small request overtake a larger one waiting for tokens', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter(limits({ inputTokensPerMinute: 10_000 }), time);
    const c = crowd(limiter, time.now);
    void c.start(0, { inputTokens: 8000, outputTokens: 0 });
    void c.start(1, { inputTokens: 5000, outputTokens: 0 });
    void c.start(2, { inputTokens: 1000, outputTokens: 0 });
    await time.advance(59_999);
    expect(c.served).toEqual([{ index: 0, at: 0 }]);
    await time.advance(1);
    expect(c.served).toEqual([
      { index: 0, at: 0 },
      { index: 1, at: 60_000 },
      { index: 2, at: 60_000 },
    ]);
  });

  it('waits out the request window on the injected clock', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter(limits({ requestsPerMinute: 3 }), time);
    const c = crowd(limiter, time.now);
    for (let i = 0; i < 7; i++) void c.start(i);
    await time.advance(0);
    expect(c.served.map((s) => s.at)).toEqual([0, 0, 0]);
    await time.advance(59_999);
    expect(c.served).toHaveLength(3);
    await time.advance(1);
    expect(c.served.map((s) => s.at)).toEqual([0, 0, 0, 60_000, 60_000, 60_000]);
    await time.advance(60_000);
    expect(c.served.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(c.served[6].at).toBe(120_000);
  });

  it('wakes for a release even while sleeping on a time limit', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter(limits({ outputTokensPerMinute: 1000, maxConcurrency: 5 }), time);
    const c = crowd(limiter, time.now);
    void c.start(0, { inputTokens: 0, outputTokens: 1000 });
    void c.start(1, { inputTokens: 0, outputTokens: 600 });
    await time.advance(5000);
    expect(c.served).toHaveLength(1);
    // The first call used far less than it reserved; the second fits now, not in 55 s.
    c.releases.get(0)!({ inputTokens: 0, outputTokens: 300 });
    await flush();
    expect(c.served).toEqual([
      { index: 0, at: 0 },
      { index: 1, at: 5000 },
    ]);
  });

  it('on a 429 pauses everyone until the retry-after, reports until when, and halves concurrency', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter(limits({ maxConcurrency: 4 }), time);
    await time.advance(1000);
    limiter.onRateLimited(30_000);
    expect(limiter.throttledUntil()).toEqual(new Date(31_000));
    expect(limiter.snapshot()).toMatchObject({ throttledUntil: 31_000, effectiveConcurrency: 2, message: 'Rate limit: pausing for 30 s…' });
    const c = crowd(limiter, time.now);
    for (let i = 0; i < 4; i++) void c.start(i);
    await time.advance(29_999);
    expect(c.served).toHaveLength(0);
    await time.advance(1);
    expect(c.served).toEqual([
      { index: 0, at: 31_000 },
      { index: 1, at: 31_000 },
    ]);
    expect(limiter.throttledUntil()).toBeNull();
    for (let i = 0; i < 10; i++) limiter.onSuccess();
    await flush();
    expect(c.served.map((s) => s.index)).toEqual([0, 1, 2]);
  });

  it('rejects an aborted waiter, which then takes no slot and blocks no one', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter(limits({ maxConcurrency: 1 }), time);
    const c = crowd(limiter, time.now);
    void c.start(0);
    const controller = new AbortController();
    const aborted = c.start(1, undefined, controller.signal);
    void c.start(2);
    await flush();
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(limiter.snapshot().waiting).toBe(1);
    c.releases.get(0)!();
    await flush();
    expect(c.served.map((s) => s.index)).toEqual([0, 2]);
  });

  it('serves the next caller at once when the aborted head was what held it up', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter(limits({ inputTokensPerMinute: 10_000 }), time);
    const c = crowd(limiter, time.now);
    void c.start(0, { inputTokens: 8000, outputTokens: 0 });
    const controller = new AbortController();
    const big = c.start(1, { inputTokens: 5000, outputTokens: 0 }, controller.signal);
    void c.start(2, { inputTokens: 1000, outputTokens: 0 });
    await time.advance(2000);
    controller.abort();
    await expect(big).rejects.toMatchObject({ name: 'AbortError' });
    await flush();
    expect(c.served).toEqual([
      { index: 0, at: 0 },
      { index: 2, at: 2000 },
    ]);
  });

  it('rejects with the abort reason, and at once when already aborted', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter(limits({ requestsPerMinute: 1 }), time);
    await limiter.acquire();
    const reason = new Error('run cancelled');
    const controller = new AbortController();
    const waiting = limiter.acquire(undefined, controller.signal);
    await time.advance(10_000);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    await expect(limiter.acquire(undefined, AbortSignal.abort(reason))).rejects.toBe(reason);
    // The aborted head no longer holds up the next caller.
    const next = limiter.acquire();
    await time.advance(50_000);
    await expect(next).resolves.toBeTypeOf('function');
    expect(time.now()).toBe(60_000);
  });

  it('ignores a second release of the same call', async () => {
    const limiter = createRateLimiter(limits({ maxConcurrency: 1 }), fakeTime());
    const release = await limiter.acquire();
    release();
    const second = await limiter.acquire();
    release();
    expect(limiter.snapshot().inFlight).toBe(1);
    second();
  });

  it('sleeps on real timers by default', async () => {
    const limiter = createRateLimiter(limits());
    limiter.onRateLimited(40);
    const started = Date.now();
    const release = await limiter.acquire();
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    release();
  });
});
