import OpenAI from 'openai';
import { conversationToolSchema, PROVIDER_TIMEOUT_MS } from './anthropic';
import { accountFingerprint } from './account';
import { announcedLimits, mapSdkError as mapErrorOf } from './http-errors';
import { ProviderError } from '../../core/provider-errors';
import type { ChunkAnalysisRequest, ChunkAnalysisResult, GenerationRequest, GenerationResult, Provider } from './types';

const mapSdkError = (err: unknown) => mapErrorOf(OpenAI, err, PROVIDER_TIMEOUT_MS);

export interface OpenAIOptions {
  apiKey: string;
  model: string;
  baseURL?: string;
  timeoutMs?: number;
  reason: string;
}

/**
 * Any OpenAI-compatible chat-completions server (OpenAI, Ollama, vLLM, LM Studio, llama.cpp),
 * asked for JSON that matches the conversation schema.
 */
export function createOpenAIProvider(opts: OpenAIOptions): Provider {
  const client = new OpenAI({ apiKey: opts.apiKey, baseURL: opts.baseURL, maxRetries: 0, timeout: opts.timeoutMs ?? PROVIDER_TIMEOUT_MS });
  /** One chat completion asked for JSON matching `schema`; the parsed JSON comes back unchecked. */
  async function completeJson(request: { system: string; prompt: string; maxTokens: number; temperature?: number; signal?: AbortSignal }, schemaName: string, schema: unknown): Promise<ChunkAnalysisResult> {
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    let headers: Headers;
    try {
      ({ data: completion, response: { headers } } = await client.chat.completions.create(
        {
          model: opts.model,
          max_tokens: request.maxTokens,
          temperature: request.temperature,
          messages: [
            { role: 'system', content: request.system },
            { role: 'user', content: request.prompt },
          ],
          response_format: { type: 'json_schema', json_schema: { name: schemaName, schema: schema as Record<string, unknown>, strict: false } },
        },
        { signal: request.signal },
      ).withResponse());
    } catch (err) {
      if (err instanceof SyntaxError) throw new ProviderError('malformed_output', 'The provider answered with something that is not JSON.');
      throw mapSdkError(err);
    }
    const announced = announcedLimits(headers);
    const content = typeof completion === 'object' ? completion?.choices?.[0]?.message?.content : undefined;
    let output: unknown;
    try {
      output = content ? JSON.parse(content) : undefined;
    } catch {
      throw new ProviderError('malformed_output', 'The model answered with text that is not JSON.', { raw: completion, announced });
    }
    if (output === undefined) throw new ProviderError('malformed_output', `The model returned no content (finish reason: ${completion?.choices?.[0]?.finish_reason ?? 'none'}).`, { raw: completion, announced });
    return {
      output,
      model: completion.model || opts.model,
      usage: {
        inputTokens: completion.usage?.prompt_tokens ?? 0,
        outputTokens: completion.usage?.completion_tokens ?? 0,
        cacheReadTokens: completion.usage?.prompt_tokens_details?.cached_tokens ?? 0,
        cacheWriteTokens: 0,
      },
      raw: completion,
      announced,
    };
  }

  return {
    info: { name: 'openai', model: opts.model, reason: opts.reason, typicalSeconds: 30 },
    account: accountFingerprint(opts.apiKey, opts.baseURL),
    async generate(request: GenerationRequest): Promise<GenerationResult> {
      const result = await completeJson(request, 'conversation', conversationToolSchema);
      return { ...result, output: result.output as GenerationResult['output'] };
    },
    analyzeChunk: (request: ChunkAnalysisRequest) => completeJson({ ...request, temperature: 0 }, request.answer.format, request.answer.schema),
  };
}
