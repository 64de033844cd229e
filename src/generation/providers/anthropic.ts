import Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
import { generatedConversationSchema } from '../../core/output';
import { accountFingerprint } from './account';
import { announcedLimits, mapSdkError as mapErrorOf } from './http-errors';
import { ProviderError } from '../../core/provider-errors';
import type { ChunkAnalysisRequest, ChunkAnalysisResult, GenerationRequest, GenerationResult, Provider } from './types';

export const CONVERSATION_TOOL = 'record_conversation';
export const PROVIDER_TIMEOUT_MS = 90_000;

/** The forced tool's input schema, generated from the same zod schema that validates output. */
export const conversationToolSchema = z.toJSONSchema(generatedConversationSchema, { io: 'input', unrepresentable: 'any' }) as Anthropic.Tool.InputSchema;

const mapSdkError = (err: unknown) => mapErrorOf(Anthropic, err, PROVIDER_TIMEOUT_MS);

export interface AnthropicOptions {
  apiKey: string;
  model: string;
  baseURL?: string;
  timeoutMs?: number;
  reason: string;
}

/**
 * Claude through the official SDK. Structured output comes from a forced tool; the shared
 * system prompt carries cache_control so repeated calls read it from the cache. The SDK's own
 * retries are off: our retry policy and rate limiter decide.
 */
export function createAnthropicProvider(opts: AnthropicOptions): Provider {
  const client = new Anthropic({ apiKey: opts.apiKey, baseURL: opts.baseURL, maxRetries: 0, timeout: opts.timeoutMs ?? PROVIDER_TIMEOUT_MS });
  const paramsFor = (request: GenerationRequest): Anthropic.MessageCreateParamsNonStreaming => ({
    model: opts.model,
    max_tokens: request.maxTokens,
    // The Messages API of this SDK generation takes no temperature: the model samples itself.
    system: [{ type: 'text', text: request.system, cache_control: { type: 'ephemeral' } }],
    messages: [{ role: 'user', content: request.prompt }],
    tools: [{ name: CONVERSATION_TOOL, description: 'Record the finished conversation.', input_schema: conversationToolSchema }],
    tool_choice: { type: 'tool', name: CONVERSATION_TOOL },
  });

  /** The conversation from a message, or a malformed_output error saying what was wrong. */
  const resultOf = (message: Anthropic.Message, tool = CONVERSATION_TOOL): GenerationResult => {
    if (!message || typeof message !== 'object' || !Array.isArray(message.content)) {
      throw new ProviderError('malformed_output', 'The provider answered with something that is not a message.', { raw: message });
    }
    const toolUse = message.content.find((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use' && block.name === tool);
    if (!toolUse) throw new ProviderError('malformed_output', `The model did not use the ${tool} tool (stop reason: ${message.stop_reason}).`, { raw: message });
    return {
      output: toolUse.input as GenerationResult['output'],
      model: message.model || opts.model,
      usage: {
        inputTokens: message.usage.input_tokens,
        outputTokens: message.usage.output_tokens,
        cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
        cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
      },
      raw: message,
    };
  };

  return {
    info: { name: 'anthropic', model: opts.model, reason: opts.reason, typicalSeconds: 30 },
    account: accountFingerprint(opts.apiKey, opts.baseURL),
    async generate(request: GenerationRequest): Promise<GenerationResult> {
      let message: Anthropic.Message;
      let headers: Headers;
      try {
        ({ data: message, response: { headers } } = await client.messages.create(paramsFor(request), { signal: request.signal }).withResponse());
      } catch (err) {
        // A 200 whose body is not JSON surfaces from the SDK as a bare SyntaxError.
        if (err instanceof SyntaxError) throw new ProviderError('malformed_output', 'The provider answered with something that is not JSON.');
        throw mapSdkError(err);
      }
      return { ...resultOf(message), announced: announcedLimits(headers) };
    },
    async analyzeChunk(request: ChunkAnalysisRequest): Promise<ChunkAnalysisResult> {
      let message: Anthropic.Message;
      let headers: Headers;
      const params: Anthropic.MessageCreateParamsNonStreaming = {
        model: opts.model,
        max_tokens: request.maxTokens,
        system: [{ type: 'text', text: request.system, cache_control: { type: 'ephemeral' } }],
        messages: [{ role: 'user', content: request.prompt }],
        tools: [{ name: request.answer.tool, description: request.answer.description, input_schema: request.answer.schema as Anthropic.Tool.InputSchema }],
        tool_choice: { type: 'tool', name: request.answer.tool },
      };
      try {
        ({ data: message, response: { headers } } = await client.messages.create(params, { signal: request.signal }).withResponse());
      } catch (err) {
        if (err instanceof SyntaxError) throw new ProviderError('malformed_output', 'The provider answered with something that is not JSON.');
        throw mapSdkError(err);
      }
      return { ...resultOf(message, request.answer.tool), announced: announcedLimits(headers) };
    },
    batch: {
      async submit(requests) {
        try {
          const batch = await client.messages.batches.create({ requests: requests.map((r) => ({ custom_id: r.customId, params: paramsFor(r.request) })) });
          return batch.id;
        } catch (err) {
          throw mapSdkError(err);
        }
      },
      async cancel(batchId) {
        try {
          await client.messages.batches.cancel(batchId);
        } catch (err) {
          throw mapSdkError(err);
        }
      },
      async ended(batchId) {
        try {
          return (await client.messages.batches.retrieve(batchId)).processing_status === 'ended';
        } catch (err) {
          throw mapSdkError(err);
        }
      },
      async *results(batchId) {
        let entries: AsyncIterable<Anthropic.Messages.Batches.MessageBatchIndividualResponse>;
        try {
          entries = await client.messages.batches.results(batchId);
        } catch (err) {
          throw mapSdkError(err);
        }
        for await (const entry of entries) {
          const r = entry.result;
          if (r.type === 'succeeded') {
            try {
              yield { customId: entry.custom_id, result: resultOf(r.message) };
            } catch (err) {
              yield { customId: entry.custom_id, error: err as ProviderError };
            }
          } else if (r.type === 'errored') {
            const type = r.error.error.type;
            const kind = type === 'invalid_request_error' ? 'invalid_request' : type === 'authentication_error' || type === 'permission_error' ? 'auth' : type === 'overloaded_error' ? 'overloaded' : type === 'rate_limit_error' ? 'rate_limited' : 'server';
            yield { customId: entry.custom_id, error: new ProviderError(kind, `The batch request failed: ${r.error.error.message}`) };
          } else {
            yield { customId: entry.custom_id, error: new ProviderError('timeout', r.type === 'expired' ? 'The batch expired before this request ran (batches have 24 hours).' : 'The batch request was cancelled.') };
          }
        }
      },
    },
  };
}
