import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGeneratedConversation } from '../../src/core/output';
import { SYSTEM_PROMPT } from '../../src/core/system-prompt';
import { CONVERSATION_TOOL, createAnthropicProvider } from '../../src/generation/providers/anthropic';
import { createOpenAIProvider } from '../../src/generation/providers/openai';
import { ProviderError } from '../../src/core/provider-errors';
import type { GenerationRequest, Provider } from '../../src/generation/providers/types';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-fake';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-fake';

const request = (prompt: string): GenerationRequest => ({
  system: SYSTEM_PROMPT,
  prompt,
  seed: 1,
  maxTokens: 4096,
  temperature: 0.8,
  slot: {
    persona: { key: 'p', label: 'Anxious Investor' },
    emotion: { key: 'e', label: 'Fear' },
    topic: { key: 't', label: 'Portfolio Setup' },
    intent: { key: 'i', label: 'Seek Advice' },
    tone: { key: 'o', label: 'Warm' },
    tier: 'template',
  },
});

async function failure(provider: Provider): Promise<ProviderError> {
  try {
    await provider.generate(request('Write a conversation.'));
  } catch (err) {
    return err as ProviderError;
  }
  throw new Error('expected the call to fail');
}

describe('anthropic provider against the fake Messages API', () => {
  let fake: FakeAnthropic;
  let provider: Provider;
  beforeAll(async () => {
    fake = await startFakeAnthropic({ requestsPerMinute: 1000 });
    provider = createAnthropicProvider({ apiKey: 'sk-ant-test', model: 'claude-haiku-4-5', baseURL: fake.url, timeoutMs: 300, reason: 'test' });
  });
  afterAll(() => fake.close());

  it('forces the conversation tool, caches the system prompt and returns a valid conversation', async () => {
    const first = await provider.generate(request('Write a conversation about fees.'));
    expect(parseGeneratedConversation(first.output).ok).toBe(true);
    const body = fake.requests.at(-1)!.body as { tool_choice: unknown; tools: { name: string; input_schema: { type: string } }[]; system: { cache_control?: unknown }[] };
    expect(body.tool_choice).toEqual({ type: 'tool', name: CONVERSATION_TOOL });
    expect(body.tools[0].input_schema.type).toBe('object');
    expect(body.system[0].cache_control).toEqual({ type: 'ephemeral' });
    expect(first.usage.cacheWriteTokens).toBeGreaterThan(0);
    const second = await provider.generate(request('Write a conversation about taxes.'));
    expect(second.usage.cacheReadTokens).toBeGreaterThan(0);
    expect(second.usage.outputTokens).toBeGreaterThan(0);
  });

  it.each([
    [429, 'rate_limited', true],
    [529, 'overloaded', true],
    [503, 'overloaded', true],
    [500, 'server', true],
    [400, 'invalid_request', false],
    [401, 'auth', false],
    [403, 'auth', false],
  ] as const)('maps HTTP %i to %s (retryable: %s)', async (status, kind, retryable) => {
    fake.fail({ kind: 'status', status, retryAfterSeconds: status === 429 ? 7 : undefined });
    const err = await failure(provider);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.kind).toBe(kind);
    expect(err.retryable).toBe(retryable);
    expect(err.opts.httpStatus).toBe(status);
    if (status === 429) expect(err.opts.retryAfterMs).toBe(7000);
  });

  it('hands on the rate limits each answer announces, on success and on a 429', async () => {
    const result = await provider.generate(request('Write one.'));
    expect(result.announced).toMatchObject({ requests: { limit: 1000, remaining: expect.any(Number), resetAt: expect.any(Number) } });
    fake.fail({ kind: 'status', status: 429 });
    expect((await failure(provider)).opts.announced?.requests?.limit).toBe(1000);
  });

  it('turns a hung call into a timeout', async () => {
    fake.fail({ kind: 'hang' });
    const err = await failure(provider);
    expect(err.kind).toBe('timeout');
    expect(err.retryable).toBe(true);
  });

  it('reports a non-JSON answer as malformed output', async () => {
    fake.fail({ kind: 'garbage' });
    expect((await failure(provider)).kind).toBe('malformed_output');
  });

  it('passes a malformed conversation on for validation to reject', async () => {
    fake.fail({ kind: 'malformed' });
    const result = await provider.generate(request('Write one.'));
    expect(parseGeneratedConversation(result.output).ok).toBe(false);
  });
});

