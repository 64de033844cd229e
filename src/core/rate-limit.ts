import { z } from 'zod';
import { formatWait, MAX_RETRY_AFTER_MS } from './retry-policy';

/**
 * Client-side rate limiting for provider calls (US12.1.1). Pure and clock-injected: every method
 * takes `now` in epoch milliseconds, so tests can drive hours of traffic in microseconds.
 *
 * Requests and tokens are counted over a sliding 60 s window: a grant occupies the window from its
 * grant time for exactly 60 000 ms, so no 60 s span ever holds more than the configured limit.
 */

export const WINDOW_MS = 60_000;
/** A 429 without a retry-after pauses this long: long enough for a per-minute window to move on. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 30_000;
/** Concurrency creeps back up after this many successes in a row, or this long without a 429. */
export const RECOVERY_SUCCESSES = 10;
export const RECOVERY_QUIET_MS = 60_000;

const perMinute = z.number().int().positive().nullable();
export const rateLimitConfigSchema = z.object({
  requestsPerMinute: perMinute,
  inputTokensPerMinute: perMinute,
  outputTokensPerMinute: perMinute,
  maxConcurrency: z.number().int().min(1),
});
/** `null` means the provider sets no limit of that kind (or we do not know it). */
export type RateLimitConfig = z.infer<typeof rateLimitConfigSchema>;

export const RATE_LIMIT_PRESET_IDS = ['anthropic-tier-1', 'anthropic-tier-2', 'anthropic-tier-3', 'anthropic-tier-4', 'openai-default', 'unlimited'] as const;
export type RateLimitPresetId = (typeof RATE_LIMIT_PRESET_IDS)[number];

/**
 * Anthropic's published limits for the Claude Sonnet class per usage tier (check yours in the
 * Claude Console under Limits). Concurrency is our own choice: enough parallel calls to use the
 * tier's request budget at typical 20–40 s generations, few enough that a 429 hurts little.
 */
export const RATE_LIMIT_PRESETS: Record<RateLimitPresetId, { label: string; limits: RateLimitConfig }> = {
  'anthropic-tier-1': {
    label: 'Anthropic tier 1: 50 requests, 30 000 input and 8 000 output tokens a minute',
    limits: { requestsPerMinute: 50, inputTokensPerMinute: 30_000, outputTokensPerMinute: 8_000, maxConcurrency: 3 },
  },
  'anthropic-tier-2': {
    label: 'Anthropic tier 2: 1 000 requests, 450 000 input and 90 000 output tokens a minute',
    limits: { requestsPerMinute: 1_000, inputTokensPerMinute: 450_000, outputTokensPerMinute: 90_000, maxConcurrency: 8 },
  },
  'anthropic-tier-3': {
    label: 'Anthropic tier 3: 2 000 requests, 800 000 input and 160 000 output tokens a minute',
    limits: { requestsPerMinute: 2_000, inputTokensPerMinute: 800_000, outputTokensPerMinute: 160_000, maxConcurrency: 12 },
  },
  'anthropic-tier-4': {
    label: 'Anthropic tier 4: 4 000 requests, 2 000 000 input and 400 000 output tokens a minute',
    limits: { requestsPerMinute: 4_000, inputTokensPerMinute: 2_000_000, outputTokensPerMinute: 400_000, maxConcurrency: 16 },
  },
  // OpenAI counts input and output tokens together, which these limits cannot express; token
  // overruns are left to the 429 handling.
  'openai-default': {
    label: 'OpenAI default: 500 requests a minute',
    limits: { requestsPerMinute: 500, inputTokensPerMinute: null, outputTokensPerMinute: null, maxConcurrency: 5 },
  },
  unlimited: {
    label: 'No limit: only 3 requests at a time',
    limits: { requestsPerMinute: null, inputTokensPerMinute: null, outputTokensPerMinute: null, maxConcurrency: 3 },
  },
};

/** What each provider starts with until a workspace picks its own tier. */
export const DEFAULT_RATE_LIMITS: Record<'anthropic' | 'openai' | 'offline', RateLimitConfig> = {
  anthropic: RATE_LIMIT_PRESETS['anthropic-tier-1'].limits,
  openai: RATE_LIMIT_PRESETS['openai-default'].limits,
  offline: RATE_LIMIT_PRESETS.unlimited.limits,
};

export interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
}

export interface RateLimitTicket {
  readonly id: number;
  readonly grantedAt: number;
}

