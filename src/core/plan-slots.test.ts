import { describe, expect, it } from 'vitest';
import { planSlots, type ExistingSlot, type PlanInput } from './plan-slots';
import { seededRandom } from './random';
import { DIMENSIONS } from './tiers';
import { AppError } from './errors';

const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}_${i + 1}`);

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    count: 90,
    split: { template: 40, scenario: 35, edge_case: 15 },
    values: { persona: keys('persona', 6), emotion: keys('emotion', 8), topic: keys('topic', 10), intent: keys('intent', 5), tone: keys('tone', 4) },
    arcs: keys('arc', 5).map((key, i) => ({ key, startEmotion: `emotion_${i + 1}`, weight: 20, enabled: true })),
    templates: [
      { id: 'tpl-template', tier: 'template', arcKey: null, active: true },
      { id: 'tpl-scenario', tier: 'scenario', arcKey: null, active: true },
      { id: 'tpl-edge', tier: 'edge_case', arcKey: null, active: true },
    ],
    scenarios: [],
    edgeCases: keys('edge', 4).map((id) => ({ id })),
    chunks: keys('chunk', 12).map((id, i) => ({ id, documentId: `doc_${i % 3}`, category: i < 4 ? 'Complete Systems' : 'General', hasDimensions: true })),
    categoryWeights: {},
    existing: [],
    firstNumber: 1,
    ...overrides,
  };
}

const spread = (counts: Record<string, number>) => Math.max(...Object.values(counts)) - Math.min(...Object.values(counts));
const asExisting = (slots: ReturnType<typeof planSlots>['slots'], categoryOf: (chunkId: string | null) => string | null): ExistingSlot[] =>
  slots.map((s) => ({ ...s, category: categoryOf(s.chunkId) }));

describe('planSlots', () => {
  it('shares the count between the tiers by the split and numbers the slots from firstNumber', () => {
    const plan = planSlots(input({ count: 20, firstNumber: 91 }), seededRandom(1));
    expect(plan.byTier).toEqual({ template: 9, scenario: 8, edge_case: 3 });
    expect(plan.slots).toHaveLength(20);
    expect(plan.slots[0].conversationId).toBe('conv-00091');
    expect(new Set(plan.slots.map((s) => s.conversationId)).size).toBe(20);
  });

  it('spreads every dimension evenly: no value is used twice before every value is used once', () => {
    const plan = planSlots(input({ count: 120, split: { template: 0, scenario: 1, edge_case: 0 } }), seededRandom(2));
    expect(Object.keys(plan.byPersona)).toHaveLength(6);
    expect(spread(plan.byPersona)).toBeLessThanOrEqual(1);
    expect(spread(plan.byEmotion)).toBeLessThanOrEqual(1);
    expect(spread(plan.byTopic)).toBeLessThanOrEqual(1);
  });

  it('covers persona × emotion pairs before repeating one', () => {
    const plan = planSlots(input({ count: 48, split: { template: 0, scenario: 1, edge_case: 0 } }), seededRandom(3));
    const pairs = new Set(plan.slots.map((s) => `${s.persona}/${s.emotion}`));
    expect(pairs.size).toBe(48);
  });

  it('starts each template conversation at its arc’s emotion and shares the tier by arc weight', () => {
    const arcs = [
      { key: 'triumph', startEmotion: 'emotion_1', weight: 75, enabled: true },
      { key: 'relief', startEmotion: 'emotion_2', weight: 25, enabled: true },
      { key: 'off', startEmotion: 'emotion_3', weight: 50, enabled: false },
    ];
    const plan = planSlots(input({ count: 40, split: { template: 1, scenario: 0, edge_case: 0 }, arcs }), seededRandom(4));
    expect(plan.byArc).toEqual({ triumph: 30, relief: 10 });
    expect(plan.slots.filter((s) => s.arcKey === 'triumph').every((s) => s.emotion === 'emotion_1')).toBe(true);
  });

  it('grounds scenario slots in chunks when the workspace has no scenarios, following category weights', () => {
    const plan = planSlots(
      input({ count: 60, split: { template: 0, scenario: 1, edge_case: 0 }, categoryWeights: { 'Complete Systems': 2, General: 1 } }),
      seededRandom(5),
    );
    expect(plan.slots.every((s) => s.tier === 'scenario' && s.chunkId && s.documentId && s.scenarioId === null)).toBe(true);
    expect(plan.byCategory).toEqual({ 'Complete Systems': 40, General: 20 });
    // Within a category, chunks are used evenly.
    const perChunk: Record<string, number> = {};
    for (const s of plan.slots.filter((x) => x.chunkId?.match(/^chunk_([1-4])$/))) perChunk[s.chunkId as string] = (perChunk[s.chunkId as string] ?? 0) + 1;
    expect(spread(perChunk)).toBeLessThanOrEqual(1);
  });

  it('leaves out a category weighing 0 and says so', () => {
    const plan = planSlots(input({ count: 30, categoryWeights: { General: 0 } }), seededRandom(6));
    expect(Object.keys(plan.byCategory)).toEqual(['Complete Systems']);
    expect(plan.warnings.join(' ')).toMatch(/General is left out/);
  });

  it('never repeats a slot that already exists, and plans what is left when the combinations run out', () => {
    const small = input({
      count: 30,
      split: { template: 0, scenario: 1, edge_case: 0 },
      values: { persona: ['a', 'b'], emotion: ['calm'], topic: ['t'], intent: ['i'], tone: ['x'] },
      chunks: keys('chunk', 20).map((id) => ({ id, documentId: 'd', category: 'General', hasDimensions: true })),
    });
    const first = planSlots(small, seededRandom(7));
    const existing = asExisting(first.slots, () => 'General');
    const second = planSlots({ ...small, existing, firstNumber: 31 }, seededRandom(8));
    const key = (s: ExistingSlot | (typeof first.slots)[number]) => [s.tier, ...DIMENSIONS.map((d) => s[d]), s.chunkId].join('|');
    const before = new Set(existing.map(key));
    expect(second.slots).toHaveLength(10);
    expect(second.slots.every((s) => !before.has(key(s)))).toBe(true);
    expect(second.warnings.join(' ')).toMatch(/20 of the 30 conversations could not be planned/);
    // Together the two plans hold each of the 2 personas × 20 chunks exactly once.
    expect(new Set([...before, ...second.slots.map(key)]).size).toBe(40);
  });

  it('fills the thin spots first: personas already well covered wait until the others catch up', () => {
    const base = input({ count: 10, split: { template: 0, scenario: 1, edge_case: 0 }, values: { ...input().values, persona: ['a', 'b'] } });
    const existing = planSlots({ ...base, values: { ...base.values, persona: ['a'] } }, seededRandom(14)).slots.map((s) => ({ ...s, category: 'General' }));
    const plan = planSlots({ ...base, existing, firstNumber: 11 }, seededRandom(15));
    expect(plan.byPersona).toEqual({ b: 10 });
  });

  it('refuses with a reason when every combination is taken', () => {
    const tiny = input({
      count: 2,
      split: { template: 0, scenario: 0, edge_case: 1 },
      values: { persona: ['a'], emotion: ['calm'], topic: ['t'], intent: ['i'], tone: ['x'] },
      edgeCases: [{ id: 'e1' }],
      chunks: [],
    });
    const first = planSlots(tiny, seededRandom(9));
    expect(first.slots).toHaveLength(1);
    const again = () => planSlots({ ...tiny, existing: asExisting(first.slots, () => null) }, seededRandom(10));
    expect(again).toThrowError(AppError);
    expect(again).toThrowError(/already planned/);
  });

  it('names what is missing: a dimension with no values, no documents for scenarios, no enabled arc', () => {
    expect(() => planSlots(input({ values: { ...input().values, topic: [] } }), seededRandom(1))).toThrowError(/no active topic/);
    expect(() => planSlots(input({ chunks: [] }), seededRandom(1))).toThrowError(/drawn from your documents/);
    expect(() => planSlots(input({ arcs: [] }), seededRandom(1))).toThrowError(/No emotional arc is enabled/);
    expect(() => planSlots(input({ split: { template: 0, scenario: 0, edge_case: 0 } }), seededRandom(1))).toThrowError(/every tier 0/);
  });

  it('keeps a scenario’s own persona on its first use', () => {
    const scenarios = [{ id: 's1', persona: 'persona_3', emotion: 'emotion_2', topic: 'topic_4', chunkId: 'chunk_1' }];
    const plan = planSlots(input({ count: 3, split: { template: 0, scenario: 1, edge_case: 0 }, scenarios }), seededRandom(11));
    expect(plan.slots[0]).toMatchObject({ persona: 'persona_3', emotion: 'emotion_2', topic: 'topic_4', scenarioId: 's1', chunkId: 'chunk_1' });
    expect(plan.slots.every((s) => s.scenarioId === 's1')).toBe(true);
  });

  it('is deterministic for a given random source', () => {
    expect(planSlots(input(), seededRandom(12)).slots).toEqual(planSlots(input(), seededRandom(12)).slots);
  });

  it('warns about chunks without dimensions', () => {
    const chunks = keys('chunk', 3).map((id) => ({ id, documentId: 'd', category: 'General', hasDimensions: false }));
    expect(planSlots(input({ count: 10, chunks }), seededRandom(13)).warnings.join(' ')).toMatch(/3 of the chunks used have no dimensions/);
  });

  it('never plans with an inactive template: the active one of the tier is used, or none with a warning', () => {
    const templates = [
      { id: 'tpl-off', tier: 'template' as const, arcKey: null, active: false },
      { id: 'tpl-on', tier: 'template' as const, arcKey: null, active: true },
      { id: 'tpl-edge-off', tier: 'edge_case' as const, arcKey: null, active: false },
      { id: 'tpl-scenario', tier: 'scenario' as const, arcKey: null, active: true },
    ];
    const plan = planSlots(input({ count: 30, templates }), seededRandom(4));
    expect(new Set(plan.slots.filter((s) => s.tier === 'template').map((s) => s.templateId))).toEqual(new Set(['tpl-on']));
    expect(plan.slots.filter((s) => s.tier === 'edge_case').every((s) => s.templateId === null)).toBe(true);
    expect(plan.warnings.join(' ')).toMatch(/No active edge.case template/i);
  });
});
