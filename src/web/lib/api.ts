import type { z } from 'zod';
import type { ApiError as ApiErrorBody } from '../../contract/errors';

/** An API error with the server's plain-English message, hint and retryability. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint: string,
    readonly retryable: boolean,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  // A file upload goes as the browser encodes it (multipart, with its boundary).
  const form = body instanceof FormData;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined || form ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'convgen could not be reached.', 'Check that the server is running and your connection works, then try again.', true, {});
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = (data as ApiErrorBody | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? `The server answered ${response.status}.`, error?.hint ?? 'Try again.', error?.retryable ?? response.status >= 500, error?.details ?? {});
  }
  return data as T;
}

/**
 * Each call names the contract's response schema, and its answer is typed from that schema, never
 * by hand. The answer is not parsed again here: the server already checks every response against
 * the same schema before sending it (fastify-type-provider-zod's serializer).
 */
export const api = {
  get: <S extends z.ZodType>(_response: S, url: string) => request<z.output<S>>('GET', url),
  post: <S extends z.ZodType>(_response: S, url: string, body?: unknown) => request<z.output<S>>('POST', url, body ?? {}),
  patch: <S extends z.ZodType>(_response: S, url: string, body: unknown) => request<z.output<S>>('PATCH', url, body),
};

/** Builds a query string from defined values; arrays become comma-separated lists. */
export function toQueryString(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
