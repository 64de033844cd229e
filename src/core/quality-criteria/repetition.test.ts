import { describe, expect, it } from 'vitest';
import { onTopicTurns } from './fixtures.test-helper';
import { scoreRepetition } from './repetition';

describe('scoreRepetition', () => {
  it('gives varied answers full marks', () => {
    const result = scoreRepetition(onTopicTurns);
    expect(result.score).toBe(10);
    expect(result.value).toMatch(/^0 repeated sentences/);
  });

  it('penalises a sentence the assistant says twice and quotes it', () => {
    const stock = 'Remember that every situation is different and worth a careful look.';
    const turns = onTopicTurns.map((t) => (t.role === 'assistant' ? { ...t, content: `${t.content} ${stock}` } : t));
    const result = scoreRepetition(turns);
    expect(result.value).toMatch(/^2 repeated sentences/);
    expect(result.score).toBeLessThan(7);
    expect(result.explanation).toContain('Remember that every situation is different');
  });

  it('penalises recurring phrasing across answers even without whole repeated sentences', () => {
    const turns = [0, 1, 2, 3].flatMap((i) => [
      { role: 'user', content: `Question ${i}?` },
      { role: 'assistant', content: `Answer ${i} goes here: the key thing to keep in mind is the plan for case ${i}.` },
    ]);
    const result = scoreRepetition(turns);
    expect(result.value).toMatch(/^0 repeated sentences/);
    expect(result.score).toBeLessThan(5);
    expect(result.explanation).toMatch(/recurring phrases such as "/);
  });

  it('ignores the user turns (a user may repeat a question)', () => {
    const turns = [
      { role: 'user', content: 'Can you say that again more slowly please?' },
      { role: 'assistant', content: 'Of course, here is the first part of the answer in detail.' },
      { role: 'user', content: 'Can you say that again more slowly please?' },
      { role: 'assistant', content: 'Sure, the second part covers what comes afterwards.' },
    ];
    expect(scoreRepetition(turns).score).toBe(10);
  });
});
