/**
 * The fakes checked through the REAL SDKs (retries off): if these pass, the app's provider code
 * sees from the fakes exactly the objects and error classes it would see from the services.
 */
import Anthropic, { type APIError as AnthropicAPIError, type RateLimitError as AnthropicRateLimitError } from '@anthropic-ai/sdk';
import OpenAI, { type APIError as OpenAIAPIError, type RateLimitError as OpenAIRateLimitError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { parseGeneratedConversation } from '../../src/core/output';
import { fakeConversation, malformedConversation, MALFORMED_VARIANTS } from './conversation-output';
import { startFakeAnthropic, type FakeAnthropic, type FakeAnthropicOptions } from './anthropic-fake';
import { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from './openai-fake';
import type { InjectedStatus } from './fault-plan';

const MODEL = 'claude-haiku-4-5';
/** Any SDK error class; the SDKs' subclasses do not assign to `typeof APIError` itself. */
type ErrorClass = abstract new (...args: never[]) => unknown;
const TOOL = 'record_conversation';
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((fake) => fake.close()));
});

async function anthropicFake(options: FakeAnthropicOptions = {}): Promise<{ fake: FakeAnthropic; client: Anthropic }> {
  const fake = await startFakeAnthropic(options);
  open.push(fake);
  return { fake, client: new Anthropic({ apiKey: 'sk-ant-test', baseURL: fake.url, maxRetries: 0 }) };
}

async function openaiFake(options: FakeOpenAIOptions = {}): Promise<{ fake: FakeOpenAI; client: OpenAI }> {
  const fake = await startFakeOpenAI(options);
  open.push(fake);
  return { fake, client: new OpenAI({ apiKey: 'sk-test', baseURL: `${fake.url}/v1`, maxRetries: 0 }) };
}

function toolCall(prompt: string, system = 'You write training conversations.') {
  return {
    model: MODEL,
    max_tokens: 4096,
    system: [{ type: 'text' as const, text: system, cache_control: { type: 'ephemeral' as const } }],
    messages: [{ role: 'user' as const, content: prompt }],
    tools: [{ name: TOOL, description: 'Record it.', input_schema: { type: 'object' as const } }],
    tool_choice: { type: 'tool' as const, name: TOOL },
  };
}

function chatCall(prompt: string) {
  return {
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system' as const, content: 'You write training conversations.' },
      { role: 'user' as const, content: prompt },
    ],
    response_format: { type: 'json_schema' as const, json_schema: { name: 'conversation', schema: { type: 'object' } } },
  };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

describe('conversation output', () => {
  it('is valid, deterministic per seed and different across seeds', () => {
    const a = fakeConversation('Explain the refund policy for damaged goods');
    expect(parseGeneratedConversation(a).ok).toBe(true);
    expect(fakeConversation('Explain the refund policy for damaged goods')).toEqual(a);
    expect(fakeConversation('Describe onboarding for warehouse staff').turns[1].content).not.toBe(a.turns[1].content);
    for (let i = 0; i < 50; i++) {
      const { turns } = fakeConversation(`seed ${i}`);
      expect(turns.length).toBeGreaterThanOrEqual(8);
      expect(turns.length).toBeLessThanOrEqual(12);
      for (const turn of turns.filter((t) => t.role === 'assistant')) {
        const words = turn.content.split(/\s+/).length;
        expect(words).toBeGreaterThanOrEqual(50);
        expect(words).toBeLessThanOrEqual(90);
      }
    }
    for (const variant of MALFORMED_VARIANTS) expect(parseGeneratedConversation(malformedConversation(variant)).ok).toBe(false);
  });
});