describe('OpenAI-compatible provider against the fake chat-completions API', () => {
  let fake: FakeOpenAI;
  let provider: Provider;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ requestsPerMinute: 1000 });
    provider = createOpenAIProvider({ apiKey: 'sk-test', model: 'gpt-4o-mini', baseURL: `${fake.url}/v1`, timeoutMs: 300, reason: 'test' });
  });
  afterAll(() => fake.close());

  it('asks for JSON matching the conversation schema and parses it', async () => {
    const result = await provider.generate(request('Write a conversation about budgets.'));
    expect(parseGeneratedConversation(result.output).ok).toBe(true);
    const body = fake.requests.at(-1)!.body as { response_format: { type: string; json_schema: { schema: { type: string } } } };
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.schema.type).toBe('object');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
  });

  it.each([
    [429, 'rate_limited'],
    [500, 'server'],
    [401, 'auth'],
    [400, 'invalid_request'],
  ] as const)('maps HTTP %i to %s', async (status, kind) => {
    fake.fail({ kind: 'status', status });
    expect((await failure(provider)).kind).toBe(kind);
  });

  it('hands on the requests and combined token limits the answer announces', async () => {
    const limited = await startFakeOpenAI({ requestsPerMinute: 40, inputTokensPerMinute: 60_000 });
    try {
      const result = await createOpenAIProvider({ apiKey: 'sk-test', model: 'gpt-4o-mini', baseURL: `${limited.url}/v1`, reason: 'test' }).generate(request('Write one.'));
      expect(result.announced).toMatchObject({ requests: { limit: 40, remaining: 39 }, tokens: { limit: 60_000 } });
    } finally {
      await limited.close();
    }
  });

  it('turns a hung call into a timeout and garbage into malformed output', async () => {
    fake.fail({ kind: 'hang' });
    expect((await failure(provider)).kind).toBe('timeout');
    fake.fail({ kind: 'garbage' });
    expect((await failure(provider)).kind).toBe('malformed_output');
  });
});

describe('a provider that cannot be reached', () => {
  it.each([
    ['anthropic', (baseURL: string) => createAnthropicProvider({ apiKey: 'sk-ant-test', model: 'claude-haiku-4-5', baseURL, reason: 'test' })],
    ['openai', (baseURL: string) => createOpenAIProvider({ apiKey: 'sk-test', model: 'gpt-4o-mini', baseURL: `${baseURL}/v1`, reason: 'test' })],
  ] as const)('%s: a refused connection is a network failure, not a server error, and says why', async (_, make) => {
    const err = await failure(make(`http://127.0.0.1:${await closedPort()}`));
    expect(err.kind).toBe('network');
    expect(err.retryable).toBe(true);
    expect(err.opts.httpStatus).toBeUndefined();
    expect(err.message).toMatch(/^Could not reach the provider \(the connection was refused: nothing is listening at that address, ECONNREFUSED\)\.$/);
  });

  it('fingerprints the key and endpoint without giving the key away', () => {
    const a = createAnthropicProvider({ apiKey: 'sk-ant-secret-1', model: 'm', baseURL: 'http://a', reason: 'test' });
    const b = createAnthropicProvider({ apiKey: 'sk-ant-secret-2', model: 'm', baseURL: 'http://a', reason: 'test' });
    const c = createAnthropicProvider({ apiKey: 'sk-ant-secret-1', model: 'm', baseURL: 'http://b', reason: 'test' });
    expect(a.account).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set([a.account, b.account, c.account]).size).toBe(3);
    expect(a.account).not.toContain('secret');
  });
});

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
