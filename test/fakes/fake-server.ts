/**
 * The HTTP plumbing both provider fakes share: a loopback server whose every wait is bounded or
 * cancellable, and the pipeline a faultable request goes through (limiter, refusal, injected
 * fault, latency, answer). Each fake supplies a Dialect for its own headers and error JSON.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Admission, FaultPlan, RateLimitSnapshot, RecordedRequest } from './fault-plan';

/** The real APIs cap bodies around 32 MB; a bound keeps a runaway test from eating memory. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  /** Parsed JSON, the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  bodyIsJson: boolean;
}

/** How one provider spells request ids, rate-limit headers and error bodies. */
export interface Dialect {
  /** `request-id` for Anthropic, `x-request-id` for OpenAI. */
  requestIdHeader: string;
  newRequestId(): string;
  rateLimitHeaders(limits: RateLimitSnapshot): Record<string, string>;
  /** `message` overrides the status's stock wording. */
  errorBody(status: number, message: string | undefined, requestId: string): unknown;
  rateLimitErrorBody(admission: Extract<Admission, { admitted: false }>, model: string | undefined, requestId: string): unknown;
}

export interface LoopbackServer {
  url: string;
  /** Resolves true after `ms`, or false as soon as the client goes away or the server closes. */
  wait(res: ServerResponse, ms: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Base62 ids shaped like the providers' (`msg_01…`, `req_011C…`). */
export function randomId(prefix: string, length = 24): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return prefix + [...randomBytes(length)].map((byte) => alphabet[byte % 62]).join('');
}

/** ≈ 4 characters per token, the usual rule of thumb for English. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendText(res: ServerResponse, status: number, headers: Record<string, string>, contentType: string, text: string): boolean {
  if (res.destroyed || res.headersSent) return false;
  res.writeHead(status, { ...headers, 'content-type': contentType, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
  return true;
}

export function sendJson(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): boolean {
  return sendText(res, status, headers, 'application/json', JSON.stringify(body));
}

/** Listens on 127.0.0.1, port 0, and routes every request through `route`. */
export async function startLoopbackServer(dialect: Dialect, route: (exchange: Exchange) => Promise<void>): Promise<LoopbackServer> {
  const cancels = new Set<() => void>();
  let closing = false;

  const server = http.createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (raw === undefined) {
        const requestId = dialect.newRequestId();
        sendJson(res, 413, { [dialect.requestIdHeader]: requestId }, dialect.errorBody(413, 'Request exceeds the maximum allowed number of bytes.', requestId));
        return;
      }
      let body: unknown = raw === '' ? undefined : raw;
      let bodyIsJson = false;
      try {
        if (raw !== '') [body, bodyIsJson] = [JSON.parse(raw), true];
      } catch {
        // Keep the raw text: the route answers 400, like the real services.
      }
      await route({ req, res, method: req.method ?? 'GET', path: url.pathname, body, bodyIsJson });
    })().catch((err: unknown) => {
      const requestId = dialect.newRequestId();
      sendJson(res, 500, { [dialect.requestIdHeader]: requestId }, dialect.errorBody(500, `fake failed: ${String(err)}`, requestId));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    wait(res, ms) {
      if (closing || res.destroyed) return Promise.resolve(false);
      if (ms <= 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const settle = (answered: boolean) => {
          if (timer) clearTimeout(timer);
          res.off('close', onGone);
          cancels.delete(onGone);
          resolve(answered);
        };
        const onGone = () => settle(false);
        // An infinite wait (a hang) arms no timer at all: only the client or close() ends it.
        const timer = Number.isFinite(ms) ? setTimeout(() => settle(true), ms) : undefined;
        res.on('close', onGone);
        cancels.add(onGone);
      });
    },
    async close() {
      closing = true;
      for (const cancel of [...cancels]) cancel();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A fresh request id plus the rate-limit headers every answer carries, errors included. */
export function answerHeaders(dialect: Dialect, limits: RateLimitSnapshot): { requestId: string; headers: Record<string, string> } {
  const requestId = dialect.newRequestId();
  return { requestId, headers: { [dialect.requestIdHeader]: requestId, ...dialect.rateLimitHeaders(limits) } };
}

export interface FaultableHandlers {
  /** Auth and validation: an error answer, or undefined to go on. Refused requests consume no fault. */
  refuse(): { status: number; message: string } | undefined;
  /** The success body; `malformed` asks for content the conversation schema rejects. */
  answer(malformed: boolean): { body: unknown; outputTokens: number };
}

const GARBAGE_JSON = '{"id":"msg_01TRUNCATED","type":"message","content":[{"type":"te';
const GARBAGE_HTML = '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

/**
 * Runs one request through limiter verdict → refusal → injected fault → latency → answer, and
 * records how it ended. `admission` is undefined for routes the limiter does not count.
 */
export async function serveFaultable(
  server: LoopbackServer,
  plan: FaultPlan,
  dialect: Dialect,
  exchange: Exchange,
  record: RecordedRequest,
  admission: Admission | undefined,
  handlers: FaultableHandlers,
): Promise<void> {
  const { res } = exchange;
  const requestId = dialect.newRequestId();
  // Rate-limit headers are read at send time, so a success already counts its own output tokens.
  const headers = (extra: Record<string, string> = {}) => ({ [dialect.requestIdHeader]: requestId, ...dialect.rateLimitHeaders(plan.currentLimits()), ...extra });
  const finish = (status: number, sent: boolean) => plan.finish(record, sent ? status : null);

  if (admission && !admission.admitted) {
    const retryAfter = { 'retry-after': String(admission.retryAfterSeconds) };
    finish(429, sendJson(res, 429, headers(retryAfter), dialect.rateLimitErrorBody(admission, record.model, requestId)));
    return;
  }

  const refusal = handlers.refuse();
  const fault = refusal ? undefined : plan.takeFault();
  if (fault) record.fault = fault.kind;
  const delay = fault?.kind === 'hang' ? Infinity : (plan.options.latencyMs ?? 0) + (fault?.kind === 'slow' ? fault.ms : 0);
  if (!(await server.wait(res, delay))) {
    // Client gave up or the fake is closing: drop the connection rather than answer late.
    plan.finish(record, null);
    res.destroy();
    return;
  }

  if (refusal) {
    finish(refusal.status, sendJson(res, refusal.status, headers(), dialect.errorBody(refusal.status, refusal.message, requestId)));
  } else if (fault?.kind === 'status') {
    const seconds = fault.retryAfterSeconds ?? (fault.status === 429 ? (plan.options.retryAfterSeconds ?? 1) : undefined);
    const extra: Record<string, string> = seconds === undefined ? {} : { 'retry-after': String(seconds) };
    finish(fault.status, sendJson(res, fault.status, headers(extra), dialect.errorBody(fault.status, undefined, requestId)));
  } else if (fault?.kind === 'garbage') {
    const contentType = fault.contentType ?? 'application/json';
    finish(200, sendText(res, 200, headers(), contentType, contentType.includes('json') ? GARBAGE_JSON : GARBAGE_HTML));
  } else {
    const { body, outputTokens } = handlers.answer(fault?.kind === 'malformed');
    record.outputTokens = outputTokens;
    finish(200, sendJson(res, 200, headers(), body));
  }
}
