import { z } from 'zod';
import type { AnnouncedField, AnnouncedLimits } from './announced-limits';
import { formatWait, MAX_RETRY_AFTER_MS } from './retry-policy';

/**
 * Client-side rate limiting for provider calls (US12.1.1). Pure and clock-injected: every method
 * takes `now` in epoch milliseconds, so tests can drive hours of traffic in microseconds.
 *
 * Requests and tokens are counted over a sliding 60 s window: a grant occupies the window from its
 * grant time for 60 000 ms (plus an optional arrival margin), so no 60 s span ever holds more than
 * the configured limit.
 * What the provider says is left (`remaining`, `reset`) adds the use it counts that is not ours —
 * another process on the same key, or calls from before this one started — until it resets.
 */

export const WINDOW_MS = 60_000;
/** A 429 without a retry-after pauses this long: long enough for a per-minute window to move on. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 30_000;
/** Concurrency creeps back up after this many successes in a row, or this long without a 429. */
export const RECOVERY_SUCCESSES = 10;
export const RECOVERY_QUIET_MS = 60_000;
/**
 * When matching the provider's count against ours, grants this close to either edge of its window
 * count as ours: calls overtake each other on the way and clocks differ by a little, and a
 * phantom "someone else" would hold back a whole minute of calls.
 */
const COUNT_SLACK_MS = 500;
/** How many recent answers the expected output size is taken from. */
const OUTPUT_SAMPLES = 20;
/** Grants are remembered this long, to match late answers against. */
const HISTORY_MS = 2 * WINDOW_MS + 10_000;
/**
 * How much longer than the provider's window the limiter holds a grant's place when calls go out
 * over a network: the provider counts a call when it arrives, a moment after the grant, and that
 * moment varies (a new connection, a busy event loop). Without it, a call sent quickly can land
 * inside the window of an earlier one that was sent slowly, and be refused.
 */
export const ARRIVAL_MARGIN_MS = 1000;

const perMinute = z.number().int().positive().nullable();
export const rateLimitConfigSchema = z.object({
  requestsPerMinute: perMinute,
  inputTokensPerMinute: perMinute,
  outputTokensPerMinute: perMinute,
  /** Input and output together (OpenAI's single token budget); absent or null: no such limit. */
  tokensPerMinute: perMinute.optional(),
  maxConcurrency: z.number().int().min(1),
});
/** `null` means the provider sets no limit of that kind (or we do not know it). */
export type RateLimitConfig = z.infer<typeof rateLimitConfigSchema>;

export interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
}

export interface RateLimitTicket {
  readonly id: number;
  readonly grantedAt: number;
}

export type RateLimitBlock = 'requests' | 'input_tokens' | 'output_tokens' | 'tokens' | 'concurrency' | 'throttled';
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
  /** Requests the provider counts in the window that were not ours (see `observe`). */
  externalRequests: number;
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

/** Use the provider counted that was not ours, and when its window will have let go of it. */
interface ExternalUse {
  amount: number;
  until: number;
}

export class RateLimitState {
  private limits: RateLimitConfig;
  private concurrency: number;
  /** Grants of the last HISTORY_MS, oldest first; those from `windowStart` on are in the window. */
  private entries: WindowEntry[] = [];
  private windowStart = 0;
  private readonly byId = new Map<number, WindowEntry>();
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
  private external: Partial<Record<AnnouncedField, ExternalUse>> = {};
  /** The grant time of the call whose answer set `external`: an older answer tells less. */
  private observedGrant = -Infinity;
  /** Output tokens of the latest answers, newest last. */
  private outputs: number[] = [];

  /** How long a grant holds its place in the window: the provider's minute, plus any arrival margin. */
  private readonly holdMs: number;

  constructor(limits: RateLimitConfig, opts: { arrivalMarginMs?: number } = {}) {
    this.limits = { ...limits };
    this.concurrency = limits.maxConcurrency;
    this.holdMs = WINDOW_MS + Math.max(0, opts.arrivalMarginMs ?? 0);
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
      ['input_tokens', this.waitForTokens(t, this.limits.inputTokensPerMinute, 'inputTokens', this.windowInput, input, (e) => e.inputTokens)],
      ['output_tokens', this.waitForTokens(t, this.limits.outputTokensPerMinute, 'outputTokens', this.windowOutput, output, (e) => e.outputTokens)],
      ['tokens', this.waitForTokens(t, this.limits.tokensPerMinute ?? null, 'tokens', this.windowInput + this.windowOutput, input + output, (e) => e.inputTokens + e.outputTokens)],
    ];
    const [reason, wait] = waits.reduce((longest, next) => (next[1] > longest[1] ? next : longest));

    // A pause after a 429 is named first, whatever else binds: it is what the run page reports.
    if (this.blockedUntil > t) return { ok: false, reason: 'throttled', waitMs: Math.max(wait, this.blockedUntil - t) };
    if (this.inFlight.size >= this.concurrency) return { ok: false, reason: 'concurrency', waitMs: null };
    if (wait > 0) return { ok: false, reason, waitMs: wait };

