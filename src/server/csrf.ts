import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery: a page on another origin can make the browser send a write with
 * the user's session cookie (a form post, or fetch with credentials). `SameSite=Lax` does not
 * stop a page on another port of the same host, which counts as the same site. So every write
 * that can be authenticated by a cookie must come from convgen's own origin:
 *
 * - requests with `Authorization: Bearer` are not affected (a browser never adds that header
 *   on its own, so it cannot be forged);
 * - `Sec-Fetch-Site`, sent by every current browser, must be `same-origin` (or `none`: typed
 *   by the user);
 * - `Origin` (or, failing that, `Referer`) must name the host the request was sent to, or the
 *   configured public URL;
 * - a cookie-carrying write with neither header is refused: browsers always send one.
 */
export function crossOriginReason(request: FastifyRequest, publicUrl: string | undefined): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  if (request.headers.authorization?.startsWith('Bearer ')) return null;
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && fetchSite !== 'same-origin' && fetchSite !== 'none') return `the browser marked it as sent from a ${fetchSite} page`;
  const source = request.headers.origin ?? request.headers.referer;
  if (!source || source === 'null') return request.headers.cookie ? 'it carries a session cookie but no Origin header' : null;
  let host: string;
  try {
    host = new URL(source).host;
  } catch {
    return 'its Origin header is not an address';
  }
  const allowed = [request.headers.host, publicUrl ? new URL(publicUrl).host : undefined].filter(Boolean);
  return allowed.includes(host) ? null : `it was sent from ${new URL(source).origin}`;
}

export function registerCsrfProtection(app: FastifyInstance, publicUrl: string | undefined) {
  app.addHook('onRequest', async (request) => {
    const reason = crossOriginReason(request, publicUrl);
    if (!reason) return;
    throw new AppError({
      code: 'cross_origin_request',
      status: 403,
      message: `This request was refused because ${reason}, not from convgen's own pages.`,
      hint: 'Use convgen from its own address. Scripts should send "Authorization: Bearer <token>" instead of a session cookie.',
      details: { origin: request.headers.origin ?? null },
    });
  });
}
