/**
 * A loopback stand-in for OpenAI's Chat Completions API, close enough to the wire format that the
 * official SDK parses its answers and errors exactly as the real ones.
 * Point the SDK at it with `new OpenAI({ apiKey, baseURL: fake.url + '/v1', maxRetries: 0 })`.
 */
import { fakeConversation, malformedConversation, MALFORMED_VARIANTS } from './conversation-output';
import { DIMENSION_FORMAT, fakeDimensions, malformedDimensions } from './dimension-output';
import { fakeScenarios, malformedScenarios, SCENARIO_FORMAT } from './scenario-output';
import { FaultPlan, type FakeStats, type Fault, type FaultPlanOptions, type LimitState, type RecordedRequest } from './fault-plan';
import { answerHeaders, estimateTokens, randomId, sendJson, serveFaultable, startLoopbackServer, type Dialect, type Exchange } from './fake-server';

export interface FakeOpenAIOptions extends FaultPlanOptions {
  /** When set, any other bearer token gets a 401; by default every non-empty token is accepted. */
  apiKey?: string;
}

export interface FakeOpenAI {
  url: string;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  fail(...faults: Fault[]): void;
  failAlways(fault: Fault | null): void;
  /** Counts POST /v1/chat/completions: the route the rate limiter guards. */
  stats(): FakeStats;
  /** Forgets requests and faults. */
  reset(): void;
  close(): Promise<void>;
}

const ERRORS: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: 'Invalid request.', type: 'invalid_request_error', code: null },
  401: { message: 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.', type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { message: 'You are not allowed to sample from this model.', type: 'invalid_request_error', code: null },
  404: { message: 'The model does not exist or you do not have access to it.', type: 'invalid_request_error', code: 'model_not_found' },
  413: { message: 'Request too large.', type: 'invalid_request_error', code: null },
  429: { message: 'Rate limit reached for requests. Please try again later.', type: 'requests', code: 'rate_limit_exceeded' },
  500: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', code: null },
  503: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', code: null },
  529: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', code: null },
};

/** OpenAI spells resets as Go durations relative to now: "20ms", "1.5s", "6m0s". */
function goDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = `${Number(((ms - minutes * 60_000) / 1000).toFixed(3))}s`;
  return minutes ? `${minutes}m${seconds}` : seconds;
}

function limitHeaders(suffix: string, state: LimitState): Record<string, string> {
  return {
    [`x-ratelimit-limit-${suffix}`]: String(state.limit),
    [`x-ratelimit-remaining-${suffix}`]: String(state.remaining),
    [`x-ratelimit-reset-${suffix}`]: goDuration(state.resetAt - Date.now()),
  };
}

export const openaiDialect: Dialect = {
  requestIdHeader: 'x-request-id',
  newRequestId: () => `req_${randomId('', 32).toLowerCase()}`,
  rateLimitHeaders(limits) {
    const headers = limitHeaders('requests', limits.requests);
    // OpenAI has one token budget; report whichever of our two limits is tighter.
    const tightest = [limits.inputTokens, limits.outputTokens].filter((s): s is LimitState => !!s).sort((a, b) => a.remaining - b.remaining)[0];
    return tightest ? { ...headers, ...limitHeaders('tokens', tightest) } : headers;
  },
  errorBody(status, message) {
    const stock = ERRORS[status] ?? ERRORS[500];
    return { error: { message: message ?? stock.message, type: stock.type, param: null, code: stock.code } };
  },
  rateLimitErrorBody(admission, model) {
    const isRequests = admission.exceeded === 'requests';
    const state = isRequests ? admission.limits.requests : admission.exceeded === 'input_tokens' ? admission.limits.inputTokens : admission.limits.outputTokens;
    const unit = isRequests ? 'requests per min (RPM)' : 'tokens per min (TPM)';
    const message =
      `Rate limit reached for ${model ?? 'this model'} in organization org-fake on ${unit}: Limit ${state?.limit}, Used ${state?.limit}, Requested 1. ` +
      `Please try again in ${admission.retryAfterSeconds}s. Visit https://platform.openai.com/account/rate-limits to learn more.`;
    return { error: { message, type: isRequests ? 'requests' : 'tokens', param: null, code: 'rate_limit_exceeded' } };
  },
};

interface ChatMessage {
  role?: unknown;
  content?: unknown;
}

