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

/** A body sent as it is (a file's text), with its own content type, instead of as JSON. */
export interface RawBody {
  raw: string;
  contentType: string;
}
const isRaw = (body: unknown): body is RawBody => typeof body === 'object' && body !== null && 'raw' in body && 'contentType' in body;

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  // A file upload goes as the browser encodes it (multipart, with its boundary).
  const form = body instanceof FormData;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined || form ? {} : { 'content-type': isRaw(body) ? body.contentType : 'application/json' },
      body: body === undefined ? undefined : form ? body : isRaw(body) ? body.raw : JSON.stringify(body),
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
  delete: <S extends z.ZodType>(_response: S, url: string) => request<z.output<S>>('DELETE', url),
  put: <S extends z.ZodType>(_response: S, url: string, body: unknown) => request<z.output<S>>('PUT', url, body),
  /** Sends a file's text as it is, e.g. a CSV as text/csv. */
  postRaw: <S extends z.ZodType>(_response: S, url: string, body: RawBody) => request<z.output<S>>('POST', url, body),
  upload: <S extends z.ZodType>(_response: S, url: string, form: FormData, onProgress?: (fraction: number) => void) => uploadForm<z.output<S>>(url, form, onProgress),
};

/**
 * A multipart upload with progress. fetch cannot report how much of a request body has been sent;
 * XMLHttpRequest's upload events can. Same-origin, so the browser sends the Origin header the
 * server's cross-site check wants.
 */
function uploadForm<T>(url: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The upload could not reach convgen.', 'Check that the server is running and your connection works, then try again.', true, {}));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const error = (data as ApiErrorBody | undefined)?.error;
      reject(new ApiError(xhr.status, error?.code ?? 'http_error', error?.message ?? `The server answered ${xhr.status}.`, error?.hint ?? 'Try again.', error?.retryable ?? xhr.status >= 500, error?.details ?? {}));
    };
    xhr.send(form);
  });
}

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

/** A value placed in an API path, encoded so an id can never change the route. */
export const id = (value: string) => encodeURIComponent(value);
