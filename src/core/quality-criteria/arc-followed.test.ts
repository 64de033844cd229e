import { describe, expect, it } from 'vitest';
import { scoreArcFollowed } from './arc-followed';
import { emergencyFundContext, offTopicTurns, onTopicTurns } from './fixtures.test-helper';

const arc = emergencyFundContext.arc!;

describe('scoreArcFollowed', () => {
  it('sees the start emotion early, the end emotion late and the stages in order', () => {
    const result = scoreArcFollowed(onTopicTurns, arc);
    expect(result.value).toMatch(/Anxiety shown early, Relief shown late/);
    expect(result.score).toBeGreaterThanOrEqual(7);
  });

  it('scores a conversation without the emotions low and names what is missing', () => {
    const result = scoreArcFollowed(offTopicTurns, arc);
    expect(result.score).toBeLessThan(4);
    expect(result.explanation).toMatch(/first turns show no sign of anxiety/);
    expect(result.explanation).toMatch(/last turns show no sign of relief/);
    expect(result.explanation).toMatch(/not by reading feelings/);
  });

  it('does not count an arc run backwards', () => {
    const backwards = [...onTopicTurns].reverse().map((t, i) => ({ ...t, role: i % 2 === 0 ? 'user' : 'assistant' }));
    const reversedUser = [
      { role: 'user', content: 'What a relief, I feel calm about this now.' },
      { role: 'assistant', content: 'Glad to hear it.' },
      { role: 'user', content: 'Actually I am worried and anxious again.' },
      { role: 'assistant', content: 'Let us look at it.' },
    ];
    expect(scoreArcFollowed(reversedUser, arc).value).toMatch(/Anxiety not shown early, Relief not shown late/);
    expect(scoreArcFollowed(backwards, arc).score).toBeLessThan(scoreArcFollowed(onTopicTurns, arc).score);
  });
});
