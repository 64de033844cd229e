import { describe, expect, it } from 'vitest';
import { categoryForEmotion, parseSuggestionKey, suggestEdgeCases, suggestionKey, type EdgeCaseMark } from './edge-case-suggestions';

const personas = [
  { key: 'first_time_buyer', label: 'First-time buyer' },
  { key: 'retiree', label: 'Retiree' },
];
const emotions = [
  { key: 'curiosity', label: 'Curiosity', valence: 'positive' },
  { key: 'anger', label: 'Anger', valence: 'negative' },
  { key: 'skepticism', label: 'Skepticism', valence: 'neutral' },
];
const input = (over: Partial<Parameters<typeof suggestEdgeCases>[0]> = {}) => ({ personas, emotions, tested: new Set<string>(), testedPersonas: new Set<string>(), marks: new Map<string, EdgeCaseMark>(), ...over });

describe('categoryForEmotion', () => {
  it('pairs each emotion with the category its rule names', () => {
    expect(categoryForEmotion({ key: 'fear', label: 'Fear' }).category).toBe('emotional_overwhelm');
    expect(categoryForEmotion({ key: 'skepticism', label: 'Skepticism' }).category).toBe('conflicting_advice');
    expect(categoryForEmotion({ key: 'ambivalence', label: 'Ambivalence' }).category).toBe('conflicting_goals');
    expect(categoryForEmotion({ key: 'frustration', label: 'Frustration' }).category).toBe('ethical_dilemma');
    expect(categoryForEmotion({ key: 'confidence', label: 'Confidence', valence: 'positive' }).category).toBe('boundary_testing');
  });

  it('treats an unknown negative emotion as high intensity and says why', () => {
    const fit = categoryForEmotion({ key: 'heartbreak', label: 'Heartbreak', valence: 'negative' });
    expect(fit.category).toBe('emotional_overwhelm');
    expect(fit.reason).toContain('Heartbreak is a high-intensity emotion');
  });
});

describe('suggestEdgeCases', () => {
  it('suggests every untested combination, the riskiest first', () => {
    const out = suggestEdgeCases(input());
    expect(out).toHaveLength(6);
    expect(out.slice(0, 2).map((s) => s.key)).toEqual(['first_time_buyer--anger', 'retiree--anger']);
    expect(out.at(-1)?.category).toBe('boundary_testing');
    expect(out[0]).toMatchObject({ status: 'open', category: 'emotional_overwhelm', title: 'Extreme emotions: First-time buyer feeling anger' });
  });

  it('leaves out tested combinations unless someone marked them', () => {
    const tested = new Set([suggestionKey('retiree', 'anger'), suggestionKey('retiree', 'curiosity')]);
    const out = suggestEdgeCases(input({ tested, testedPersonas: new Set(['retiree']), marks: new Map([[suggestionKey('retiree', 'curiosity'), 'completed' as const]]) }));
    expect(out.map((s) => s.key)).not.toContain('retiree--anger');
    expect(out.find((s) => s.key === 'retiree--curiosity')?.status).toBe('completed');
  });

  it('ranks personas with no edge case at all ahead within a rule', () => {
    const out = suggestEdgeCases(input({ testedPersonas: new Set(['first_time_buyer']) }));
    expect(out[0].key).toBe('retiree--anger');
    expect(out[0].reason).toContain('(nor in any edge case)');
  });

  it('carries dismissals', () => {
    const out = suggestEdgeCases(input({ marks: new Map([[suggestionKey('retiree', 'skepticism'), 'dismissed' as const]]) }));
    expect(out.find((s) => s.key === 'retiree--skepticism')?.status).toBe('dismissed');
  });
});

describe('suggestion keys', () => {
  it('round-trip and refuse anything else', () => {
    expect(parseSuggestionKey(suggestionKey('retiree', 'anger'))).toEqual({ persona: 'retiree', emotion: 'anger' });
    expect(parseSuggestionKey('retiree')).toBeNull();
    expect(parseSuggestionKey('a--b--c')).toBeNull();
  });
});
