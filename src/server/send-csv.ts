import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** Answers a CSV download named `<name>-<today>.csv`; a Readable body streams. */
export function sendCsv(reply: FastifyReply, name: string, body: string | Readable) {
  const today = new Date().toISOString().slice(0, 10);
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}-${today}.csv"`).send(body);
}
