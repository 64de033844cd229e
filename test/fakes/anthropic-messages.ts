/**
 * The Anthropic Messages wire format: error and rate-limit spellings, request validation, and
 * Message objects (tool_use or text) with usage that models prompt caching.
 */
import { fakeConversation, malformedConversation, MALFORMED_VARIANTS } from './conversation-output';
import { DIMENSION_TOOL, fakeDimensions, malformedDimensions } from './dimension-output';
import { fakeGroundingVerdicts, GROUNDING_TOOL } from './grounding-output';
import { fakeJudgement, JUDGE_TOOL, malformedJudgement } from './judge-output';
import { fakeScenarios, malformedScenarios, SCENARIO_TOOL } from './scenario-output';
import type { LimitState } from './fault-plan';
import { estimateTokens, randomId, type Dialect } from './fake-server';

const ERROR_TYPES: Record<number, [type: string, message: string]> = {
  400: ['invalid_request_error', 'Invalid request.'],
  401: ['authentication_error', 'invalid x-api-key'],
  403: ['permission_error', 'Your API key does not have permission to use the specified resource.'],
  404: ['not_found_error', 'Not found.'],
  413: ['request_too_large', 'Request exceeds the maximum allowed number of bytes.'],
  429: ['rate_limit_error', 'Number of requests has exceeded your rate limit.'],
  500: ['api_error', 'Internal server error'],
  503: ['api_error', 'Service unavailable'],
  529: ['overloaded_error', 'Overloaded'],
};

