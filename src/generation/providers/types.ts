import type { OfflineSlot } from '../../core/offline/compose';
import type { GeneratedConversation } from '../../core/output';

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

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export interface GenerationResult {
  output: GeneratedConversation;
  usage: Usage;
  model: string;
  /** The provider's raw response body, kept in the generation log. */
  raw: unknown;
}

export type ProviderErrorKind =
  | 'rate_limited'
  | 'overloaded'
  | 'timeout'
  | 'server'
  | 'invalid_request'
  | 'auth'
  | 'malformed_output';

/** Transient kinds are worth retrying; the others fail the same way every time. */
export const RETRYABLE_KINDS: ReadonlySet<ProviderErrorKind> = new Set(['rate_limited', 'overloaded', 'timeout', 'server', 'malformed_output']);

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    /** `usage` when the call was answered (and billed) but the answer was unusable. */
    readonly opts: { httpStatus?: number; retryAfterMs?: number; raw?: unknown; usage?: Usage } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
  }
  get retryable() {
    return RETRYABLE_KINDS.has(this.kind);
  }
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
  generate(request: GenerationRequest): Promise<GenerationResult>;
  batch?: BatchCapability;
}
