/** GET requests to a bench server, timed from the request until the whole answer is read. */
import type { BenchServer } from './server';

export interface TimedAnswer {
  ms: number;
  bytes: number;
  body: ArrayBuffer;
}

/** One GET with the server's API token; a non-2xx answer throws with its body. */
export async function timedGet(server: BenchServer, url: string): Promise<TimedAnswer> {
  const t0 = performance.now();
  const res = await fetch(server.base + url, { headers: server.headers });
  const body = await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} → ${res.status}: ${Buffer.from(body).toString()}`);
  return { ms: performance.now() - t0, bytes: body.byteLength, body };
}

/**
 * `warmUp` untimed GETs, then `count` timed ones, one after another; `url` may vary with the
 * request's number. Returns each timed latency and the size of the last answer.
 */
export async function sampleGets(server: BenchServer, url: string | ((i: number) => string), { warmUp, count }: { warmUp: number; count: number }) {
  const at = typeof url === 'string' ? () => url : url;
  for (let i = 0; i < warmUp; i++) await timedGet(server, at(i));
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const answer = await timedGet(server, at(i));
    times.push(answer.ms);
    bytes = answer.bytes;
  }
  return { times, bytes };
}
