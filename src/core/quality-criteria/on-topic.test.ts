import { describe, expect, it } from 'vitest';
import { emergencyFundContext, offTopicTurns, onTopicTurns } from './fixtures.test-helper';
import { scoreOnTopic } from './on-topic';

describe('scoreOnTopic', () => {
  it('scores a conversation about the topic high', () => {
    const result = scoreOnTopic(onTopicTurns, emergencyFundContext);
    expect(result.score).toBeGreaterThanOrEqual(8);
    expect(result.explanation).toMatch(/^On topic/);
  });

  it('scores a conversation that only names the topic low, and says which words are missing', () => {
    const result = scoreOnTopic(offTopicTurns, emergencyFundContext);
    expect(result.score).toBeLessThan(4);
    expect(result.explanation).toMatch(/Possibly off topic/);
    expect(result.explanation).toMatch(/names "Emergency Fund"/);
    expect(result.explanation).toMatch(/missing .*"cash"/);
  });

  it("counts an on-topic chunk's key terms as evidence, but not an off-topic chunk's", () => {
    const turns = [
      { role: 'user', content: 'Tell me about the emergency fund.' },
      { role: 'assistant', content: 'Keep the liquidity buffer in a money market sweep so the cushion is ready.' },
    ];
    const onTopicChunk = { content: 'An emergency fund is a cash reserve for job loss and repairs, sized to expenses: a liquidity buffer.', keyTerms: ['liquidity buffer', 'money market sweep', 'cushion'] };
    const offTopicChunk = { content: 'Inherited IRAs follow the ten-year rule.', keyTerms: ['liquidity buffer', 'money market sweep', 'cushion'] };
    const withOnTopic = scoreOnTopic(turns, { ...emergencyFundContext, chunk: onTopicChunk });
    const withOffTopic = scoreOnTopic(turns, { ...emergencyFundContext, chunk: offTopicChunk });
    expect(withOnTopic.score).toBeGreaterThan(withOffTopic.score);
    expect(withOffTopic.explanation).toMatch(/source chunk is about something else/);
  });

  it('falls back to the label when the topic has no description', () => {
    const bare = { ...emergencyFundContext, topic: { label: 'Emergency Fund' } };
    expect(scoreOnTopic(onTopicTurns, bare).score).toBeGreaterThanOrEqual(8);
    expect(scoreOnTopic([{ role: 'user', content: 'Tell me about mortgages.' }, { role: 'assistant', content: 'Mortgages have terms.' }], bare).score).toBeLessThan(4);
  });
});
