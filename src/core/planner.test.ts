import { describe, expect, it } from 'vitest';
import { planConversations, type PlannerInput } from './planner';
import { seededRandom } from './random';
import { splitByWeights } from './tiers';

const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}_${i + 1}`);

function input(overrides: Partial<PlannerInput> = {}): PlannerInput {
  return {
    personas: keys('persona', 8),
    emotions: keys('emotion', 10),
    topics: keys('topic', 15),
    intents: keys('intent', 6),
    tones: keys('tone', 6),
    arcs: keys('arc', 5).map((key, i) => ({ key, startEmotion: `emotion_${i + 1}`, weight: 20, enabled: true })),
    templates: [
      ...keys('arc', 5).map((arcKey, i) => ({ id: `tpl-${i}`, tier: 'template' as const, arcKey, active: true })),
      { id: 'tpl-scenario', tier: 'scenario' as const, arcKey: null, active: true },
      { id: 'tpl-edge', tier: 'edge_case' as const, arcKey: null, active: true },
    ],
    scenarios: keys('scenario', 12).map((id, i) => ({ id, persona: `persona_${(i % 8) + 1}`, emotion: null, topic: null, chunkId: `chunk_${i + 1}` })),
    edgeCases: keys('edge', 8).map((id) => ({ id })),
    chunks: keys('chunk', 32).map((id, i) => ({ id, documentId: `doc_${(i % 3) + 1}` })),
    counts: { template: 40, scenario: 35, edge_case: 15 },
    firstNumber: 1,
    ...overrides,
  };
}

describe('planConversations', () => {
  const slots = planConversations(input(), seededRandom(7));

  it('plans 90 conversations in the 40/35/15 tier split', () => {
    expect(slots).toHaveLength(90);
    expect(slots.filter((s) => s.tier === 'template')).toHaveLength(40);
    expect(slots.filter((s) => s.tier === 'scenario')).toHaveLength(35);
    expect(slots.filter((s) => s.tier === 'edge_case')).toHaveLength(15);
  });

  it('numbers conversations uniquely from firstNumber', () => {
    expect(slots[0].conversationId).toBe('conv-00001');
    expect(new Set(slots.map((s) => s.conversationId)).size).toBe(90);
    expect(planConversations(input({ firstNumber: 91 }), seededRandom(7))[0].conversationId).toBe('conv-00091');
  });

  it('shares the template tier equally across five equal-weight arcs, each starting at its emotion', () => {
    const template = slots.filter((s) => s.tier === 'template');
    for (let i = 1; i <= 5; i++) {
      const arc = template.filter((s) => s.arcKey === `arc_${i}`);
      expect(arc).toHaveLength(8);
      expect(arc.every((s) => s.emotion === `emotion_${i}` && s.templateId === `tpl-${i - 1}`)).toBe(true);
    }
  });

  it('uses every persona, and no persona more than once above the even share per tier', () => {
    const template = slots.filter((s) => s.tier === 'template');
    const counts = new Map<string, number>();
    for (const s of template) counts.set(s.persona, (counts.get(s.persona) ?? 0) + 1);
    expect(counts.size).toBe(8);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });

  it('links scenario slots to their scenario and its chunk, and edge slots to edge cases', () => {
    const scenario = slots.filter((s) => s.tier === 'scenario');
    expect(new Set(scenario.map((s) => s.scenarioId)).size).toBe(12);
    expect(scenario.every((s) => s.chunkId && s.templateId === 'tpl-scenario')).toBe(true);
    const first = scenario.find((s) => s.scenarioId === 'scenario_3')!;
    expect(first.chunkId).toBe('chunk_3');
    expect(first.persona).toBe('persona_3');
    expect(first.documentId).toBe('doc_3');
    expect(new Set(slots.filter((s) => s.tier === 'edge_case').map((s) => s.edgeCaseId)).size).toBe(8);
  });

  it('is deterministic for a seed and varies between seeds', () => {
    expect(planConversations(input(), seededRandom(7))).toEqual(slots);
    expect(planConversations(input(), seededRandom(8)).map((s) => s.persona)).not.toEqual(slots.map((s) => s.persona));
  });

  it('respects arc weights and disabled arcs', () => {
    const arcs = input().arcs.map((a, i) => ({ ...a, weight: i === 0 ? 50 : 50, enabled: i < 2 }));
    const planned = planConversations(input({ arcs, counts: { template: 10, scenario: 0, edge_case: 0 } }), seededRandom(1));
    expect(planned.filter((s) => s.arcKey === 'arc_1')).toHaveLength(5);
    expect(planned.filter((s) => s.arcKey === 'arc_2')).toHaveLength(5);
  });

  it('explains what is missing instead of planning nothing', () => {
    expect(() => planConversations(input({ personas: [] }), seededRandom(1))).toThrow(/persona/);
    expect(() => planConversations(input({ arcs: [] }), seededRandom(1))).toThrow(/arc/);
  });
});

describe('splitByWeights', () => {
  it('always adds up to the total', () => {
    expect(splitByWeights(40, { a: 1, b: 1, c: 1 })).toEqual({ a: 14, b: 13, c: 13 });
    expect(Object.values(splitByWeights(90, { t: 40, s: 35, e: 15 }))).toEqual([40, 35, 15]);
  });
});
