import { costOf, estimateTokens, priceOf } from '../core/pricing';
import { ProviderError } from '../core/provider-errors';
import type { ChunkAnalysisRequest, ChunkAnalysisResult, Provider } from './providers/types';
import type { RateLimiter } from './rate-limiter';

/**
 * One structured question to the configured provider outside a run (a forced tool for Anthropic,
 * a JSON schema for OpenAI-compatible servers; the offline provider answers `offlineAnswer`),
 * paced by the provider's rate limiter like every call: the limiter learns the actual usage,
 * a rate limit slows it down. Throws ProviderError when the provider fails.
 */
export async function askStructured(provider: Provider, limiter: RateLimiter, request: Omit<ChunkAnalysisRequest, 'signal'>): Promise<{ result: ChunkAnalysisResult; costUsd: number }> {
  if (!provider.analyzeChunk) throw new ProviderError('invalid_request', `The ${provider.info.name} provider cannot answer a structured question.`);
  const release = await limiter.acquire({ inputTokens: estimateTokens(request.system) + estimateTokens(request.prompt), outputTokens: request.maxTokens });
  let result: ChunkAnalysisResult;
  try {
    result = await provider.analyzeChunk(request);
    limiter.onSuccess();
    release({ inputTokens: result.usage.inputTokens + result.usage.cacheReadTokens + result.usage.cacheWriteTokens, outputTokens: result.usage.outputTokens }, result.announced ?? null);
  } catch (err) {
    if (err instanceof ProviderError) {
      release(err.opts.usage ? { inputTokens: err.opts.usage.inputTokens, outputTokens: err.opts.usage.outputTokens } : undefined, err.opts.announced ?? undefined);
      if (err.kind === 'rate_limited') limiter.onRateLimited(err.opts.retryAfterMs);
    } else release();
    throw err;
  }
  // Priced as the model configured; the answer may name a dated snapshot of it.
  return { result, costUsd: costOf(priceOf(provider.info.model) ? provider.info.model : result.model, result.usage) };
}
