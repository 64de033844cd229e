import { DIMENSIONS_SYSTEM_PROMPT, TYPICAL_DIMENSION_OUTPUT_TOKENS } from './chunk-dimensions';
import { costOf, estimateTokens } from './pricing';

/** The prompt around each chunk's text (instructions, title, tags), in tokens. */
const PROMPT_OVERHEAD_TOKENS = estimateTokens(DIMENSIONS_SYSTEM_PROMPT) + 80;
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Cost and time of analysing `count` chunks holding `contentChars` characters: their tokens at
 * the model's price with a typical answer each, and time bounded by the concurrency and the
 * provider's request rate, like a generation run's estimate.
 */
export function estimateDimensionRun(input: {
  count: number;
  contentChars: number;
  model: string;
  secondsPerChunk: number;
  concurrency: number;
  requestsPerMinute: number | null;
  /** Another kind of chunk run (scenarios) has its own prompt and answer sizes. */
  promptOverheadTokens?: number;
  outputTokensPerChunk?: number;
}) {
  const inputTokens = input.count * (input.promptOverheadTokens ?? PROMPT_OVERHEAD_TOKENS) + Math.ceil(input.contentChars / 4);
  const cost = costOf(input.model, { inputTokens, outputTokens: input.count * (input.outputTokensPerChunk ?? TYPICAL_DIMENSION_OUTPUT_TOKENS) });
  const byConcurrency = (input.count * input.secondsPerChunk) / Math.max(1, input.concurrency);
  const byRateLimit = input.requestsPerMinute ? (input.count / input.requestsPerMinute) * 60 : 0;
  return { count: input.count, estimatedCostUsd: round(cost, 4), estimatedSeconds: Math.ceil(Math.max(byConcurrency, byRateLimit)) };
}
