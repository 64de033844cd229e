import { composeOfflineConversation } from '../../core/offline/compose';
import { estimateTokens } from '../../core/pricing';
import type { ChunkAnalysisRequest, ChunkAnalysisResult, GenerationRequest, GenerationResult, Provider } from './types';

export const OFFLINE_MODEL = 'offline';

/** Waits `ms`, or rejects early when the request is aborted. */
function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/**
 * Generates without network or key: composes a conversation from the slot. It waits a little,
 * like a real call, so progress and "Generating…" states are visible; cost is always $0.
 */
export function createOfflineProvider(opts: { latencyMs: number; reason: string }): Provider {
  return {
    info: { name: 'offline', model: OFFLINE_MODEL, reason: opts.reason, typicalSeconds: Math.max(1, Math.round(opts.latencyMs / 1000)) },
    async generate(request: GenerationRequest): Promise<GenerationResult> {
      // Vary latency by ±50 % per seed so a batch does not finish in lock-step.
      await delay(Math.round(opts.latencyMs * (0.5 + (request.seed % 1000) / 1000)), request.signal);
      const output = composeOfflineConversation(request.slot, request.seed);
      const outputText = output.turns.map((t) => t.content).join('\n');
      return {
        output,
        model: OFFLINE_MODEL,
        usage: {
          inputTokens: estimateTokens(request.system) + estimateTokens(request.prompt),
          outputTokens: estimateTokens(outputText),
          cacheReadTokens: 0,
          cacheWriteTokens: 0,
        },
        raw: { provider: 'offline', seed: request.seed, output },
      };
    },
    /** The task's heuristic instead of a model: quick (a fifth of a conversation's wait), free and the same every time. */
    async analyzeChunk(request: ChunkAnalysisRequest): Promise<ChunkAnalysisResult> {
      await delay(Math.round(opts.latencyMs / 5), request.signal);
      const output = request.offlineAnswer();
      return {
        output,
        model: OFFLINE_MODEL,
        usage: { inputTokens: estimateTokens(request.system) + estimateTokens(request.prompt), outputTokens: estimateTokens(JSON.stringify(output)), cacheReadTokens: 0, cacheWriteTokens: 0 },
        raw: { provider: 'offline', output },
      };
    },
  };
}
