import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import { TokenWorker } from './token-worker-client';

const TURNS = [
  { role: 'user', content: 'How much should I keep in an emergency fund?' },
  { role: 'assistant', content: 'Most planners suggest three to six months of essential expenses.' },
];

const workers: TokenWorker[] = [];
const worker = (options?: ConstructorParameters<typeof TokenWorker>[0]) => {
  const w = new TokenWorker(options);
  workers.push(w);
  return w;
};
afterAll(() => Promise.all(workers.map((w) => w.stop())));

describe('the token worker', () => {
  it('loads a tokenizer once and counts with it', async () => {
    const w = worker();
    expect(w.isLoaded('llama-3.1')).toBe(false);
    expect(await w.load('llama-3.1')).toBeGreaterThan(0);
    expect(w.isLoaded('llama-3.1')).toBe(true);
    expect(await w.load('llama-3.1')).toBe(0);
    const [count] = await w.count('llama-3.1', [TURNS], undefined, false);
    expect(count.refusedReason).toBeNull();
    expect(count.tokens).toBeGreaterThan(count.assistantTokens!);
  }, 120_000);

  it('keeps the two models used last, so two checks of different models running at once do not reload them in turn', async () => {
    const w = worker();
    expect(await w.load('llama-3.1')).toBeGreaterThan(0);
    expect(await w.load('qwen-3')).toBeGreaterThan(0);
    expect(await w.load('llama-3.1')).toBe(0);
    expect(await w.load('qwen-3')).toBe(0);
  }, 120_000);

  it('a worker that runs out of memory fails the request with a clear, retryable error', async () => {
    // A heap far too small for a tokenizer's vocabulary: the thread dies while loading it.
    const w = worker({ maxHeapMb: 8 });
    const failure = await w.load('llama-3.1').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'token_counter_stopped', status: 503, retryable: true });
    expect((failure as AppError).message).toMatch(/The token counter stopped before the check finished \(.+\)/);
    expect((failure as AppError).hint).toContain('short of memory');
    expect(w.isLoaded('llama-3.1')).toBe(false);
  }, 120_000);

  it('ends after the idle time, and the next request starts a new worker', async () => {
    const w = worker({ idleMs: 50 });
    await w.load('qwen-3');
    expect(w.isLoaded('qwen-3')).toBe(true);
    await expect.poll(() => w.isLoaded('qwen-3'), { timeout: 10_000 }).toBe(false);
    const [count] = await w.count('qwen-3', [TURNS], undefined, false);
    expect(count.tokens).toBeGreaterThan(0);
    expect(w.isLoaded('qwen-3')).toBe(true);
  }, 120_000);
});
