import { AppError } from '../core/errors';

/**
 * The CLI talks to a running convgen over its REST API (the embedded database belongs to the
 * server process): CONVGEN_URL and CONVGEN_API_TOKEN say where and as whom.
 */
export function apiClient(env: NodeJS.ProcessEnv = process.env) {
  const base = (env.CONVGEN_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, '');
  const token = env.CONVGEN_API_TOKEN;
  if (!token) {
    throw new AppError({
      code: 'missing_token',
      message: 'CONVGEN_API_TOKEN is not set, so the command cannot sign in to convgen.',
      hint: 'Start the server with CONVGEN_API_TOKEN=<16+ characters> (see the README) and run this command with the same value.',
    });
  }
  async function call<T>(method: string, path: string, body?: unknown, raw?: { text: string; contentType: string }): Promise<T> {
    let response: Response;
    try {
      response = await fetch(base + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(raw ? { 'content-type': raw.contentType } : body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: raw ? raw.text : body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new AppError({ code: 'unreachable', message: `convgen is not reachable at ${base}.`, hint: 'Start it with `npm start`, or set CONVGEN_URL to where it runs.' });
    }
    const data = (response.status === 204 ? {} : await response.json().catch(() => ({}))) as { error?: { code: string; message: string; hint: string; details?: Record<string, unknown> } };
    if (!response.ok) throw new AppError({ code: data.error?.code ?? 'http_error', message: data.error?.message ?? `The server answered ${response.status}.`, hint: data.error?.hint ?? '', details: data.error?.details });
    return data as T;
  }
  /** A POST whose answer is a file: the response, to stream from, once it is known to be good. */
  async function stream(path: string, body: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(base + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    } catch {
      throw new AppError({ code: 'unreachable', message: `convgen is not reachable at ${base}.`, hint: 'Start it with `npm start`, or set CONVGEN_URL to where it runs.' });
    }
    if (!response.ok || !response.body) {
      const data = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string; hint: string } };
      throw new AppError({ code: data.error?.code ?? 'http_error', message: data.error?.message ?? `The server answered ${response.status}.`, hint: data.error?.hint ?? '' });
    }
    return response;
  }
  /** A multipart POST (a file upload); answers like `call`. */
  async function upload<T>(path: string, form: FormData): Promise<T> {
    let response: Response;
    try {
      response = await fetch(base + path, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    } catch {
      throw new AppError({ code: 'unreachable', message: `convgen is not reachable at ${base}.`, hint: 'Start it with `npm start`, or set CONVGEN_URL to where it runs.' });
    }
    const data = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string; hint: string; details?: Record<string, unknown> } };
    if (!response.ok) throw new AppError({ code: data.error?.code ?? 'http_error', message: data.error?.message ?? `The server answered ${response.status}.`, hint: data.error?.hint ?? '', details: data.error?.details });
    return data as T;
  }
  return {
    base,
    upload,
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
    /** Posts JSON text exactly as given, e.g. a file read from disk. */
    postJsonText: <T>(path: string, json: string) => call<T>('POST', path, undefined, { text: json, contentType: 'application/json' }),
    patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
    delete: <T>(path: string) => call<T>('DELETE', path),
    /** A file's text sent as it is (a CSV as text/csv). */
    postRaw: <T>(path: string, text: string, contentType: string) => call<T>('POST', path, undefined, { text, contentType }),
    stream,
  };
}
export type ApiClient = ReturnType<typeof apiClient>;
