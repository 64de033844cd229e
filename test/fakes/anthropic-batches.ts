/**
 * Message Batches for the Anthropic fake: create, retrieve, results (JSONL), cancel. Shapes follow
 * the SDK's MessageBatch / MessageBatchIndividualResponse types. A batch ends `batchProcessingMs`
 * after creation, computed from the clock on each poll, so it needs no timers.
 */
import type { FaultPlan } from './fault-plan';
import { answerHeaders, randomId, sendJson, sendText, serveFaultable, type Exchange, type LoopbackServer } from './fake-server';
import { anthropicDialect, messageParamsProblem, type MessageFactory, type MessageParams } from './anthropic-messages';

interface BatchRequest {
  custom_id: string;
  params: MessageParams;
}

interface BatchState {
  id: string;
  createdAt: number;
  requests: BatchRequest[];
  /** Set by an injected `malformed` fault at creation: every succeeded result is malformed. */
  malformed: boolean;
  cancelInitiatedAt?: number;
  /** Built once on first read so repeated downloads return the same message ids. */
  resultLines?: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH_PATH = /^\/v1\/messages\/batches\/([^/]+)(\/results|\/cancel)?$/;

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export interface BatchRouteDeps {
  server: LoopbackServer;
  plan: FaultPlan;
  messages: MessageFactory;
  headerProblem(exchange: Exchange): { status: number; message: string } | undefined;
  processingMs: number;
  /** custom_ids whose result is `errored`. */
  erroredIds: ReadonlySet<string>;
}

export function createBatchRoutes({ server, plan, messages, headerProblem, processingMs, erroredIds }: BatchRouteDeps) {
  const batches = new Map<string, BatchState>();

  const endedAt = (batch: BatchState) => batch.cancelInitiatedAt ?? batch.createdAt + processingMs;
  const wasCanceled = (batch: BatchState) => batch.cancelInitiatedAt !== undefined;

  /** Why a request of the batch errors, or undefined when it succeeds. */
  const requestProblem = (request: BatchRequest): string | undefined =>
    erroredIds.has(request.custom_id) ? `Request ${request.custom_id} was configured to error in this fake.` : messageParamsProblem(request.params);

  function render(batch: BatchState, baseUrl: string, now = Date.now()): Record<string, unknown> {
    const ended = now >= endedAt(batch);
    const total = batch.requests.length;
    const errored = ended && !wasCanceled(batch) ? batch.requests.filter((r) => requestProblem(r) !== undefined).length : 0;
    return {
      id: batch.id,
      type: 'message_batch',
      processing_status: ended ? 'ended' : wasCanceled(batch) ? 'canceling' : 'in_progress',
      request_counts: {
        processing: ended ? 0 : total,
        succeeded: ended && !wasCanceled(batch) ? total - errored : 0,
        errored,
        canceled: ended && wasCanceled(batch) ? total : 0,
        expired: 0,
      },
      ended_at: ended ? iso(endedAt(batch)) : null,
      created_at: iso(batch.createdAt),
      expires_at: iso(batch.createdAt + DAY_MS),
      archived_at: null,
      cancel_initiated_at: batch.cancelInitiatedAt === undefined ? null : iso(batch.cancelInitiatedAt),
      results_url: ended ? `${baseUrl}/v1/messages/batches/${batch.id}/results` : null,
    };
  }

  function resultLines(batch: BatchState): string[] {
    batch.resultLines ??= batch.requests.map(({ custom_id, params }) => {
      if (wasCanceled(batch)) return JSON.stringify({ custom_id, result: { type: 'canceled' } });
      const problem = requestProblem({ custom_id, params });
      if (problem) {
        const error = { type: 'error', error: { type: 'invalid_request_error', message: problem }, request_id: null };
        return JSON.stringify({ custom_id, result: { type: 'errored', error } });
      }
      const { message } = messages.create(params, { malformed: batch.malformed, serviceTier: 'batch' });
      return JSON.stringify({ custom_id, result: { type: 'succeeded', message } });
    });
    return batch.resultLines;
  }

  /** The 400 for an unusable create body, or undefined. */
  function createProblem(body: unknown): string | undefined {
    const requests = (body as { requests?: unknown } | undefined)?.requests;
    if (!Array.isArray(requests) || requests.length === 0) return 'requests: at least one request is required';
    const ids = new Set<string>();
    for (const [index, request] of requests.entries()) {
      const { custom_id, params } = (request ?? {}) as { custom_id?: unknown; params?: unknown };
      if (typeof custom_id !== 'string' || custom_id === '') return `requests.${index}.custom_id: Field required`;
      if (!params || typeof params !== 'object') return `requests.${index}.params: Field required`;
      if (ids.has(custom_id)) return `requests.${index}.custom_id: custom_id must be unique within a batch`;
      ids.add(custom_id);
    }
    return undefined;
  }

  async function route(exchange: Exchange): Promise<void> {
    const { method, path, res } = exchange;
    if (method === 'POST' && path === '/v1/messages/batches') {
      // Creation is faultable like a message call, but batches do not count against the per-minute limits.
      const record = plan.arrive({ method, path, body: exchange.body, limited: false });
      await serveFaultable(server, plan, anthropicDialect, exchange, record, undefined, {
        refuse: () => {
          const problem = headerProblem(exchange) ?? createProblem(exchange.body);
          return typeof problem === 'string' ? { status: 400, message: problem } : problem;
        },
        answer: (malformed) => {
          const batch: BatchState = { id: randomId('msgbatch_01'), createdAt: Date.now(), requests: (exchange.body as { requests: BatchRequest[] }).requests, malformed };
          batches.set(batch.id, batch);
          return { body: render(batch, server.url), outputTokens: 0 };
        },
      });
      return;
    }

    // Polling routes answer at once and consume no faults, so a test's fault queue stays aimed at creation.
    const record = plan.arrive({ method, path, body: exchange.body, limited: false });
    const { requestId, headers } = answerHeaders(anthropicDialect, plan.currentLimits());
    const error = (status: number, message?: string) => plan.finish(record, sendJson(res, status, headers, anthropicDialect.errorBody(status, message, requestId)) ? status : null);
    const refusal = headerProblem(exchange);
    if (refusal) return error(refusal.status, refusal.message);

    const match = BATCH_PATH.exec(path);
    const batch = match ? batches.get(decodeURIComponent(match[1])) : undefined;
    const action = match?.[2] ?? '';
    const known = (method === 'GET' && action !== '/cancel') || (method === 'POST' && action === '/cancel');
    if (!match || !known) return error(404, `${method} ${path} does not exist in this fake.`);
    if (!batch) return error(404, `No message batch with id ${match[1]}.`);

    if (action === '/results') {
      if (Date.now() < endedAt(batch)) return error(404, `Results for ${batch.id} are not available until processing ends.`);
      const sent = sendText(res, 200, headers, 'application/binary', resultLines(batch).join('\n') + '\n');
      plan.finish(record, sent ? 200 : null);
      return;
    }
    if (action === '/cancel' && Date.now() < endedAt(batch)) {
      batch.cancelInitiatedAt = Date.now();
      // The cancel answer itself still says `canceling`; the next poll sees the batch ended.
      plan.finish(record, sendJson(res, 200, headers, render(batch, server.url, batch.cancelInitiatedAt - 1)) ? 200 : null);
      return;
    }
    plan.finish(record, sendJson(res, 200, headers, render(batch, server.url)) ? 200 : null);
  }

  return {
    route,
    reset: () => batches.clear(),
  };
}