    const entry: WindowEntry = { id: this.nextId++, at: t, inputTokens: input, outputTokens: output };
    this.entries.push(entry);
    this.byId.set(entry.id, entry);
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
    const t = this.advance(now);
    if (!this.inFlight.delete(ticket.id)) return;
    const entry = this.byId.get(ticket.id);
    if (!entry || !actual) return;
    const input = nonNegative(actual.inputTokens);
    const output = nonNegative(actual.outputTokens);
    if (entry.at + this.holdMs > t) {
      this.windowInput += input - entry.inputTokens;
      this.windowOutput += output - entry.outputTokens;
    }
    entry.inputTokens = input;
    entry.outputTokens = output;
    this.outputs.push(output);
    if (this.outputs.length > OUTPUT_SAMPLES) this.outputs.shift();
  }

  /**
   * How many output tokens to reserve for the next call: the largest of the latest answers, once
   * there are a few, else `fallback`. Reserving much more than answers use leaves an output
   * limit partly unused; reserving the largest recent one keeps a window from running over.
   */
  expectedOutputTokens(fallback: number): number {
    return this.outputs.length >= 3 ? Math.max(...this.outputs) : fallback;
  }

  /**
   * The answer to the call granted at `grantedAt` announced how much of each limit is left. What
   * the provider counted beyond our own grants of that window is someone else's (another process
   * on the same key, or calls from before we started): it holds its place until the limit resets.
   * Call after `release`, so this call's own usage is the actual one.
   */
  observe(now: number, grantedAt: number, announced: AnnouncedLimits): void {
    const t = this.advance(now);
    if (grantedAt < this.observedGrant) return;
    this.observedGrant = grantedAt;
    let requests = 0;
    let input = 0;
    let output = 0;
    // Entries are in grant order: start at the first inside the provider's window, stop past its end.
    for (let i = this.firstGrantAfter(grantedAt - WINDOW_MS - COUNT_SLACK_MS); i < this.entries.length; i++) {
      const entry = this.entries[i];
      if (entry.at > grantedAt + COUNT_SLACK_MS) break;
      requests += 1;
      input += entry.inputTokens;
      output += entry.outputTokens;
    }
    const ours: Record<AnnouncedField, number> = { requests, inputTokens: input, outputTokens: output, tokens: input + output };
    for (const field of Object.keys(ours) as AnnouncedField[]) {
      const limit = announced[field];
      const amount = limit && limit.remaining !== null ? limit.limit - limit.remaining - ours[field] : 0;
      // A per-minute limit is whole again within a minute, whatever a reset far away says.
      const until = Math.min(limit?.resetAt ?? t + WINDOW_MS, t + WINDOW_MS);
      if (amount > 0 && until > t) this.external[field] = { amount, until };
      else delete this.external[field];
    }
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
      requestsInWindow: this.entries.length - this.windowStart,
      inputTokensInWindow: this.windowInput,
      outputTokensInWindow: this.windowOutput,
      externalRequests: this.externalAt('requests', t)?.amount ?? 0,
      throttledUntil: until,
      rateLimitedCount: this.rateLimitedCount,
      message: until === null ? null : describeThrottle(until - t),
    };
  }

  /** Moves the clock forward (never back), drops grants that have left the window, forgets old ones. */
  private advance(now: number): number {
    if (Number.isFinite(now) && now > this.latest) this.latest = now;
    const t = this.latest;
    while (this.windowStart < this.entries.length && this.entries[this.windowStart].at + this.holdMs <= t) {
      const entry = this.entries[this.windowStart++];
      this.windowInput -= entry.inputTokens;
      this.windowOutput -= entry.outputTokens;
    }
    let forgotten = 0;
    while (forgotten < this.windowStart && this.entries[forgotten].at + HISTORY_MS <= t) this.byId.delete(this.entries[forgotten++].id);
    if (forgotten > 0) {
      this.entries = this.entries.slice(forgotten);
      this.windowStart -= forgotten;
    }
    return t;
  }

  /** The index of the first entry granted after `time` (binary search: entries are in grant order). */
  private firstGrantAfter(time: number): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.entries[mid].at <= time) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private externalAt(field: AnnouncedField, t: number): ExternalUse | null {
    const use = this.external[field];
    return use && use.until > t ? use : null;
  }

  /**
   * With N per minute, grant N+1 waits until the grant N places before it is 60 000 ms old; use
   * counted elsewhere takes places too, until it resets.
   */
  private waitForRequests(t: number): number {
    const limit = this.limits.requestsPerMinute;
    if (limit === null) return 0;
    const external = this.externalAt('requests', t);
    const room = limit - (external?.amount ?? 0);
    const inWindow = this.entries.length - this.windowStart;
    if (inWindow < room) return 0;
    const untilExternalResets = external ? external.until - t : Infinity;
    return room > 0 ? Math.min(untilExternalResets, this.entries[this.entries.length - room].at + this.holdMs - t) : untilExternalResets;
  }

  /**
   * How long until enough old grants leave the window (or the use counted elsewhere resets) for
   * `need` more tokens. A single request larger than the whole limit waits for an empty window
   * instead of forever.
   */
  private waitForTokens(t: number, limit: number | null, field: AnnouncedField, inWindow: number, need: number, weight: (e: WindowEntry) => number): number {
    if (limit === null) return 0;
    const external = this.externalAt(field, t);
    const room = limit - (external?.amount ?? 0);
    const needed = Math.min(need, limit);
    if (inWindow + needed <= room) return 0;
    const untilExternalResets = external ? external.until - t : Infinity;
    let remaining = inWindow;
    for (let i = this.windowStart; i < this.entries.length; i++) {
      remaining -= weight(this.entries[i]);
      if (remaining + needed <= room) return Math.min(untilExternalResets, this.entries[i].at + this.holdMs - t);
    }
    if (external) return untilExternalResets;
    // Only rounding could bring us here; the newest grant leaving certainly makes room.
    const newest = this.entries[this.entries.length - 1];
    return newest && newest.at + this.holdMs > t ? newest.at + this.holdMs - t : 0;
  }
}

/** "Rate limit: pausing for 30 s…" */
export function describeThrottle(remainingMs: number): string {
  return `Rate limit: pausing for ${formatWait(remainingMs)}…`;
}

function nonNegative(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}