/** Text of a message `content`: a string or an array of `{ type: 'text', text }` parts. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : '')).join('\n');
}

function promptTokens(body: unknown): number {
  const messages = (body as { messages?: unknown } | undefined)?.messages;
  return Array.isArray(messages) ? estimateTokens(messages.map((m: ChatMessage) => contentText(m?.content)).join('\n')) : 0;
}

function refusal(exchange: Exchange, apiKey: string | undefined): { status: number; message: string } | undefined {
  const auth = exchange.req.headers.authorization ?? '';
  const token = /^Bearer (.+)$/i.exec(auth)?.[1];
  if (!token) {
    return { status: 401, message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)." };
  }
  if (apiKey !== undefined && token !== apiKey) return { status: 401, message: `Incorrect API key provided: ${token.slice(0, 3)}***${token.slice(-4)}.` };
  const body = exchange.body as { model?: unknown; messages?: unknown } | undefined;
  if (!exchange.bodyIsJson || !body || typeof body !== 'object') return { status: 400, message: 'We could not parse the JSON body of your request.' };
  if (typeof body.model !== 'string') return { status: 400, message: 'you must provide a model parameter' };
  if (!Array.isArray(body.messages)) return { status: 400, message: "Missing required parameter: 'messages'." };
  if (body.messages.length === 0) return { status: 400, message: "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead." };
  return undefined;
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const plan = new FaultPlan(options);
  let malformedCount = 0;

  /** Structured output or not, the content is the conversation as a JSON string, as the app asks for. */
  const completion = (body: { model: string; messages: ChatMessage[]; response_format?: { json_schema?: { name?: unknown } } }, malformed: boolean) => {
    const lastUser = [...body.messages].reverse().find((m) => m?.role === 'user');
    // Asked for a chunk's dimensions rather than a conversation: answer in that shape.
    const dimensions = body.response_format?.json_schema?.name === DIMENSION_FORMAT;
    const scenarios = body.response_format?.json_schema?.name === SCENARIO_FORMAT;
    const conversation = scenarios
      ? malformed
        ? malformedScenarios(malformedCount++)
        : fakeScenarios(contentText(lastUser?.content))
      : dimensions
      ? malformed
        ? malformedDimensions(malformedCount++)
        : fakeDimensions(contentText(lastUser?.content))
      : malformed
        ? malformedConversation(MALFORMED_VARIANTS[malformedCount++ % MALFORMED_VARIANTS.length])
        : fakeConversation(contentText(lastUser?.content));
    const content = JSON.stringify(conversation);
    const prompt_tokens = promptTokens(body);
    const completion_tokens = estimateTokens(content);
    return {
      body: {
        id: `chatcmpl-${randomId('', 29)}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null, annotations: [] }, finish_reason: 'stop', logprobs: null }],
        usage: {
          prompt_tokens,
          completion_tokens,
          total_tokens: prompt_tokens + completion_tokens,
          prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
        },
        service_tier: 'default',
        system_fingerprint: 'fp_fake0001',
      },
      outputTokens: completion_tokens,
    };
  };

  const server = await startLoopbackServer(openaiDialect, async (exchange) => {
    const { method, path, res } = exchange;
    const record = plan.arrive({ method, path, body: exchange.body, limited: method === 'POST' && path === '/v1/chat/completions' });
    if (!record.limited) {
      const { headers } = answerHeaders(openaiDialect, plan.currentLimits());
      const sent = sendJson(res, 404, headers, { error: { message: `Invalid URL (${method} ${path})`, type: 'invalid_request_error', param: null, code: null } });
      plan.finish(record, sent ? 404 : null);
      return;
    }
    const admission = plan.admit(record, promptTokens(exchange.body));
    await serveFaultable(server, plan, openaiDialect, exchange, record, admission, {
      refuse: () => refusal(exchange, options.apiKey),
      answer: (malformed) => completion(exchange.body as { model: string; messages: ChatMessage[] }, malformed),
    });
  });

  return {
    url: server.url,
    requests: plan.requests,
    fail: (...faults) => plan.fail(...faults),
    failAlways: (fault) => plan.failAlways(fault),
    stats: () => plan.stats(),
    reset: () => {
      plan.reset();
      malformedCount = 0;
    },
    close: () => server.close(),
  };
}
