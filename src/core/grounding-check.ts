import { z } from 'zod';
import type { Grounding } from './quality-criteria/grounding';

/**
 * The provider-judged grounding check: the word-overlap check marks much conversational wording
 * ("It is normal to feel uneasy about this") as unsupported and cannot tell a paraphrase from an
 * invention. Here a model reads the source chunk and the assistant's statements the lexical
 * check found, and says of each whether the chunk supports it, contradicts it, does not back it,
 * or whether it states no fact at all.
 */
export const GROUNDING_VERDICTS = ['supported', 'contradicted', 'unsupported', 'not_a_claim'] as const;
export type GroundingVerdict = (typeof GROUNDING_VERDICTS)[number];

export const groundingCheckAnswerSchema = z
  .object({
    statements: z
      .array(
        z
          .object({
            number: z.number().int().min(1, 'must be at least 1').describe('The statement number, as listed.'),
            verdict: z
              .enum(GROUNDING_VERDICTS)
              .describe('supported: the source says it or it follows directly; contradicted: the source says otherwise; unsupported: a factual claim the source does not back; not_a_claim: empathy, framing or a question, stating no fact.'),
            reason: z.string().trim().max(300, 'must be at most 300 characters').describe('A short reason, quoting the source when it supports or contradicts.'),
          })
          .strict(),
      )
      .describe('One entry per numbered statement.'),
  })
  .strict();
export type GroundingCheckAnswer = z.infer<typeof groundingCheckAnswerSchema>;

export const GROUNDING_CHECK_TOOL = 'record_grounding';
export const GROUNDING_CHECK_FORMAT = 'grounding';
export const GROUNDING_CHECK_SYSTEM_PROMPT =
  'You check synthetic training conversations against the source document they were drawn from. Judge only by the source text given: general knowledge that the source does not state is unsupported.';

export function groundingCheckPrompt(chunk: string, statements: readonly { text: string }[]): string {
  return [
    '<source>',
    chunk,
    '</source>',
    '',
    "The assistant's statements, numbered:",
    ...statements.map((s, i) => `${i + 1}. ${s.text}`),
    '',
    `Give a verdict for each of the ${statements.length} statements.`,
  ].join('\n');
}

export function parseGroundingCheckAnswer(value: unknown, statementCount: number): { ok: true; value: GroundingCheckAnswer } | { ok: false; problem: string } {
  const result = groundingCheckAnswerSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, problem: `${issue.path.join('.') || 'output'}: ${issue.message}` };
  }
  const numbers = new Set(result.data.statements.map((s) => s.number));
  for (let n = 1; n <= statementCount; n++) if (!numbers.has(n)) return { ok: false, problem: `statement ${n} has no verdict` };
  const extra = result.data.statements.find((s) => s.number > statementCount);
  if (extra) return { ok: false, problem: `statement ${extra.number} does not exist (there are ${statementCount})` };
  return { ok: true, value: result.data };
}

/**
 * The lexical grounding with the model's verdicts: a statement counts as supported when the model
 * says so or says it states no fact; the share is of the factual claims only.
 */
export function applyGroundingVerdicts(lexical: Grounding, answer: GroundingCheckAnswer, model: string): Grounding {
  const byNumber = new Map(answer.statements.map((s) => [s.number, s]));
  const sentences = lexical.sentences.map((s, i) => {
    const verdict = byNumber.get(i + 1)!;
    return { ...s, supported: verdict.verdict === 'supported' || verdict.verdict === 'not_a_claim', verdict: verdict.verdict, reason: verdict.reason };
  });
  const claims = sentences.filter((s) => s.verdict !== 'not_a_claim');
  const supported = claims.filter((s) => s.verdict === 'supported').length;
  return {
    supportedShare: claims.length ? Math.round((supported / claims.length) * 100) / 100 : 1,
    method: 'provider',
    model,
    sentences,
  };
}

/**
 * What the offline provider answers ($0, no network): the word-overlap verdicts, so a workspace
 * without a key can try the check and see its shape. A statement phrased as advice about feelings
 * is not told apart from a claim: that is what a model is for.
 */
export function groundingCheckOffline(lexical: Grounding): GroundingCheckAnswer {
  return {
    statements: lexical.sentences.map((s, i) => ({
      number: i + 1,
      verdict: s.supported ? 'supported' : 'unsupported',
      reason: `${Math.round(s.overlap * 100)} % of its words are in the source (offline check by shared words).`,
    })),
  };
}