export type RateLimitBlock = 'requests' | 'input_tokens' | 'output_tokens' | 'concurrency' | 'throttled';
type TimedBlock = Exclude<RateLimitBlock, 'concurrency'>;

/**
 * `waitMs` is how long until the grant can succeed if nothing else changes; it is `null` for
 * 'concurrency', where only a release frees a slot and no amount of waiting alone helps.
 */
export type AcquireResult =
  | { ok: true; ticket: RateLimitTicket }
  | { ok: false; reason: 'concurrency'; waitMs: null }
  | { ok: false; reason: TimedBlock; waitMs: number };

export interface RateLimitSnapshot {
  limits: RateLimitConfig;
  effectiveConcurrency: number;
  inFlight: number;
  requestsInWindow: number;
  inputTokensInWindow: number;
  outputTokensInWindow: number;
  /** Epoch ms until which every grant waits after a 429, or null when not paused. */
  throttledUntil: number | null;
  rateLimitedCount: number;
  /** "Rate limit: pausing for 30 s…" while paused, for the run page; null otherwise. */
  message: string | null;
}

interface WindowEntry {
  id: number;
  at: number;
  inputTokens: number;
  outputTokens: number;
}

export class RateLimitState {
  private limits: RateLimitConfig;
  private concurrency: number;
  /** Grants of the last 60 s, oldest first. */
  private window: WindowEntry[] = [];
  private readonly windowById = new Map<number, WindowEntry>();
  private windowInput = 0;
  private windowOutput = 0;
  private readonly inFlight = new Set<number>();
  private nextId = 1;
  private blockedUntil = -Infinity;
  private successStreak = 0;
  /** Since when there has been neither a 429 nor a concurrency raise. */
  private quietSince = -Infinity;
  private rateLimitedCount = 0;
  /** The latest time seen: a clock that steps backwards is treated as standing still. */
  private latest = -Infinity;

  constructor(limits: RateLimitConfig) {
    this.limits = { ...limits };
    this.concurrency = limits.maxConcurrency;
  }

  get config(): RateLimitConfig {
    return { ...this.limits };
  }

  /** Concurrency after 429 back-off; between 1 and `maxConcurrency`. */
  get effectiveConcurrency(): number {
    return this.concurrency;
  }

  /** New limits apply from now on; grants already in the window still count against them. */
  reconfigure(limits: RateLimitConfig): void {
    // Not backing off: follow the new maximum. Backing off: keep the lowered value, within it.
    const atFull = this.concurrency >= this.limits.maxConcurrency;
    this.limits = { ...limits };
    this.concurrency = atFull ? limits.maxConcurrency : Math.min(this.concurrency, limits.maxConcurrency);
  }

  tryAcquire(now: number, estimate: TokenCounts): AcquireResult {
    const t = this.advance(now);
    const input = nonNegative(estimate.inputTokens);
    const output = nonNegative(estimate.outputTokens);

    // Time-based blocks all clear by themselves; the binding one is the one that clears last.
    const waits: Array<[TimedBlock, number]> = [
      ['requests', this.waitForRequests(t)],
      ['input_tokens', this.waitForTokens(t, this.limits.inputTokensPerMinute, this.windowInput, input, 'inputTokens')],
      ['output_tokens', this.waitForTokens(t, this.limits.outputTokensPerMinute, this.windowOutput, output, 'outputTokens')],
    ];
    const [reason, wait] = waits.reduce((longest, next) => (next[1] > longest[1] ? next : longest));

    // A pause after a 429 is named first, whatever else binds: it is what the run page reports.
    if (this.blockedUntil > t) return { ok: false, reason: 'throttled', waitMs: Math.max(wait, this.blockedUntil - t) };
    if (this.inFlight.size >= this.concurrency) return { ok: false, reason: 'concurrency', waitMs: null };
    if (wait > 0) return { ok: false, reason, waitMs: wait };

    const entry: WindowEntry = { id: this.nextId++, at: t, inputTokens: input, outputTokens: output };
    this.window.push(entry);
    this.windowById.set(entry.id, entry);
    this.windowInput += input;
    this.windowOutput += output;
    this.inFlight.add(entry.id);
    return { ok: true, ticket: { id: entry.id, grantedAt: t } };
  }

