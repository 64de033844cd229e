import { describe, expect, it } from 'vitest';
import { templateParameters } from './prompt';
import { seededRandom } from './random';
import { belowSeedBaseline, buildSeedTemplateBody, extractSeedStructure, judgeFormality, planSeedVariations } from './seed-template';

const turns = [
  { role: 'user', content: 'My account is down a lot. Should I sell everything?' },
  { role: 'assistant', content: 'I understand why that feels urgent. Before deciding anything, how long until you need this money? That answer changes a great deal.' },
  { role: 'user', content: 'About twenty years.' },
  { role: 'assistant', content: 'Then time is on your side. Historically, markets have recovered over periods that long, though nothing is guaranteed. Selling now would lock in the loss.' },
];

describe('extractSeedStructure', () => {
  const s = extractSeedStructure(turns);

  it('measures turn count and the per-turn length pattern', () => {
    expect(s.turnCount).toBe(4);
    expect(s.lengthPattern).toEqual([
      { turn: 1, role: 'user', words: 10 },
      { turn: 2, role: 'assistant', words: 22 },
      { turn: 3, role: 'user', words: 3 },
      { turn: 4, role: 'assistant', words: 25 },
    ]);
    expect(s.userWords).toEqual({ average: 7, min: 3, max: 10 });
    expect(s.assistantWords).toEqual({ average: 24, min: 22, max: 25 });
  });

  it('measures questions, sentence length and register', () => {
    expect(s.style.userQuestionRatio).toBe(0.5);
    expect(s.style.assistantQuestionRatio).toBe(0.5);
    // 9 sentences, 60 words.
    expect(s.style.averageSentenceWords).toBe(6.7);
    expect(s.style.formality).toBe('neutral');
    expect(s.notes[0]).toBe('4 turns: 2 from the user and 2 from the assistant, starting with the user.');
    expect(s.notes).toContain("The assistant's longest answer is turn 4 of 4.");
  });
});

describe('judgeFormality', () => {
  it('tells casual from formal text', () => {
    expect(judgeFormality(["Yeah, that's cool! I'm gonna do it, okay? Don't worry!"]).formality).toBe('casual');
    expect(judgeFormality(['However, regarding your portfolio, I would therefore recommend a review. Furthermore, please consider the costs.']).formality).toBe('formal');
    expect(judgeFormality(['The fund holds bonds and stocks in equal parts.']).formality).toBe('neutral');
  });
});

describe('buildSeedTemplateBody', () => {
  it('asks for the seed structure with the usual placeholders', () => {
    const body = buildSeedTemplateBody(extractSeedStructure(turns), { conversationId: 'seed-001', title: 'Worried' });
    expect(templateParameters(body).required.sort()).toEqual(['emotion', 'intent', 'persona', 'tone', 'topic']);
    expect(body).toContain('Write exactly 4 turns');
    expect(body).toContain('2. assistant: about 22 words');
    expect(body).toContain('seed-001 ("Worried")');
  });
});

describe('planSeedVariations', () => {
  const input = { seed: { emotion: 'anxiety', intent: 'ask', tone: 'warm' }, emotions: ['anxiety', 'hope', 'anger', 'joy'], intents: ['ask', 'vent', 'plan'], tones: ['warm', 'direct'], count: 3 };

  it('varies the emotion first, never repeating the seed while others are left', () => {
    const out = planSeedVariations(input, seededRandom(1));
    expect(out).toHaveLength(3);
    expect(new Set(out.map((v) => v.emotion)).size).toBe(3);
    expect(out.map((v) => v.emotion)).not.toContain('anxiety');
    expect(out.every((v) => input.intents.includes(v.intent) && input.tones.includes(v.tone))).toBe(true);
  });

  it('gives distinct combinations beyond the number of emotions', () => {
    const out = planSeedVariations({ ...input, count: 12 }, seededRandom(2));
    const keys = out.map((v) => `${v.emotion}|${v.intent}|${v.tone}`);
    expect(new Set(keys).size).toBe(12);
  });

  it('is deterministic for a given random source', () => {
    expect(planSeedVariations(input, seededRandom(7))).toEqual(planSeedVariations(input, seededRandom(7)));
  });

  it('works with a catalog of only the seed values', () => {
    const out = planSeedVariations({ seed: input.seed, emotions: ['anxiety'], intents: ['ask'], tones: ['warm'], count: 2 }, seededRandom(1));
    expect(out).toEqual([input.seed, input.seed]);
  });
});

describe('belowSeedBaseline', () => {
  it('flags a score more than one below the seed', () => {
    expect(belowSeedBaseline(7.9, 9.2)).toBe(true);
    expect(belowSeedBaseline(8.2, 9.2)).toBe(false);
    expect(belowSeedBaseline(null, 9.2)).toBe(false);
  });
});
