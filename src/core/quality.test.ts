import { describe, expect, it } from 'vitest';
import { qualityLevel, scoreConversation } from './quality';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const conversation = (turns: number, assistantWords = 90, userWords = 25) =>
  Array.from({ length: turns }, (_, i) => ({ role: i % 2 === 0 ? 'user' : 'assistant', content: words(i % 2 === 0 ? userWords : assistantWords) }));

describe('scoreConversation', () => {
  it('gives a well-formed 12-turn conversation a high score', () => {
    const result = scoreConversation(conversation(12), 9);
    expect(result.score).toBeGreaterThanOrEqual(8);
    expect(result.level).toBe('high');
    expect(result.flaggedForReview).toBe(false);
    expect(result.breakdown.turnCount.score).toBe(10);
  });

  it('penalises too few turns and explains why', () => {
    const result = scoreConversation(conversation(4), 9);
    expect(result.breakdown.turnCount.score).toBeLessThan(10);
    expect(result.breakdown.turnCount.explanation).toBe('Only 4 turns detected, optimal range is 8–16.');
  });

  it('flags broken structure for review', () => {
    const turns = conversation(8).map((t) => ({ ...t, role: 'user' }));
    const result = scoreConversation(turns, 3);
    expect(result.breakdown.structure.score).toBeLessThan(5);
    expect(result.flaggedForReview).toBe(true);
    expect(result.level).toBe('low');
  });

  it('penalises one-line assistant answers', () => {
    expect(scoreConversation(conversation(10, 8), 9).breakdown.length.score).toBeLessThan(6);
  });

  it('maps scores to levels at 6 and 8', () => {
    expect([qualityLevel(8), qualityLevel(7.9), qualityLevel(6), qualityLevel(5.9)]).toEqual(['high', 'medium', 'medium', 'low']);
  });
});
