/**
 * A loopback stand-in for the Anthropic Messages API (and Message Batches), close enough to the
 * wire format that the official SDK parses its answers and errors exactly as the real ones.
 * Point the SDK at it with `new Anthropic({ apiKey, baseURL: fake.url, maxRetries: 0 })`.
 */
import { FaultPlan, type FakeStats, type Fault, type FaultPlanOptions, type RecordedRequest } from './fault-plan';
import { serveFaultable, startLoopbackServer, type Exchange } from './fake-server';
import { anthropicDialect, MessageFactory, messageParamsProblem, type MessageParams } from './anthropic-messages';
import { createBatchRoutes } from './anthropic-batches';

export interface FakeAnthropicOptions extends FaultPlanOptions {
  /** When set, any other `x-api-key` gets a 401; by default every non-empty key is accepted. */
  apiKey?: string;
  /** How long a batch stays `in_progress` before it ends (default 200 ms). */
  batchProcessingMs?: number;
  /** custom_ids whose batch result is `errored` instead of `succeeded`. */
  batchErroredIds?: string[];
}

export interface FakeAnthropic {
  url: string;
  /** Every request, in arrival order (generation and batch routes alike). */
  requests: RecordedRequest[];
  fail(...faults: Fault[]): void;
  failAlways(fault: Fault | null): void;
  /** Counts POST /v1/messages only: the route the rate limiter guards. */
  stats(): FakeStats;
  /** Forgets requests, faults, the prompt cache and batches. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const plan = new FaultPlan(options);
  const messages = new MessageFactory();

  /**
   * Header checks every route makes before looking at the body. SDK 1.x sends the API key as
   * `Authorization: Bearer …` (older SDKs and curl examples use `x-api-key`): accept either.
   */
  const headerProblem = (exchange: Exchange): { status: number; message: string } | undefined => {
    const { headers } = exchange.req;
    const key = headers['x-api-key'] ?? /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];
    if (typeof key !== 'string' || key === '' || (options.apiKey !== undefined && key !== options.apiKey)) return { status: 401, message: 'invalid x-api-key' };
    if (!exchange.req.headers['anthropic-version']) return { status: 400, message: 'anthropic-version: header is required' };
    return undefined;
  };

  const server = await startLoopbackServer(anthropicDialect, async (exchange) => {
    if (exchange.method === 'POST' && exchange.path === '/v1/messages') {
      const record = plan.arrive({ method: exchange.method, path: exchange.path, body: exchange.body, limited: true });
      const admission = plan.admit(record, messages.inputTokens((exchange.body ?? {}) as Partial<MessageParams>));
      await serveFaultable(server, plan, anthropicDialect, exchange, record, admission, {
        refuse: () => {
          const problem = headerProblem(exchange) ?? messageParamsProblem(exchange.body);
          return typeof problem === 'string' ? { status: 400, message: problem } : problem;
        },
        answer: (malformed) => {
          const { message, outputTokens } = messages.create(exchange.body as MessageParams, { malformed, serviceTier: 'standard' });
          return { body: message, outputTokens };
        },
      });
      return;
    }
    await batches.route(exchange);
  });

  const batches = createBatchRoutes({
    server,
    plan,
    messages,
    headerProblem,
    processingMs: options.batchProcessingMs ?? 200,
    erroredIds: new Set(options.batchErroredIds ?? []),
  });

  return {
    url: server.url,
    requests: plan.requests,
    fail: (...faults) => plan.fail(...faults),
    failAlways: (fault) => plan.failAlways(fault),
    stats: () => plan.stats(),
    reset: () => {
      plan.reset();
      messages.reset();
      batches.reset();
    },
    close: () => server.close(),
  };
}
