import { describe, expect, it } from 'vitest';
import { groundConversation, groundingCriterion } from './grounding';

const chunk = 'An emergency fund holds three to six months of essential expenses in an insured savings account. Keep it separate from investments so a market drop never forces a sale.';
const turns = [
  { role: 'user', content: 'How much should I keep?' },
  {
    role: 'assistant',
    content: 'Keep three to six months of essential expenses in an insured savings account. Crypto staking pays better yields for adventurous savers these days. What do you spend a month?',
  },
];

describe('groundConversation', () => {
  it('marks a sentence made of the chunk’s words as supported and an invented one as not, with offsets in the turn', () => {
    const result = groundConversation(turns, chunk);
    expect(result.method).toBe('lexical');
    expect(result.sentences).toHaveLength(2); // the question is not a statement
    const [first, second] = result.sentences;
    expect(first).toMatchObject({ turnNumber: 2, supported: true });
    expect(first.overlap).toBeGreaterThanOrEqual(0.8);
    expect(second).toMatchObject({ turnNumber: 2, supported: false });
    expect(second.overlap).toBeLessThan(0.5);
    expect(turns[1].content.slice(second.start, second.end)).toBe('Crypto staking pays better yields for adventurous savers these days.');
    expect(result.supportedShare).toBe(0.5);
  });

  it('skips short pleasantries and treats a conversation with no statements as fully supported', () => {
    const result = groundConversation([{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Happy to help! Ask away.' }], chunk);
    expect(result.sentences).toEqual([]);
    expect(result.supportedShare).toBe(1);
  });

  it('scores the share as a criterion that quotes an unsupported sentence', () => {
    const criterion = groundingCriterion(groundConversation(turns, chunk));
    expect(criterion.value).toBe('1 of 2 statements supported by the source (50 %)');
    expect(criterion.score).toBe(10);
    const poor = groundingCriterion(groundConversation([{ role: 'user', content: 'x' }, { role: 'assistant', content: 'Crypto staking pays better yields for adventurous savers these days.' }], chunk));
    expect(poor.score).toBe(1);
    expect(poor.explanation).toContain('Crypto staking');
  });
});
