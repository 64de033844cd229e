import { describe, expect, it } from 'vitest';
import { applyGroundingVerdicts, groundingCheckOffline, groundingCheckPrompt, parseGroundingCheckAnswer } from './grounding-check';
import { groundConversation } from './quality-criteria/grounding';

const chunk = 'An emergency fund holds three to six months of essential expenses in a high-yield savings account, kept apart from investments.';
const turns = [
  { role: 'user', content: 'How big should my emergency fund be?' },
  {
    role: 'assistant',
    content:
      'Keep three to six months of essential expenses in a high-yield savings account. I completely understand how stressful money worries can feel. Index funds returned twelve percent every single year recently.',
  },
];

describe('the provider-judged grounding check', () => {
  const lexical = groundConversation(turns, chunk);

  it('numbers the statements the word-overlap check found, under the source', () => {
    expect(lexical.sentences).toHaveLength(3);
    const prompt = groundingCheckPrompt(chunk, lexical.sentences);
    expect(prompt).toContain(`<source>\n${chunk}\n</source>`);
    expect(prompt).toContain('1. Keep three to six months');
    expect(prompt).toContain('3. Index funds returned');
    expect(prompt).toContain('each of the 3 statements');
  });

  it('counts the share over factual claims: empathy is not a claim, a contradiction is not support', () => {
    const answer = {
      statements: [
        { number: 1, verdict: 'supported' as const, reason: 'The source says three to six months.' },
        { number: 2, verdict: 'not_a_claim' as const, reason: 'Empathy.' },
        { number: 3, verdict: 'contradicted' as const, reason: 'The source says nothing of returns; it keeps the fund apart from investments.' },
      ],
    };
    const checked = applyGroundingVerdicts(lexical, answer, 'claude-haiku-4-5');
    expect(checked).toMatchObject({ method: 'provider', model: 'claude-haiku-4-5', supportedShare: 0.5 });
    expect(checked.sentences.map((s) => [s.verdict, s.supported])).toEqual([
      ['supported', true],
      ['not_a_claim', true],
      ['contradicted', false],
    ]);
    // Offsets are kept, so the preview highlights the same text.
    expect(checked.sentences.map((s) => s.start)).toEqual(lexical.sentences.map((s) => s.start));
    const noClaims = applyGroundingVerdicts(lexical, { statements: [1, 2, 3].map((number) => ({ number, verdict: 'not_a_claim' as const, reason: '' })) }, 'm');
    expect(noClaims.supportedShare).toBe(1);
  });

  it('refuses an answer that misses a statement, invents one, or is not the shape asked for', () => {
    const verdict = (number: number) => ({ number, verdict: 'supported', reason: 'x' });
    expect(parseGroundingCheckAnswer({ statements: [verdict(1), verdict(2), verdict(3)] }, 3).ok).toBe(true);
    expect(parseGroundingCheckAnswer({ statements: [verdict(1), verdict(3)] }, 3)).toEqual({ ok: false, problem: 'statement 2 has no verdict' });
    expect(parseGroundingCheckAnswer({ statements: [verdict(1), verdict(2), verdict(3), verdict(4)] }, 3)).toEqual({ ok: false, problem: 'statement 4 does not exist (there are 3)' });
    const wrongKind = parseGroundingCheckAnswer({ statements: [{ number: 1, verdict: 'maybe', reason: '' }] }, 1);
    expect(wrongKind.ok).toBe(false);
    expect(wrongKind.ok ? '' : wrongKind.problem).toMatch(/^statements\.0\.verdict/);
  });

  it('offline, answers with the word-overlap verdicts', () => {
    const answer = groundingCheckOffline(lexical);
    expect(answer.statements.map((s) => s.verdict)).toEqual(lexical.sentences.map((s) => (s.supported ? 'supported' : 'unsupported')));
    expect(parseGroundingCheckAnswer(answer, lexical.sentences.length).ok).toBe(true);
  });
});
