import { describe, expect, it } from 'vitest';
import { parseChunkDimensions } from '../chunk-dimensions';
import { deriveDimensionsOffline, keyTermsOf } from './chunk-analysis';

const simple = 'Save a little each week. Put it in a jar. Count it on Sunday. It is easy and it feels good. You will see it grow.';
const dense =
  'Sequence-of-returns vulnerability materially compromises decumulation portfolios whose withdrawal methodology disregards intertemporal volatility, necessitating dynamic guardrail adjustments calibrated against sustainable distribution thresholds and inflation-indexed annuitisation alternatives.';

describe('offline chunk analysis', () => {
  it('always yields dimensions the schema accepts, even from an empty passage', () => {
    for (const content of [simple, dense, '', '# Only a heading', '- a\n- b\n- c', '日本語の文章です。とても大切です。']) {
      const parsed = parseChunkDimensions(deriveDimensionsOffline({ heading: content ? null : 'Empty', content }));
      expect(parsed.ok, content).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(deriveDimensionsOffline({ heading: 'A', content: dense })).toEqual(deriveDimensionsOffline({ heading: 'A', content: dense }));
  });

  it('ranks key terms by frequency, without stopwords, ties by first use', () => {
    expect(keyTermsOf('The budget and the budget again. Savings help the budget; savings grow. Interest too.', 3)).toEqual(['budget', 'savings', 'help']);
  });

  it('reads short plain sentences as beginner and long specialist ones as advanced', () => {
    expect(deriveDimensionsOffline({ heading: null, content: simple })).toMatchObject({ expertise_level: 'beginner', audience_level: 'general' });
    expect(deriveDimensionsOffline({ heading: null, content: dense })).toMatchObject({ expertise_level: 'advanced', audience_level: 'expert' });
  });

  it('reads valence from its word lists, neutral when they balance out', () => {
    expect(deriveDimensionsOffline({ heading: null, content: 'A great plan brings success, growth and a secure, rewarding future.' }).emotional_valence).toBe('positive');
    expect(deriveDimensionsOffline({ heading: null, content: 'Fear of loss, debt and panic made every mistake worse. The risk was severe.' }).emotional_valence).toBe('negative');
    expect(deriveDimensionsOffline({ heading: null, content: 'The account has a number and a date.' }).emotional_valence).toBe('neutral');
  });

  it('summarises with the first sentences, and is surer of longer, structured passages', () => {
    const short = deriveDimensionsOffline({ heading: null, content: 'One line.' });
    const long = deriveDimensionsOffline({ heading: 'Budgets', content: Array.from({ length: 12 }, (_, i) => `Sentence number ${i} explains one more budgeting idea in plain words.`).join(' ') });
    expect(long.summary.startsWith('Sentence number 0 explains')).toBe(true);
    expect(long.summary.length).toBeLessThanOrEqual(280);
    expect(long.confidence).toBeGreaterThan(short.confidence);
    expect(long.confidence).toBeLessThanOrEqual(10);
  });
});
