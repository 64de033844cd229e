/**
 * Fault injection, rate limiting and bookkeeping shared by the provider fakes. Pure logic, no
 * HTTP and no timers: the fakes ask it what to do with each request and report back.
 */

export type InjectedStatus = 400 | 401 | 403 | 404 | 429 | 500 | 503 | 529;

export type Fault =
  | { kind: 'status'; status: InjectedStatus; retryAfterSeconds?: number }
  /** Never answers until the client aborts or the fake closes. */
  | { kind: 'hang' }
  /** A 200 whose content is well-formed JSON but not a valid conversation. */
  | { kind: 'malformed' }
  /** A 200 whose body is not JSON. With a JSON content type the SDK's own parse throws; with text/html it hands back a string. */
  | { kind: 'garbage'; contentType?: string }
  /** Answers normally, `ms` later. */
  | { kind: 'slow'; ms: number };

export interface FaultPlanOptions {
  /** Added to every admitted answer (rate-limit 429s stay instant, like a gateway rejection). */
  latencyMs?: number;
  /**
   * Enforced over a sliding window of accepted requests, checked before auth and validation so
   * every non-429 request counts. When unset a nominal 4000 is advertised (and enforced), since
   * the real APIs always send rate-limit headers.
   */
  requestsPerMinute?: number;
  inputTokensPerMinute?: number;
  outputTokensPerMinute?: number;
  /** Fixed `retry-after` for limiter 429s instead of the computed one; also the default for injected 429s (else 1). */
  retryAfterSeconds?: number;
  /** Length of the sliding window, 60 s by default; shorten it to see the window slide in a fast test. */
  rateLimitWindowMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** Epoch ms. */
  arrivedAt: number;
  /** Epoch ms when the answer was sent or the client went away; undefined while in flight. */
  finishedAt?: number;
  /** HTTP status sent; null when no answer was ever sent (hang, client abort, close()). */
  status?: number | null;
  model?: string;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /** Which injected fault this request consumed, if any. */
  fault?: Fault['kind'];
  /** Whether this request is counted by the rate limiter and stats (the generation endpoints). */
  limited: boolean;
  /** Passed the rate limiter and holds a concurrency slot until it finishes. */
  admitted: boolean;
  inputTokens: number;
  outputTokens: number;
}

export interface LimitState {
  limit: number;
  remaining: number;
  /** Epoch ms when the window will have fully replenished this limit. */
  resetAt: number;
}

export interface RateLimitSnapshot {
  requests: LimitState;
  inputTokens?: LimitState;
  outputTokens?: LimitState;
}

export type Admission =
  | { admitted: true; limits: RateLimitSnapshot }
  | { admitted: false; limits: RateLimitSnapshot; exceeded: 'requests' | 'input_tokens' | 'output_tokens'; retryAfterSeconds: number };

export interface FakeStats {
  requests: number;
  accepted: number;
  rejected429: number;
  maxConcurrent: number;
  maxRequestsInAnyWindow(windowMs?: number): number;
}

const NOMINAL_REQUESTS_PER_MINUTE = 4000;

export class FaultPlan {
  readonly requests: RecordedRequest[] = [];
  private queue: Fault[] = [];
  private always: Fault | null = null;
  private inFlight = 0;
  private maxInFlight = 0;

  constructor(readonly options: FaultPlanOptions = {}) {}

  get windowMs(): number {
    return this.options.rateLimitWindowMs ?? 60_000;
  }

  /**
   * Queues one-shot faults, consumed in order by the next requests that get past the rate limiter
   * and the fake's auth/validation (a limiter 429 or a 400 leaves the queue untouched).
   */
  fail(...faults: Fault[]): void {
    this.queue.push(...faults);
  }

  /** A fault applied to every request once the one-shot queue is empty; null turns it off. */
  failAlways(fault: Fault | null): void {
    this.always = fault;
  }

  takeFault(): Fault | undefined {
    return this.queue.shift() ?? this.always ?? undefined;
  }

  /** Logs an arrival; every request is recorded, including ones later rejected. */
  arrive(request: Pick<RecordedRequest, 'method' | 'path' | 'body' | 'limited'>): RecordedRequest {
    const body = request.body as { model?: unknown } | null;
    const model = body && typeof body === 'object' && typeof body.model === 'string' ? body.model : undefined;
    const record: RecordedRequest = { ...request, model, arrivedAt: Date.now(), admitted: false, inputTokens: 0, outputTokens: 0 };
    this.requests.push(record);
    return record;
  }

  /** Records the end of a request (answer sent or client gone) and closes its concurrency slot. */
  finish(record: RecordedRequest, status: number | null): void {
    if (record.finishedAt !== undefined) return;
    record.finishedAt = Date.now();
    record.status = status;
    if (record.admitted) this.inFlight--;
  }

