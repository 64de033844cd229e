import { readAnnouncedLimits, type AnnouncedLimits } from '../../core/announced-limits';
import { ProviderError, type ProviderErrorKind } from '../../core/provider-errors';

/** The error classes both official SDKs export under the same names. */
export interface SdkErrorClasses {
  APIConnectionTimeoutError: abstract new (...args: never[]) => Error;
  APIUserAbortError: abstract new (...args: never[]) => Error;
  APIConnectionError: abstract new (...args: never[]) => Error;
  APIError: abstract new (...args: never[]) => Error & { status?: number; headers?: Headers; error?: unknown };
}

/** Maps an SDK's errors to our kinds; anything unexpected is a server error worth one retry. */
export function mapSdkError(sdk: SdkErrorClasses, err: unknown, timeoutMs: number): ProviderError {
  if (err instanceof ProviderError) return err;
  if (err instanceof sdk.APIConnectionTimeoutError) return new ProviderError('timeout', `The provider did not answer within ${timeoutMs / 1000} seconds.`);
  if (err instanceof sdk.APIUserAbortError) return new ProviderError('timeout', 'The call was stopped before it finished.');
  if (err instanceof sdk.APIConnectionError) return new ProviderError('network', `Could not reach the provider (${connectionCause(err)}).`);
  if (err instanceof sdk.APIError && typeof err.status === 'number') return providerErrorFromStatus(err.status, err.message, err.headers, err.error);
  return new ProviderError('server', err instanceof Error ? err.message : String(err));
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused: nothing is listening at that address',
  ENOTFOUND: 'the host name could not be found',
  EAI_AGAIN: 'the host name could not be looked up just now',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  CERT_HAS_EXPIRED: "the server's TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's TLS certificate is self-signed",
};

/** The deepest cause the SDK wraps ("Connection error." ← "fetch failed" ← ECONNREFUSED), in words. */
function connectionCause(err: Error): string {
  let cause: unknown = err;
  let last = err.message;
  for (let depth = 0; cause instanceof Error && depth < 5; depth++) {
    const code = (cause as Error & { code?: unknown }).code;
    if (typeof code === 'string') return NETWORK_CODES[code] ? `${NETWORK_CODES[code]}, ${code}` : `${cause.message || code}`;
    last = cause.message || last;
    cause = cause.cause;
  }
  return last;
}

/** Seconds (or an HTTP date) in `retry-after`, as milliseconds. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const value = headers?.get('retry-after-ms') ?? null;
  if (value && Number.isFinite(Number(value))) return Number(value);
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The rate limits an answer's headers announce (Anthropic's or OpenAI's spelling), or null. */
export function announcedLimits(headers: Headers | undefined, now = Date.now()): AnnouncedLimits | null {
  return headers ? readAnnouncedLimits((name) => headers.get(name), now) : null;
}

/** The provider's own rate-limit headers, kept in the log for diagnosis. */
export function rateLimitHeaders(headers: Headers | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  headers?.forEach((value, key) => {
    if (key.startsWith('anthropic-ratelimit-') || key.startsWith('x-ratelimit-') || key === 'retry-after' || key === 'request-id' || key === 'x-request-id') out[key] = value;
  });
  return out;
}

const PLAIN: Record<ProviderErrorKind, string> = {
  rate_limited: 'The provider is rate limiting us.',
  overloaded: 'The provider is overloaded right now.',
  timeout: 'The provider did not answer in time.',
  server: 'The provider had an internal error.',
  network: 'Could not reach the provider.',
  invalid_request: 'The provider refused the request as invalid.',
  auth: 'The provider refused the API key.',
  malformed_output: 'The model answered with something that is not a valid conversation.',
};

/** Maps an HTTP status from any provider to our error kinds (529 is Anthropic's "overloaded"). */
export function providerErrorFromStatus(status: number, message: string, headers: Headers | undefined, raw?: unknown): ProviderError {
  const kind: ProviderErrorKind =
    status === 429 ? 'rate_limited' : status === 529 || status === 503 ? 'overloaded' : status === 408 ? 'timeout' : status >= 500 ? 'server' : status === 401 || status === 403 ? 'auth' : 'invalid_request';
  return new ProviderError(kind, `${PLAIN[kind]} (${status}: ${message})`, {
    httpStatus: status,
    retryAfterMs: retryAfterMs(headers),
    announced: announcedLimits(headers),
    raw: { ...(raw && typeof raw === 'object' ? raw : {}), headers: rateLimitHeaders(headers) },
  });
}
