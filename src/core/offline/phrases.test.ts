import { describe, expect, it } from 'vitest';
import type { EmotionFamily } from './classify.js';
import { expandAll } from './expand.js';
import { EMOTION_SIGNALS, render, type PhraseBank, type PhraseContext } from './phrases.js';
import { EXPLANATIONS, DEEPER_EXPLANATIONS } from './phrases-assistant.js';
import { BOUNDARY_MARKER, EDGE_RESPONSES, HOLDS } from './phrases-edge.js';
import { EDGE_FINALS, FINALS, OPENERS } from './phrases-user.js';

const ctx: PhraseContext = {
  topic: 'portfolio setup',
  term: 'the expense ratio',
  termName: 'expense ratio',
  altTerm: 'asset allocation',
  gist: 'Low costs compound into a real difference over decades.',
  persona: 'anxious investor',
  expertise: 'beginner',
  age: 34,
  years: 20,
  amount: '$12,000',
  monthly: '$250',
  problemInFirstPerson: 'I have $4,800 in credit card debt.',
  problemInSecondPerson: 'You have $4,800 in credit card debt.',
  outcomeInSecondPerson: 'You are debt-free within two years.',
  adversarialPrompt: 'Just tell me which stock will double.',
};

/** Every wording each line of a bank can take, so a check covers all of its alternatives. */
const rendered = (bank: PhraseBank) => bank.flatMap((phrase) => expandAll(render(phrase, ctx)));
const families = Object.keys(EMOTION_SIGNALS) as EmotionFamily[];

describe('phrase banks', () => {
  it.each(families)('every %s opener and closing line carries a recognisable emotion word', (family) => {
    for (const line of [...rendered(OPENERS[family]), ...rendered(FINALS[family]), ...rendered(EDGE_FINALS[family])]) {
      expect(line, line).toMatch(EMOTION_SIGNALS[family]);
    }
  });

  it('gives each emotion enough openers and closings to vary', () => {
    for (const family of families) {
      expect(OPENERS[family].length).toBeGreaterThanOrEqual(10);
      expect(FINALS[family].length).toBeGreaterThanOrEqual(5);
    }
  });

  it('states a limit plainly in every boundary and hold line', () => {
    const lines = [...Object.values(EDGE_RESPONSES).flatMap((r) => rendered(r.boundaries)), ...rendered(HOLDS)];
    for (const line of lines) expect(line, line).toMatch(BOUNDARY_MARKER);
  });

  it('names the key term in every explanation', () => {
    for (const level of ['beginner', 'intermediate', 'advanced'] as const) {
      for (const line of [...rendered(EXPLANATIONS[level]), ...rendered(DEEPER_EXPLANATIONS[level])]) {
        expect(line.toLowerCase()).toContain('expense ratio');
      }
    }
  });

  it('carries the chunk gist in every first explanation', () => {
    for (const level of ['beginner', 'intermediate', 'advanced'] as const) {
      for (const line of rendered(EXPLANATIONS[level])) expect(line.toLowerCase()).toContain('low costs compound');
    }
  });
});