  /**
   * Frees the ticket's concurrency slot (its request slot stays taken until 60 s after the grant)
   * and replaces the token estimate with what was really used. Releasing twice is harmless.
   */
  release(ticket: RateLimitTicket, now: number, actual?: TokenCounts): void {
    this.advance(now);
    if (!this.inFlight.delete(ticket.id)) return;
    const entry = this.windowById.get(ticket.id);
    if (!entry || !actual) return;
    const input = nonNegative(actual.inputTokens);
    const output = nonNegative(actual.outputTokens);
    this.windowInput += input - entry.inputTokens;
    this.windowOutput += output - entry.outputTokens;
    entry.inputTokens = input;
    entry.outputTokens = output;
  }

  /**
   * The provider said 429: pause every grant for its retry-after (30 s if none, 5 min at most)
   * and halve concurrency. 429s that land during a pause belong to the same burst (requests sent
   * before we knew), so they extend the pause but do not halve again.
   */
  onRateLimited(now: number, retryAfterMs?: number): void {
    const t = this.advance(now);
    const pause = retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0 ? retryAfterMs : DEFAULT_RATE_LIMIT_PAUSE_MS;
    const alreadyPaused = this.blockedUntil > t;
    this.blockedUntil = Math.max(this.blockedUntil, t + Math.min(pause, MAX_RETRY_AFTER_MS));
    if (!alreadyPaused) this.concurrency = Math.max(1, Math.floor(this.concurrency / 2));
    this.rateLimitedCount += 1;
    this.successStreak = 0;
    this.quietSince = t;
  }

  /** A call succeeded: after 10 in a row, or 60 s without a 429, allow one more at a time. */
  onSuccess(now: number): void {
    const t = this.advance(now);
    this.successStreak += 1;
    if (this.concurrency >= this.limits.maxConcurrency) return;
    if (this.successStreak >= RECOVERY_SUCCESSES || t - this.quietSince >= RECOVERY_QUIET_MS) {
      this.concurrency += 1;
      this.successStreak = 0;
      this.quietSince = t;
    }
  }

  throttledUntil(now: number): number | null {
    const t = this.advance(now);
    return this.blockedUntil > t ? this.blockedUntil : null;
  }

  snapshot(now: number): RateLimitSnapshot {
    const t = this.advance(now);
    const until = this.blockedUntil > t ? this.blockedUntil : null;
    return {
      limits: this.config,
      effectiveConcurrency: this.concurrency,
      inFlight: this.inFlight.size,
      requestsInWindow: this.window.length,
      inputTokensInWindow: this.windowInput,
      outputTokensInWindow: this.windowOutput,
      throttledUntil: until,
      rateLimitedCount: this.rateLimitedCount,
      message: until === null ? null : describeThrottle(until - t),
    };
  }

  /** Moves the clock forward (never back) and drops grants that have left the window. */
  private advance(now: number): number {
    if (Number.isFinite(now) && now > this.latest) this.latest = now;
    const t = this.latest;
    let expired = 0;
    while (expired < this.window.length && this.window[expired].at + WINDOW_MS <= t) {
      const entry = this.window[expired++];
      this.windowById.delete(entry.id);
      this.windowInput -= entry.inputTokens;
      this.windowOutput -= entry.outputTokens;
    }
    if (expired > 0) this.window = this.window.slice(expired);
    return t;
  }

  /** With N per minute, grant N+1 waits until the grant N places before it is 60 000 ms old. */
  private waitForRequests(t: number): number {
    const limit = this.limits.requestsPerMinute;
    if (limit === null || this.window.length < limit) return 0;
    return this.window[this.window.length - limit].at + WINDOW_MS - t;
  }

  /**
   * How long until enough old grants leave the window for `need` more tokens. A single request
   * larger than the whole limit waits for an empty window instead of forever.
   */
  private waitForTokens(t: number, limit: number | null, inWindow: number, need: number, field: keyof TokenCounts): number {
    if (limit === null) return 0;
    const needed = Math.min(need, limit);
    if (inWindow + needed <= limit) return 0;
    let remaining = inWindow;
    for (const entry of this.window) {
      remaining -= entry[field];
      if (remaining + needed <= limit) return entry.at + WINDOW_MS - t;
    }
    // Only rounding could bring us here; the newest grant leaving certainly makes room.
    const newest = this.window[this.window.length - 1];
    return newest ? newest.at + WINDOW_MS - t : 0;
  }
}

/** "Rate limit: pausing for 30 s…" */
export function describeThrottle(remainingMs: number): string {
  return `Rate limit: pausing for ${formatWait(remainingMs)}…`;
}

function nonNegative(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}
