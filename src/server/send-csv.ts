import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** The header line plus the first row: by then the first query has run. */
const PRIMED_LINES = 2;

/**
 * Answers a CSV download named `<name>-<today>.csv`. A streamed body is started before the answer
 * is committed: its header and first row are read (running the first query), so a filter the
 * database refuses becomes a normal error answer instead of a 200 with a cut file. A failure after
 * that (the database going away mid-download) breaks the connection, so the client sees an
 * incomplete download rather than a short file that looks whole.
 */
export async function sendCsv(reply: FastifyReply, name: string, body: string | AsyncIterable<string>) {
  const today = new Date().toISOString().slice(0, 10);
  reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}-${today}.csv"`);
  if (typeof body === 'string') return reply.send(body);
  const iterator = body[Symbol.asyncIterator]();
  const primed: string[] = [];
  let done = false;
  while (primed.length < PRIMED_LINES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    primed.push(next.value);
  }
  async function* rest() {
    yield* primed;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return reply.send(Readable.from(rest()));
}