/** RFC 3339 without milliseconds, rounded up so a client never retries a moment too early. */
function rfc3339(epochMs: number): string {
  return new Date(Math.ceil(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function limitHeaders(prefix: string, state: LimitState): Record<string, string> {
  return {
    [`${prefix}-limit`]: String(state.limit),
    [`${prefix}-remaining`]: String(state.remaining),
    [`${prefix}-reset`]: rfc3339(state.resetAt),
  };
}

export const anthropicDialect: Dialect = {
  requestIdHeader: 'request-id',
  newRequestId: () => randomId('req_011C'),
  rateLimitHeaders(limits) {
    const headers = limitHeaders('anthropic-ratelimit-requests', limits.requests);
    if (limits.inputTokens) Object.assign(headers, limitHeaders('anthropic-ratelimit-input-tokens', limits.inputTokens));
    if (limits.outputTokens) Object.assign(headers, limitHeaders('anthropic-ratelimit-output-tokens', limits.outputTokens));
    // The combined tokens-* headers report whichever token limit is most restrictive.
    const tightest = [limits.inputTokens, limits.outputTokens].filter((s): s is LimitState => !!s).sort((a, b) => a.remaining - b.remaining)[0];
    if (tightest) Object.assign(headers, limitHeaders('anthropic-ratelimit-tokens', tightest));
    return headers;
  },
  errorBody(status, message, requestId) {
    const [type, stock] = ERROR_TYPES[status] ?? ['api_error', 'Internal server error'];
    return { type: 'error', error: { type, message: message ?? stock }, request_id: requestId };
  },
  rateLimitErrorBody(admission, _model, requestId) {
    const unit = { requests: 'requests', input_tokens: 'input tokens', output_tokens: 'output tokens' }[admission.exceeded];
    const limit = { requests: admission.limits.requests, input_tokens: admission.limits.inputTokens, output_tokens: admission.limits.outputTokens }[admission.exceeded]?.limit;
    const message = `This request would exceed your organization's rate limit of ${limit} ${unit} per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits.`;
    return { type: 'error', error: { type: 'rate_limit_error', message }, request_id: requestId };
  },
};

interface ContentBlockLike {
  type?: unknown;
  text?: unknown;
  cache_control?: unknown;
}

/** Text of a `content` (string or blocks); non-text blocks count by their JSON size. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((block: ContentBlockLike) => (block?.type === 'text' && typeof block.text === 'string' ? block.text : JSON.stringify(block))).join('\n');
}

export interface MessageParams {
  model: string;
  max_tokens: number;
  messages: { role: string; content: unknown }[];
  system?: unknown;
  tools?: { name?: unknown }[];
  tool_choice?: { type?: unknown; name?: unknown };
}

/** The 400 the real API gives for a body it cannot use, or undefined when the params are usable. */
export function messageParamsProblem(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'There was an error parsing the body. Please check that your body is valid JSON.';
  const params = body as Partial<Record<keyof MessageParams, unknown>>;
  if (typeof params.model !== 'string') return 'model: Field required';
  if (typeof params.max_tokens !== 'number') return 'max_tokens: Field required';
  if (!Array.isArray(params.messages) || params.messages.length === 0) return 'messages: at least one message is required';
  return undefined;
}

/** Builds Message objects; owns the prompt cache so creation vs. read depends on history. */
export class MessageFactory {
  private cachedPrefixes = new Set<string>();
  private malformedCount = 0;

  reset(): void {
    this.cachedPrefixes.clear();
    this.malformedCount = 0;
  }

  inputTokens(params: Partial<MessageParams>): number {
    const messages = Array.isArray(params.messages) ? params.messages : [];
    return estimateTokens(contentText(params.system) + messages.map((m) => contentText(m?.content)).join('\n'));
  }

  create(params: MessageParams, options: { malformed: boolean; serviceTier: 'standard' | 'batch' }): { message: Record<string, unknown>; outputTokens: number } {
    const lastUser = [...params.messages].reverse().find((m) => m?.role === 'user');
    const choice = params.tool_choice;
    const forcedTool =
      choice?.type === 'tool' && typeof choice.name === 'string' ? choice.name : choice?.type === 'any' && typeof params.tools?.[0]?.name === 'string' ? params.tools[0].name : undefined;
    // Asked for a chunk's dimensions rather than a conversation: answer in that shape.
    const conversation =
      forcedTool === SCENARIO_TOOL
        ? options.malformed
          ? malformedScenarios(this.malformedCount++)
          : fakeScenarios(contentText(lastUser?.content))
        : forcedTool === JUDGE_TOOL
        ? options.malformed
          ? malformedJudgement()
          : fakeJudgement(contentText(lastUser?.content))
        : forcedTool === GROUNDING_TOOL
        ? fakeGroundingVerdicts(contentText(lastUser?.content))
        : forcedTool === DIMENSION_TOOL
        ? options.malformed
          ? malformedDimensions(this.malformedCount++)
          : fakeDimensions(contentText(lastUser?.content))
        : options.malformed
          ? malformedConversation(MALFORMED_VARIANTS[this.malformedCount++ % MALFORMED_VARIANTS.length])
          : fakeConversation(contentText(lastUser?.content));
    const content = forcedTool
      ? [{ type: 'tool_use', id: randomId('toolu_01'), name: forcedTool, input: conversation, caller: { type: 'direct' } }]
      : [{ type: 'text', text: JSON.stringify(conversation), citations: null }];
    const outputTokens = estimateTokens(JSON.stringify(conversation));

    // Prompt caching: the system blocks up to the last cache_control breakpoint form the prefix.
    const system = Array.isArray(params.system) ? (params.system as ContentBlockLike[]) : [];
    const breakpoint = system.map((block) => !!block?.cache_control).lastIndexOf(true);
    const prefix = breakpoint >= 0 ? contentText(system.slice(0, breakpoint + 1)) : '';
    const cacheTokens = prefix ? estimateTokens(prefix) : 0;
    const cacheHit = prefix !== '' && this.cachedPrefixes.has(prefix);
    if (prefix) this.cachedPrefixes.add(prefix);
    const cacheWrite = cacheHit ? 0 : cacheTokens;
    const ttl1h = breakpoint >= 0 && (system[breakpoint].cache_control as { ttl?: unknown }).ttl === '1h';

    const message = {
      id: randomId('msg_01'),
      type: 'message',
      role: 'assistant',
      model: params.model,
      content,
      stop_reason: forcedTool ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      stop_details: null,
      container: null,
      diagnostics: null,
      usage: {
        input_tokens: Math.max(0, this.inputTokens(params) - cacheTokens),
        output_tokens: outputTokens,
        cache_creation_input_tokens: cacheWrite,
        cache_read_input_tokens: cacheHit ? cacheTokens : 0,
        cache_creation: { ephemeral_5m_input_tokens: ttl1h ? 0 : cacheWrite, ephemeral_1h_input_tokens: ttl1h ? cacheWrite : 0 },
        inference_geo: null,
        output_tokens_details: null,
        server_tool_use: null,
        service_tier: options.serviceTier,
        speed: null,
      },
    };
    return { message, outputTokens };
  }
}
