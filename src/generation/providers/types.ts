import type { AnnouncedLimits } from '../../core/announced-limits';
import type { OfflineSlot } from '../../core/offline/compose';
import type { GeneratedConversation } from '../../core/output';
import type { ProviderError, Usage } from '../../core/provider-errors';

/** name, model, why it was chosen (shown in the UI banner) and typical seconds per conversation. */
export type { ProviderInfo } from '../../contract/system';
import type { ProviderInfo } from '../../contract/system';

export interface GenerationRequest {
  system: string;
  prompt: string;
  /** The slot's resolved metadata: the offline provider composes from it directly. */
  slot: OfflineSlot;
  seed: number;
  maxTokens: number;
  temperature: number;
  signal?: AbortSignal;
}

export interface GenerationResult {
  output: GeneratedConversation;
  usage: Usage;
  model: string;
  /** The provider's raw response body, kept in the generation log. */
  raw: unknown;
  /** The rate limits the answer's headers announced, if any: the rate limiter learns from them. */
  announced?: AnnouncedLimits | null;
}

export type BatchOutcome = { customId: string; result: GenerationResult } | { customId: string; error: ProviderError };

/** Anthropic's Message Batches: half price, results within 24 hours. */
export interface BatchCapability {
  submit(requests: { customId: string; request: GenerationRequest }[]): Promise<string>;
  /** Whether the batch has ended (its results can be read). */
  ended(batchId: string): Promise<boolean>;
  results(batchId: string): AsyncIterable<BatchOutcome>;
  /** Asks the provider to stop a batch; requests not yet run come back cancelled. */
  cancel(batchId: string): Promise<void>;
}

export interface Provider {
  info: ProviderInfo;
  /**
   * Whose limits the calls count against: a fingerprint of the API key and endpoint (never the
   * key itself). Providers limit each key and model apart. Absent: one shared account.
   */
  account?: string;
  generate(request: GenerationRequest): Promise<GenerationResult>;
  /** A structured answer about one chunk: its dimensions, or scenarios drawn from it. */
  analyzeChunk?(request: ChunkAnalysisRequest): Promise<ChunkAnalysisResult>;
  batch?: BatchCapability;
}

/** The shape a chunk's answer must take: a forced tool (Anthropic) or a named JSON schema (OpenAI-compatible). */
export interface StructuredAnswer {
  tool: string;
  format: string;
  description: string;
  schema: Record<string, unknown>;
}

/** One chunk to analyse: the prompt, the answer's shape, and what the offline provider answers instead of a model. */
export interface ChunkAnalysisRequest {
  system: string;
  prompt: string;
  answer: StructuredAnswer;
  offlineAnswer: () => unknown;
  maxTokens: number;
  signal?: AbortSignal;
}

/** The provider's answer as it came, checked against the task's schema by the caller. */
export interface ChunkAnalysisResult {
  output: unknown;
  usage: Usage;
  model: string;
  raw: unknown;
  announced?: AnnouncedLimits | null;
}
