import { gunzipSync, gzipSync } from 'node:zlib';

export interface Payloads {
  requestPayload: unknown;
  responsePayload: unknown;
}

/**
 * A generation log's request and response as one gzip of their JSON. Prompts repeat the same
 * system text and catalog words, so they shrink to a fraction; the row keeps its metadata
 * (tokens, cost, status) uncompressed for queries and reports.
 */
export function packPayloads(payloads: Payloads): { gz: Buffer; jsonBytes: number } {
  const json = JSON.stringify({ request: payloads.requestPayload ?? null, response: payloads.responsePayload ?? null });
  return { gz: gzipSync(Buffer.from(json, 'utf8'), { level: 9 }), jsonBytes: Buffer.byteLength(json, 'utf8') };
}

/** The payloads back from `packPayloads` (bytes as node-postgres or PGlite return them, or base64). */
export function unpackPayloads(gz: Uint8Array | string): Payloads {
  const bytes = typeof gz === 'string' ? Buffer.from(gz, 'base64') : Buffer.from(gz.buffer, gz.byteOffset, gz.byteLength);
  const parsed = JSON.parse(gunzipSync(bytes).toString('utf8')) as { request?: unknown; response?: unknown };
  return { requestPayload: parsed.request ?? null, responsePayload: parsed.response ?? null };
}
