import { describe, expect, it } from 'vitest';
import { assessConversation, QUALITY_SCORING_VERSION, qualityLevel, scoreConversation } from './quality';

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

describe('scoreConversation with the slot context', () => {
  it('scores a well-formed but off-topic conversation (the conv-00005 pattern) clearly lower, and on topic says why', async () => {
    const { emergencyFundContext, offTopicTurns, onTopicTurns } = await import('./quality-criteria/fixtures.test-helper');
    // Long enough answers so form alone scores high; the filler differs per turn so it does not read as repetition.
    const filler = (i: number) => Array.from({ length: 30 }, (_, j) => `w${i}x${j}`).join(' ');
    const pad = (turns: typeof onTopicTurns) =>
      turns.map((t, i) => ({ ...t, content: `${t.content} ${t.role === 'assistant' ? filler(i) : ''}` }));
    const formOnly = scoreConversation(pad(offTopicTurns), 9);
    const offTopic = scoreConversation(pad(offTopicTurns), 9, emergencyFundContext);
    const onTopic = scoreConversation(pad(onTopicTurns), 9, emergencyFundContext);
    expect(formOnly.score).toBeGreaterThanOrEqual(8);
    expect(offTopic.score).toBeLessThan(6);
    expect(offTopic.flaggedForReview).toBe(true);
    expect(offTopic.breakdown.onTopic?.score).toBeLessThan(4);
    expect(offTopic.recommendation).toMatch(/^Weakest criterion: on topic/);
    expect(onTopic.score).toBeGreaterThan(offTopic.score + 2);
    expect(offTopic.version).toBe(QUALITY_SCORING_VERSION);
  });

  it('adds the arc only for the template tier and grounding only with a source chunk', async () => {
    const { emergencyFundContext, onTopicTurns } = await import('./quality-criteria/fixtures.test-helper');
    expect(Object.keys(scoreConversation(onTopicTurns, 9, emergencyFundContext).breakdown)).toEqual(['turnCount', 'length', 'structure', 'confidence', 'repetition', 'onTopic', 'arcFollowed']);
    const scenario = assessConversation(onTopicTurns, 9, { ...emergencyFundContext, tier: 'scenario', chunk: { content: 'Keep a cash reserve for job loss.', keyTerms: [] } });
    expect(Object.keys(scenario.quality.breakdown)).toEqual(['turnCount', 'length', 'structure', 'confidence', 'repetition', 'onTopic', 'grounding']);
    expect(scenario.grounding?.sentences.length).toBeGreaterThan(0);
    expect(assessConversation(onTopicTurns, 9).grounding).toBeNull();
  });
});
