import type { AnnouncedLimits } from './announced-limits';

/** What a provider call used, as billed. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

/** `network`: no answer came back at all (refused, unreachable, reset); `server`: the provider answered with an internal error. */
export type ProviderErrorKind = 'rate_limited' | 'overloaded' | 'timeout' | 'server' | 'network' | 'invalid_request' | 'auth' | 'malformed_output';

/** Transient kinds are worth retrying; the others fail the same way every time. */
export const RETRYABLE_KINDS: ReadonlySet<ProviderErrorKind> = new Set(['rate_limited', 'overloaded', 'timeout', 'server', 'network', 'malformed_output']);

/** A failed provider call, typed by kind so the retry policy can decide what to do about it. */
export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    /** `usage` when the call was answered (and billed) but the answer was unusable. */
    readonly opts: { httpStatus?: number; retryAfterMs?: number; raw?: unknown; usage?: Usage; announced?: AnnouncedLimits | null } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
  }
  get retryable() {
    return RETRYABLE_KINDS.has(this.kind);
  }
}
