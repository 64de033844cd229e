import type { AnnouncedLimits } from '../core/announced-limits';
import { RateLimitState, type RateLimitConfig, type RateLimitSnapshot, type RateLimitTicket, type TokenCounts } from '../core/rate-limit';

/**
 * The waiting side of rate limiting, used by generation workers: `acquire` resolves once the
 * provider's limits allow another call and hands back the function that ends it. The arithmetic
 * lives in core/rate-limit; this file only queues callers and sleeps.
 */

/**
 * Ends a call: `actual` replaces the token estimate; `announced` is what the answer said of the
 * provider's limits (how much is left, and when it resets), which paces the calls after it —
 * null for an answer that said nothing of them, undefined when no answer came.
 */
export type ReleaseFn = (actual?: TokenCounts, announced?: AnnouncedLimits | null) => void;

export interface RateLimiterSnapshot extends RateLimitSnapshot {
  /** Callers queued in `acquire`, for the run page's queue view. */
  waiting: number;
}

export interface RateLimiter {
  /**
   * Waits until a call may start, first come first served, and resolves with its release.
   * Rejects with the signal's reason if `signal` aborts first; an aborted caller takes no slot.
   */
  acquire(estimate?: TokenCounts, signal?: AbortSignal): Promise<ReleaseFn>;
  /** The provider answered 429: pause everyone and lower concurrency. */
  onRateLimited(retryAfterMs?: number): void;
  /** A call succeeded: lets concurrency recover after a 429. */
  onSuccess(): void;
  throttledUntil(): Date | null;
  snapshot(): RateLimiterSnapshot;
  /** Applies new limits (a different API tier) without forgetting calls already made. */
  reconfigure(config: RateLimitConfig): void;
  /** The output tokens to reserve for the next call: the largest of the latest answers, or `fallback` at first. */
  expectedOutputTokens(fallback: number): number;
}

export interface RateLimiterOptions {
  now?: () => number;
  /** Resolves after `ms`. May ignore `signal`: the limiter copes with sleeps it cannot cancel. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Told of every answer: what it announced of the provider's limits (null: nothing), after the
   * limiter itself took it into account. Not called for calls that got no answer.
   */
  onAnswer?: (announced: AnnouncedLimits | null) => void;
  /** Extra time each grant holds its window place (see ARRIVAL_MARGIN_MS); none by default. */
  arrivalMarginMs?: number;
}

interface Waiter {
  estimate: TokenCounts;
  resolve: (release: ReleaseFn) => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

const NO_TOKENS: TokenCounts = { inputTokens: 0, outputTokens: 0 };

export function createRateLimiter(config: RateLimitConfig, opts: RateLimiterOptions = {}): RateLimiter {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? defaultSleep;
  const state = new RateLimitState(config, { arrivalMarginMs: opts.arrivalMarginMs });
  const queue: Waiter[] = [];
  let pumping = false;
  /** Wakes the pump early: something changed that may let the head of the queue through. */
  let wake: (() => void) | null = null;

  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  const releaseFor = (ticket: RateLimitTicket): ReleaseFn => {
    let released = false;
    return (actual, announced) => {
      if (released) return;
      released = true;
      state.release(ticket, now(), actual);
      if (announced) state.observe(now(), ticket.grantedAt, announced);
      if (announced !== undefined) opts.onAnswer?.(announced);
      notify();
    };
  };

  /** Serves the queue strictly in order: a later caller never overtakes one still waiting. */
  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        const head = queue[0];
        const result = state.tryAcquire(now(), head.estimate);
        if (result.ok) {
          queue.shift();
          if (head.onAbort) head.signal?.removeEventListener('abort', head.onAbort);
          head.resolve(releaseFor(result.ticket));
          continue;
        }
        await waitForChange(result.waitMs);
      }
    } finally {
      pumping = false;
    }
  };

  /** Sleeps until `ms` passes (if time alone can help) or `notify` fires, whichever is first. */
  const waitForChange = (ms: number | null) =>
    new Promise<void>((resolve) => {
      const timer = new AbortController();
      wake = () => {
        timer.abort();
        resolve();
      };
      if (ms === null) return;
      sleep(ms, timer.signal).then(
        () => resolve(),
        () => resolve(),
      );
    });

  return {
    acquire(estimate = NO_TOKENS, signal) {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      // Nobody waiting: try at once, so an idle limiter adds no delay at all.
      if (queue.length === 0) {
        const result = state.tryAcquire(now(), estimate);
        if (result.ok) return Promise.resolve(releaseFor(result.ticket));
      }
      return new Promise<ReleaseFn>((resolve, reject) => {
        const waiter: Waiter = { estimate, resolve, reject, signal };
        if (signal) {
          waiter.onAbort = () => {
            const index = queue.indexOf(waiter);
            if (index === -1) return;
            queue.splice(index, 1);
            reject(abortReason(signal));
            // The head may have been the one blocking the rest (e.g. on its token estimate).
            if (index === 0) notify();
          };
          signal.addEventListener('abort', waiter.onAbort, { once: true });
        }
        queue.push(waiter);
        void pump();
      });
    },
    onRateLimited(retryAfterMs) {
      state.onRateLimited(now(), retryAfterMs);
      notify();
    },
    onSuccess() {
      state.onSuccess(now());
      notify();
    },
    throttledUntil() {
      const until = state.throttledUntil(now());
      return until === null ? null : new Date(until);
    },
    snapshot() {
      return { ...state.snapshot(now()), waiting: queue.length };
    },
    reconfigure(next) {
      state.reconfigure(next);
      notify();
    },
    expectedOutputTokens: (fallback) => state.expectedOutputTokens(fallback),
  };
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The wait for a rate-limit slot was aborted.', 'AbortError');
}

/** A real timer that is cleared when the limiter no longer needs it, so none outlive their use. */
function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