  /** Accepted requests inside the window ending at `now`, oldest first. */
  private window(now: number): RecordedRequest[] {
    return this.requests.filter((r) => r.limited && r.status !== 429 && r.arrivedAt > now - this.windowMs);
  }

  /**
   * Sliding-window admission for a generation request carrying `inputTokens`. Output tokens are
   * only known afterwards, so like the real services the output limit rejects once the window's
   * output already reached it.
   */
  admit(record: RecordedRequest, inputTokens: number): Admission {
    const now = record.arrivedAt;
    const inWindow = this.window(now).filter((r) => r !== record);
    const { requestsPerMinute, inputTokensPerMinute, outputTokensPerMinute } = this.options;
    record.inputTokens = inputTokens;

    const checks: { name: 'requests' | 'input_tokens' | 'output_tokens'; limit: number; weight: (r: RecordedRequest) => number; adding: number }[] = [
      { name: 'requests', limit: requestsPerMinute ?? NOMINAL_REQUESTS_PER_MINUTE, weight: () => 1, adding: 1 },
    ];
    if (inputTokensPerMinute !== undefined) checks.push({ name: 'input_tokens', limit: inputTokensPerMinute, weight: (r) => r.inputTokens, adding: inputTokens });
    // Output is unknown before answering: it only needs one token of headroom.
    if (outputTokensPerMinute !== undefined) checks.push({ name: 'output_tokens', limit: outputTokensPerMinute, weight: (r) => r.outputTokens, adding: 1 });

    let rejection: { exceeded: (typeof checks)[number]['name']; waitMs: number } | undefined;
    for (const check of checks) {
      const used = inWindow.reduce((sum, r) => sum + check.weight(r), 0);
      if (used + check.adding <= check.limit) continue;
      // Time until enough of the oldest entries leave the window for this request to fit.
      let freed = used;
      let waitMs = this.windowMs;
      for (const r of inWindow) {
        freed -= check.weight(r);
        if (freed + check.adding <= check.limit) {
          waitMs = r.arrivedAt + this.windowMs - now;
          break;
        }
      }
      if (!rejection || waitMs > rejection.waitMs) rejection = { exceeded: check.name, waitMs };
    }

    const limits = this.snapshot(rejection ? inWindow : [...inWindow, record], now);
    if (rejection) {
      record.status = 429;
      const retryAfterSeconds = this.options.retryAfterSeconds ?? Math.max(1, Math.ceil(rejection.waitMs / 1000));
      return { admitted: false, limits, exceeded: rejection.exceeded, retryAfterSeconds };
    }
    if (record.limited) {
      record.admitted = true;
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    }
    return { admitted: true, limits };
  }

  /** The limits as they stand now, for answers that do not count against them (batch polling). */
  currentLimits(): RateLimitSnapshot {
    const now = Date.now();
    return this.snapshot(this.window(now), now);
  }

  private snapshot(counted: RecordedRequest[], now: number): RateLimitSnapshot {
    const { requestsPerMinute, inputTokensPerMinute, outputTokensPerMinute } = this.options;
    // Fully replenished once the newest counted request has left the window (now, if it is empty).
    const resetAt = counted.length ? counted[counted.length - 1].arrivedAt + this.windowMs : now;
    const state = (limit: number, used: number): LimitState => ({ limit, remaining: Math.max(0, limit - used), resetAt });
    const sum = (weight: (r: RecordedRequest) => number) => counted.reduce((total, r) => total + weight(r), 0);
    return {
      requests: state(requestsPerMinute ?? NOMINAL_REQUESTS_PER_MINUTE, counted.length),
      inputTokens: inputTokensPerMinute === undefined ? undefined : state(inputTokensPerMinute, sum((r) => r.inputTokens)),
      outputTokens: outputTokensPerMinute === undefined ? undefined : state(outputTokensPerMinute, sum((r) => r.outputTokens)),
    };
  }

  stats(): FakeStats {
    const limited = this.requests.filter((r) => r.limited);
    const accepted = limited.filter((r) => r.status !== 429);
    const arrivals = accepted.map((r) => r.arrivedAt).sort((a, b) => a - b);
    return {
      requests: limited.length,
      accepted: accepted.length,
      rejected429: limited.length - accepted.length,
      maxConcurrent: this.maxInFlight,
      // Same window semantics as the limiter: arrivals strictly less than windowMs apart.
      maxRequestsInAnyWindow: (windowMs = 60_000) => {
        let best = 0;
        for (let start = 0, end = 0; end < arrivals.length; end++) {
          while (arrivals[end] - arrivals[start] >= windowMs) start++;
          best = Math.max(best, end - start + 1);
        }
        return best;
      },
    };
  }

  /** Forgets requests, queued and permanent faults and concurrency peaks; in-flight requests keep their slots. */
  reset(): void {
    this.requests.length = 0;
    this.queue = [];
    this.always = null;
    this.maxInFlight = this.inFlight;
  }
}
