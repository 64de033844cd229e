import { z } from 'zod';
import {
  applyGroundingVerdicts,
  GROUNDING_CHECK_FORMAT,
  GROUNDING_CHECK_SYSTEM_PROMPT,
  GROUNDING_CHECK_TOOL,
  groundingCheckAnswerSchema,
  groundingCheckOffline,
  groundingCheckPrompt,
  parseGroundingCheckAnswer,
} from '../core/grounding-check';
import { ProviderError } from '../core/provider-errors';
import { groundConversation, type Grounding } from '../core/quality-criteria/grounding';
import type { Db } from '../db/client';
import { loadGroundingSubject, saveGrounding } from '../db/queries/grounding-check';
import { askStructured } from '../generation/ask-structured';
import type { Provider, StructuredAnswer } from '../generation/providers/types';
import type { RateLimiter } from '../generation/rate-limiter';

const GROUNDING_ANSWER: StructuredAnswer = {
  tool: GROUNDING_CHECK_TOOL,
  format: GROUNDING_CHECK_FORMAT,
  description: "Record a verdict for each of the assistant's numbered statements.",
  schema: z.toJSONSchema(groundingCheckAnswerSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
};

/** Room for a verdict and a short reason per statement. */
const TOKENS_PER_STATEMENT = 80;
const MIN_TOKENS = 400;

/**
 * Grounding checked by the configured provider, on demand: the statements the word-overlap check
 * found are sent with the source chunk, each gets a verdict, and the result replaces the stored
 * grounding (method 'provider'), so the preview highlights what the model found unsupported. The
 * quality score is left as it was: it is the word-overlap score every conversation gets, and a
 * check some conversations had and others not would make scores incomparable.
 */
export async function checkGroundingWithProvider(db: Db, provider: Provider, limiter: RateLimiter, id: string): Promise<{ grounding: Grounding; costUsd: number }> {
  const subject = await loadGroundingSubject(db, id);
  const lexical = groundConversation(subject.turns, subject.chunk);
  if (lexical.sentences.length === 0) {
    await saveGrounding(db, id, lexical);
    return { grounding: lexical, costUsd: 0 };
  }
  const { result, costUsd } = await askStructured(provider, limiter, {
    system: GROUNDING_CHECK_SYSTEM_PROMPT,
    prompt: groundingCheckPrompt(subject.chunk, lexical.sentences),
    answer: GROUNDING_ANSWER,
    offlineAnswer: () => groundingCheckOffline(lexical),
    maxTokens: Math.max(MIN_TOKENS, lexical.sentences.length * TOKENS_PER_STATEMENT),
  });
  const parsed = parseGroundingCheckAnswer(result.output, lexical.sentences.length);
  if (!parsed.ok) throw new ProviderError('malformed_output', `The grounding check's answer was not a verdict for each statement (${parsed.problem}).`, { raw: result.raw, usage: result.usage });
  const grounding = applyGroundingVerdicts(lexical, parsed.value, provider.info.name === 'offline' ? 'offline' : result.model);
  await saveGrounding(db, id, grounding);
  return { grounding, costUsd };
}
