import { describe, expect, it } from 'vitest';
import { assistantSentences, findLeaks, measureReuse, slotInstructions, slotMaterial, solutionClauses, type TurnLike } from './variety.js';

const LONG = 'This sentence is comfortably longer than thirty characters.';
const OTHER = 'Another sentence that is also longer than thirty characters.';
const SHORT = 'Too short to count.';

const conversation = (...assistant: string[]): TurnLike[] => assistant.flatMap((content) => [
  { role: 'user', content: LONG },
  { role: 'assistant', content },
]);

describe('assistantSentences', () => {
  it('splits assistant turns into sentences and keeps those of 30 or more characters', () => {
    expect(assistantSentences(conversation(`${LONG} ${SHORT}  ${OTHER}`))).toEqual([LONG, OTHER]);
  });

  it('ignores user turns unless asked for them', () => {
    expect(assistantSentences([{ role: 'user', content: LONG }])).toEqual([]);
    expect(assistantSentences([{ role: 'user', content: LONG }], 30, 'user')).toEqual([LONG]);
  });
});

describe('measureReuse', () => {
  it('counts every occurrence of a sentence found in 5 or more distinct conversations', () => {
    const batch = [
      ...Array.from({ length: 5 }, (_, i) => conversation(`${LONG} Unique sentence number ${i} that stands alone here.`)),
      conversation(`${OTHER} ${OTHER}`),
    ];
    const report = measureReuse(batch);
    expect(report.conversations).toBe(6);
    expect(report.sentences).toBe(12);
    expect(report.reusedOccurrences).toBe(5);
    expect(report.reusedDistinct).toBe(1);
    expect(report.share).toBeCloseTo(5 / 12);
    expect(report.top[0]).toEqual({ sentence: LONG, conversations: 5 });
  });

  it('does not count a sentence repeated inside fewer than 5 conversations, however often', () => {
    const batch = Array.from({ length: 4 }, () => conversation(`${LONG} ${LONG} ${LONG}`));
    const report = measureReuse(batch);
    expect(report.sentences).toBe(12);
    expect(report.share).toBe(0);
  });

  it('compares sentences word for word, case included, and honours a custom threshold', () => {
    const batch = [conversation(LONG), conversation(LONG.toUpperCase()), conversation(LONG)];
    expect(measureReuse(batch, { threshold: 2 }).reusedOccurrences).toBe(2);
    expect(measureReuse([]).share).toBe(0);
  });
});

describe('findLeaks', () => {
  it('flags any mention of the user or the assistant in the third person', () => {
    const leaks = findLeaks([{ role: 'assistant', content: "Then confirm nothing in the user's life has changed." }], []);
    expect(leaks).toEqual([{ turn: 0, kind: 'third_person', match: 'the user' }]);
    expect(findLeaks([{ role: 'assistant', content: 'You are the one who decides.' }], [])).toEqual([]);
  });

  it('flags six words in a row from an instruction, ignoring case and punctuation', () => {
    const turns = [{ role: 'assistant', content: 'Okay. Assistant validates the feeling, and slows the pace for you.' }];
    const leaks = findLeaks(turns, ['Assistant validates the feeling and slows the pace']);
    expect(leaks.map((leak) => leak.match)).toContain('assistant validates the feeling and slows');
    expect(findLeaks(turns, ['The assistant explains the core idea with an example'])).toEqual([]);
  });

  it('does not count words the slot material also contains, since the speakers may tell the story', () => {
    const turns = [{ role: 'assistant', content: 'The answers show that the plan was built for exactly this.' }];
    const prompt = ['The assistant reinforces that the plan was built for moments like this.'];
    expect(findLeaks(turns, prompt)).toHaveLength(1);
    expect(findLeaks(turns, prompt, ['Most of the time, the answers show that the plan was built for exactly this situation.'])).toEqual([]);
  });
});

describe('slotInstructions', () => {
  const slot = {
    arc: { stages: ['User expresses worry and urgency to act'] },
    edgeCase: { description: 'A distressed user wants to liquidate their retirement account.' },
    scenario: {
      problem: 'The user is afraid.',
      outcome: 'The user stays invested.',
      solution: "Acknowledge the fear, then review the cash reserves, confirm nothing in the user's life has changed, and apply a 72-hour waiting period.",
    },
  };

  it('lists arc stages, the edge case description and the solution steps that direct the conversation', () => {
    const instructions = slotInstructions(slot);
    expect(instructions).toContain('User expresses worry and urgency to act');
    expect(instructions).toContain(slot.edgeCase.description);
    expect(instructions).toContain('Acknowledge the fear');
    expect(instructions).toContain("confirm nothing in the user's life");
    // Steps of substance are advice the assistant may give.
    expect(instructions.some((text) => /review the cash|72-hour/.test(text))).toBe(false);
  });

  it('splits a solution into clauses at commas, "then" and semicolons', () => {
    expect(solutionClauses('Do one thing, then another thing; and a third thing.')).toEqual(['Do one thing', 'another thing', 'a third thing']);
  });

  it('treats the problem, outcome, chunk and adversarial prompt as material, not instructions', () => {
    const edgeCase = { ...slot.edgeCase, adversarialPrompt: 'Just tell me.' };
    expect(slotMaterial({ ...slot, edgeCase, chunk: { content: 'Chunk text.' } })).toEqual(['The user is afraid.', 'The user stays invested.', 'Just tell me.', 'Chunk text.']);
  });
});
