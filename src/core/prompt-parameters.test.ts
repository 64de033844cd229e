import { describe, expect, it } from 'vitest';
import { isPromptParameter, unknownPlaceholders } from './prompt-parameters';

describe('prompt parameters', () => {
  it('knows the five dimensions and the source parameters', () => {
    for (const name of ['persona', 'emotion', 'topic', 'intent', 'tone', 'chunk_content', 'scenario_problem', 'edge_case_prompt']) {
      expect(isPromptParameter(name)).toBe(true);
    }
    expect(isPromptParameter('toString')).toBe(false);
  });

  it('names the placeholders no slot can fill, required or optional, once each', () => {
    expect(unknownPlaceholders('Hi {persona}, {persnoa} and {mood?feeling {mood}} and {persnoa}')).toEqual(['persnoa', 'mood']);
    expect(unknownPlaceholders('{persona} {topic?about {topic}} {chunk_summary?{key_terms}}')).toEqual([]);
  });
});
