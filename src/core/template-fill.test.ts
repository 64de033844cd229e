import { describe, expect, it } from 'vitest';
import type { ExistingSlot, PlanInput } from './plan-slots';
import { seededRandom } from './random';
import { planTemplateFill } from './template-fill';

const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}_${i + 1}`);

function input(existing: ExistingSlot[] = []): PlanInput {
  return {
    count: 1,
    split: { template: 100, scenario: 0, edge_case: 0 },
    values: { persona: keys('persona', 3), emotion: keys('emotion', 4), topic: keys('topic', 5), intent: keys('intent', 3), tone: keys('tone', 2) },
    arcs: [],
    templates: [{ id: 'tpl', tier: 'template', arcKey: null, active: true }],
    scenarios: [],
    edgeCases: [],
    chunks: [],
    categoryWeights: {},
    existing,
    firstNumber: 11,
  };
}

const slot = (persona: string, arcKey: string): ExistingSlot => ({ tier: 'template', persona, emotion: 'emotion_1', topic: 'topic_1', intent: 'intent_1', tone: 'tone_1', arcKey, scenarioId: null, edgeCaseId: null, chunkId: null, category: null });

describe('planTemplateFill', () => {
  it('plans one conversation for each missing persona × arc, then tops arcs up to their target', () => {
    const existing = [slot('persona_1', 'a'), slot('persona_2', 'a'), slot('persona_3', 'a'), slot('persona_1', 'b')];
    const fill = planTemplateFill(input(existing), [{ key: 'a', startEmotion: 'emotion_1', target: 3 }, { key: 'b', startEmotion: 'emotion_2', target: 5 }], seededRandom(1));
    expect(fill.combinations).toEqual([{ persona: 'persona_2', arc: 'b' }, { persona: 'persona_3', arc: 'b' }]);
    // b had 1, got 2 combinations, needs 2 more to reach 5; a is at its target.
    expect(fill.belowTarget).toEqual([{ arc: 'b', count: 3, target: 5, adding: 2 }]);
    expect(fill.slots).toHaveLength(4);
    expect(fill.slots.every((s) => s.tier === 'template' && s.arcKey === 'b')).toBe(true);
    expect(fill.slots.map((s) => s.conversationId)).toEqual(['conv-00011', 'conv-00012', 'conv-00013', 'conv-00014']);
  });

  it('plans nothing when every combination exists and every arc meets its target', () => {
    const existing = keys('persona', 3).map((p) => slot(p, 'a'));
    expect(planTemplateFill(input(existing), [{ key: 'a', startEmotion: 'emotion_1', target: 3 }], seededRandom(1)).slots).toHaveLength(0);
  });

  it('is repeatable for the same seed', () => {
    const arcs = [{ key: 'a', startEmotion: 'emotion_1', target: 6 }];
    const one = planTemplateFill(input(), arcs, seededRandom(7)).slots;
    expect(planTemplateFill(input(), arcs, seededRandom(7)).slots).toEqual(one);
    expect(one).toHaveLength(6);
  });

  it('turns a catalog with nothing to plan with into a warning, not an error', () => {
    const empty = { ...input(), values: { ...input().values, topic: [] } };
    const fill = planTemplateFill(empty, [{ key: 'a', startEmotion: 'emotion_1', target: 2 }], seededRandom(1));
    expect(fill.slots).toHaveLength(0);
    expect(fill.warnings[0]).toContain('no active topic');
  });
});
