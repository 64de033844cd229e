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

  it('sees an emotion shown without its name, by how negative or positive the user sounds', () => {
    // Frustration and confidence never named: "blindsided", "done with this"; "makes sense", "clear".
    const struggle = {
      ...arc,
      label: 'Struggle-to-Success',
      start: { key: 'frustration', label: 'Frustration' },
      end: { key: 'confidence', label: 'Confidence' },
    };
    const turns = [
      { role: 'user', content: "April's tax bill blindsided me and I hate guessing what I earn. I'm done with this." },
      { role: 'assistant', content: 'Let us separate the accounts first.' },
      { role: 'user', content: 'Which of the five systems is it, then?' },
      { role: 'assistant', content: 'One built for seasonal income.' },
      { role: 'user', content: 'Okay, that actually makes sense. A clear plan, and a good one. Setting up the accounts Monday.' },
      { role: 'assistant', content: 'That order is right.' },
    ];
    const result = scoreArcFollowed(turns, struggle);
    expect(result.value).toMatch(/^Frustration shown early, Confidence shown late, mood moves with the arc/);
    expect(result.explanation).toMatch(/how positive the user's words sound/);
  });

  it('says when the mood goes the wrong way, even with the emotions named', () => {
    const souring = [
      { role: 'user', content: 'I am anxious about my savings, but hopeful, happy and grateful for the help so far.' },
      { role: 'assistant', content: 'Let us look at it.' },
      { role: 'user', content: 'Relief? No. This is terrible, awful and hopeless, I feel worse and angry.' },
      { role: 'assistant', content: 'I hear you.' },
    ];
    const result = scoreArcFollowed(souring, arc);
    expect(result.value).toMatch(/mood does not move with the arc/);
    expect(result.explanation).toMatch(/mood does not move from anxiety towards relief/);
    const rising = scoreArcFollowed(
      [
        { role: 'user', content: 'I am anxious and scared about my savings.' },
        { role: 'assistant', content: 'Let us look at it.' },
        { role: 'user', content: 'What a relief, I feel calm and happy now.' },
        { role: 'assistant', content: 'Glad to hear it.' },
      ],
      arc,
    );
    expect(rising.value).toMatch(/mood moves with the arc/);
    expect(rising.score).toBeGreaterThan(result.score);
  });
});