describe('Anthropic fake', () => {
  it('answers a forced tool call with a conversation the SDK parses, plus real headers', async () => {
    const { fake, client } = await anthropicFake();
    const { data: message, response } = await client.messages.create(toolCall('Teach me about invoice disputes')).withResponse();
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: MODEL, stop_reason: 'tool_use', stop_sequence: null });
    expect(message.id).toMatch(/^msg_01/);
    const block = message.content[0];
    expect(block.type === 'tool_use' && block.name).toBe(TOOL);
    expect(parseGeneratedConversation(block.type === 'tool_use' ? block.input : null)).toMatchObject({ ok: true });
    expect(message.usage.output_tokens).toBeGreaterThan(100);
    expect(response.headers.get('request-id')).toMatch(/^req_/);
    expect(response.headers.get('anthropic-ratelimit-requests-remaining')).toBe('3999');
    expect(response.headers.get('anthropic-ratelimit-requests-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(fake.requests[0]).toMatchObject({ status: 200, model: MODEL, path: '/v1/messages' });
  });

  it('answers with a JSON text block when no tool is forced', async () => {
    const { client } = await anthropicFake();
    const message = await client.messages.create({ model: MODEL, max_tokens: 1000, messages: [{ role: 'user', content: 'Hello there' }] });
    const block = message.content[0];
    expect(message.stop_reason).toBe('end_turn');
    expect(parseGeneratedConversation(JSON.parse(block.type === 'text' ? block.text : '')).ok).toBe(true);
  });

  it('writes the cached system prompt once, then reads it', async () => {
    const { client } = await anthropicFake();
    const system = 'A long shared system prompt. '.repeat(100);
    const first = await client.messages.create(toolCall('first prompt', system));
    const second = await client.messages.create(toolCall('second prompt', system));
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(500);
    expect(first.usage.cache_read_input_tokens).toBe(0);
    expect(second.usage.cache_creation_input_tokens).toBe(0);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(second.usage.input_tokens).toBeLessThan(20);
  });

  const anthropicClasses: [InjectedStatus, ErrorClass, string][] = [
    [400, Anthropic.BadRequestError, 'invalid_request_error'],
    [401, Anthropic.AuthenticationError, 'authentication_error'],
    [403, Anthropic.PermissionDeniedError, 'permission_error'],
    [404, Anthropic.NotFoundError, 'not_found_error'],
    [429, Anthropic.RateLimitError, 'rate_limit_error'],
    [500, Anthropic.InternalServerError, 'api_error'],
    [503, Anthropic.InternalServerError, 'api_error'],
    [529, Anthropic.InternalServerError, 'overloaded_error'],
  ];
  it.each(anthropicClasses)('an injected %i surfaces as the matching SDK error', async (status, errorClass, type) => {
    const { fake, client } = await anthropicFake();
    fake.fail({ kind: 'status', status, retryAfterSeconds: status === 429 ? 7 : undefined });
    const err = (await rejectionOf(client.messages.create(toolCall('x')))) as AnthropicAPIError;
    expect(err).toBeInstanceOf(errorClass);
    expect(err.status).toBe(status);
    expect(err.type).toBe(type);
    expect(err.requestID).toMatch(/^req_/);
    expect(err.headers?.get('anthropic-ratelimit-requests-limit')).toBe('4000');
    if (status === 429) expect(err.headers?.get('retry-after')).toBe('7');
    if (status === 529) expect(err).toBeInstanceOf(Anthropic.OverloadedError);
    // One-shot: the next call succeeds.
    await expect(client.messages.create(toolCall('x'))).resolves.toMatchObject({ type: 'message' });
  });

  it('refuses a wrong key and an invalid body the way the API does', async () => {
    const { fake } = await anthropicFake({ apiKey: 'sk-ant-right' });
    const wrong = new Anthropic({ apiKey: 'sk-ant-wrong', baseURL: fake.url, maxRetries: 0 });
    const auth = (await rejectionOf(wrong.messages.create(toolCall('x')))) as AnthropicAPIError;
    expect(auth).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(auth.error).toMatchObject({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
    const right = new Anthropic({ apiKey: 'sk-ant-right', baseURL: fake.url, maxRetries: 0 });
    const bad = await rejectionOf(right.messages.create({ model: MODEL, max_tokens: 10, messages: [] }));
    expect(bad).toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('malformed, garbage, slow and failAlways faults', async () => {
    const { fake, client } = await anthropicFake();
    fake.fail({ kind: 'malformed' }, { kind: 'garbage' }, { kind: 'garbage', contentType: 'text/html' }, { kind: 'slow', ms: 300 });
    const malformed = await client.messages.create(toolCall('x'));
    expect(parseGeneratedConversation(malformed.content[0].type === 'tool_use' ? malformed.content[0].input : null).ok).toBe(false);
    // A JSON content type with a broken body: the SDK throws a bare SyntaxError, not an APIError.
    expect(await rejectionOf(client.messages.create(toolCall('x')))).toBeInstanceOf(SyntaxError);
    // A non-JSON content type: the SDK resolves with the raw string where a Message was expected.
    expect(typeof (await client.messages.create(toolCall('x')))).toBe('string');
    expect(await rejectionOf(client.messages.create(toolCall('x'), { timeout: 100 }))).toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
    fake.failAlways({ kind: 'status', status: 503 });
    await expect(client.messages.create(toolCall('x'))).rejects.toBeInstanceOf(Anthropic.InternalServerError);
    await expect(client.messages.create(toolCall('x'))).rejects.toBeInstanceOf(Anthropic.InternalServerError);
    fake.failAlways(null);
    await expect(client.messages.create(toolCall('x'))).resolves.toMatchObject({ type: 'message' });
  });

  it('a hang times the SDK out and close() still returns promptly', async () => {
    const { fake, client } = await anthropicFake();
    fake.fail({ kind: 'hang' }, { kind: 'hang' });
    expect(await rejectionOf(client.messages.create(toolCall('x'), { timeout: 200 }))).toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
    // The fake notices the client giving up (no close() needed) and books the request as unanswered.
    for (let i = 0; i < 20 && fake.requests[0].finishedAt === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.requests[0]).toMatchObject({ status: null, fault: 'hang' });
    const stillHanging = rejectionOf(client.messages.create(toolCall('x')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await fake.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await stillHanging).toBeInstanceOf(Anthropic.APIConnectionError);
    expect(fake.requests.map((r) => r.status)).toEqual([null, null]);
    expect(fake.requests.every((r) => r.finishedAt !== undefined)).toBe(true);
  });

  it('enforces requests per minute with a real 429 and a sensible retry-after', async () => {
    const { fake, client } = await anthropicFake({ requestsPerMinute: 3 });
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => client.messages.create(toolCall(`burst ${i}`)).then(() => 'ok', (err: unknown) => err)));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
    const limited = outcomes.filter((o): o is AnthropicRateLimitError => o instanceof Anthropic.RateLimitError);
    expect(limited).toHaveLength(5);
    const retryAfter = Number(limited[0].headers?.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(59);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited[0].headers?.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    const stats = fake.stats();
    expect(stats).toMatchObject({ requests: 8, accepted: 3, rejected429: 5 });
    expect(stats.maxRequestsInAnyWindow()).toBeLessThanOrEqual(3);
  });

  it('lets requests through again once the window slides', async () => {
    const { fake, client } = await anthropicFake({ requestsPerMinute: 2, rateLimitWindowMs: 300, inputTokensPerMinute: 100_000 });
    await client.messages.create(toolCall('a'));
    await client.messages.create(toolCall('b'));
    const err = (await rejectionOf(client.messages.create(toolCall('c')))) as AnthropicRateLimitError;
    expect(err.headers?.get('retry-after')).toBe('1');
    expect(err.headers?.get('anthropic-ratelimit-input-tokens-limit')).toBe('100000');
    await new Promise((resolve) => setTimeout(resolve, 320));
    await expect(client.messages.create(toolCall('d'))).resolves.toMatchObject({ type: 'message' });
    expect(fake.stats().maxRequestsInAnyWindow(300)).toBe(2);
  });

  it('counts overlapping requests', async () => {
    const { fake, client } = await anthropicFake({ latencyMs: 150 });
    await Promise.all([1, 2, 3, 4].map((i) => client.messages.create(toolCall(`parallel ${i}`))));
    expect(fake.stats().maxConcurrent).toBe(4);
    fake.reset();
    for (const i of [1, 2]) await client.messages.create(toolCall(`serial ${i}`));
    expect(fake.stats()).toMatchObject({ requests: 2, maxConcurrent: 1 });
  });

  it('runs a message batch: create, poll until ended, results parsed by the SDK', async () => {
    const { client } = await anthropicFake({ batchProcessingMs: 150, batchErroredIds: ['c'] });
    const requests = ['a', 'b', 'c'].map((custom_id) => ({ custom_id, params: toolCall(`batch item ${custom_id}`) }));
    const created = await client.messages.batches.create({ requests });
    expect(created).toMatchObject({ type: 'message_batch', processing_status: 'in_progress', results_url: null, ended_at: null });
    expect(created.request_counts).toEqual({ processing: 3, succeeded: 0, errored: 0, canceled: 0, expired: 0 });
    let batch = created;
    for (let i = 0; i < 50 && batch.processing_status !== 'ended'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      batch = await client.messages.batches.retrieve(created.id);
    }
    expect(batch).toMatchObject({ processing_status: 'ended', request_counts: { processing: 0, succeeded: 2, errored: 1 } });
    const results = new Map<string, Anthropic.Messages.MessageBatchResult>();
    for await (const line of await client.messages.batches.results(created.id)) results.set(line.custom_id, line.result);
    const a = results.get('a');
    expect(a?.type === 'succeeded' && a.message.content[0].type === 'tool_use' && parseGeneratedConversation(a.message.content[0].input).ok).toBe(true);
    expect(results.get('c')).toMatchObject({ type: 'errored', error: { type: 'error', error: { type: 'invalid_request_error' } } });
  });

  it('cancels a batch', async () => {
    const { client } = await anthropicFake({ batchProcessingMs: 60_000 });
    const created = await client.messages.batches.create({ requests: [{ custom_id: 'only', params: toolCall('x') }] });
    expect(await client.messages.batches.cancel(created.id)).toMatchObject({ processing_status: 'canceling' });
    expect(await client.messages.batches.retrieve(created.id)).toMatchObject({ processing_status: 'ended', request_counts: { canceled: 1 } });
    for await (const line of await client.messages.batches.results(created.id)) expect(line.result.type).toBe('canceled');
  });
});

describe('OpenAI fake', () => {
  it('answers a json_schema request with the conversation as JSON content', async () => {
    const { client } = await openaiFake({ inputTokensPerMinute: 50_000 });
    const { data, response } = await client.chat.completions.create(chatCall('Teach me about invoice disputes')).withResponse();
    expect(data).toMatchObject({ object: 'chat.completion', model: 'gpt-4o-mini', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', refusal: null } }] });
    expect(parseGeneratedConversation(JSON.parse(data.choices[0].message.content ?? '')).ok).toBe(true);
    expect(data.usage?.total_tokens).toBe((data.usage?.prompt_tokens ?? 0) + (data.usage?.completion_tokens ?? 0));
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('3999');
    expect(response.headers.get('x-ratelimit-reset-requests')).toMatch(/^(\d+m)?[\d.]+s$/);
    expect(response.headers.get('x-ratelimit-limit-tokens')).toBe('50000');
  });

  const openaiClasses: [InjectedStatus, ErrorClass][] = [
    [400, OpenAI.BadRequestError],
    [401, OpenAI.AuthenticationError],
    [403, OpenAI.PermissionDeniedError],
    [404, OpenAI.NotFoundError],
    [429, OpenAI.RateLimitError],
    [500, OpenAI.InternalServerError],
    [503, OpenAI.InternalServerError],
    [529, OpenAI.InternalServerError],
  ];
  it.each(openaiClasses)('an injected %i surfaces as the matching SDK error', async (status, errorClass) => {
    const { fake, client } = await openaiFake();
    fake.fail({ kind: 'status', status, retryAfterSeconds: status === 429 ? 3 : undefined });
    const err = (await rejectionOf(client.chat.completions.create(chatCall('x')))) as OpenAIAPIError;
    expect(err).toBeInstanceOf(errorClass);
    expect(err.status).toBe(status);
    expect(err.requestID).toMatch(/^req_/);
    expect(err.error).toMatchObject({ message: expect.any(String), param: null });
    if (status === 429) expect(err.headers?.get('retry-after')).toBe('3');
  });

  it('refuses a wrong key, times out on a hang, limits requests per minute', async () => {
    const { fake, client } = await openaiFake({ apiKey: 'sk-test', requestsPerMinute: 2 });
    const wrong = new OpenAI({ apiKey: 'sk-wrong', baseURL: `${fake.url}/v1`, maxRetries: 0 });
    const auth = (await rejectionOf(wrong.chat.completions.create(chatCall('x')))) as OpenAIAPIError;
    expect(auth).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(auth.code).toBe('invalid_api_key');
    fake.fail({ kind: 'hang' });
    expect(await rejectionOf(client.chat.completions.create(chatCall('x'), { timeout: 200 }))).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    const limited = (await rejectionOf(client.chat.completions.create(chatCall('x')))) as OpenAIRateLimitError;
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(limited.code).toBe('rate_limit_exceeded');
    expect(Number(limited.headers?.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(fake.stats()).toMatchObject({ requests: 3, accepted: 2, rejected429: 1 });
  });
});
