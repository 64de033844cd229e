import { AppError } from './errors';
import { explainError } from './error-guide';
import type { ProviderError } from './provider-errors';

/**
 * A provider failure during an on-demand call, as the API answers it: what went wrong with the
 * provider (429 for a rate limit, 504 for a timeout, 502 otherwise), what to do next, and what
 * became of the user's data.
 */
export function providerFailure(err: ProviderError, what: string, consequence = ''): AppError {
  const guide = explainError({ kind: err.kind, message: err.message, httpStatus: err.opts.httpStatus ?? null });
  return new AppError({
    code: `provider_${err.kind}`,
    status: err.kind === 'rate_limited' ? 429 : err.kind === 'timeout' ? 504 : 502,
    message: `${what}: ${err.message}`,
    hint: consequence ? `${guide.nextStep} ${consequence}` : guide.nextStep,
    retryable: err.retryable,
    details: { kind: err.kind, httpStatus: err.opts.httpStatus ?? null, retryAfterMs: err.opts.retryAfterMs ?? null },
  });
}
