import { describe, expect, it } from 'vitest';
import { buildCoverage, type CoverageCountRow } from './coverage';
import { combinationKey, parseCombinationKey, rankRecommendations, type RecommendationInput } from './coverage-recommendations';

const entry = (key: string, label: string) => ({ key, label, active: true });
const personas = [entry('anxious', 'Anxious Investor'), entry('planner', 'Confident Planner'), entry('beginner', 'Skeptical Beginner')];
const emotions = [entry('fear', 'Fear'), entry('hope', 'Hope')];
const topics = [entry('portfolio', 'Portfolio Setup'), entry('debt', 'Debt Payoff'), { key: 'old', label: 'Old topic', active: false }];
const row = (persona: string, emotion: string, n: number): CoverageCountRow => ({ persona, emotion, n, status: 'approved', tier: 'template', arcKey: null });

function setup(rows: CoverageCountRow[], over: Partial<RecommendationInput> = {}) {
  const c = buildCoverage({ scope: 'generated', rows, personas, emotions, arcs: [], minPerCombination: 3 });
  return rankRecommendations({ gaps: c.gaps, byPersona: c.byPersona, byEmotion: c.byEmotion, topics, topicCounts: [], waiting: [], dismissed: new Set(), min: 3, target: 5, ...over });
}

describe('rankRecommendations', () => {
  const rows = [row('anxious', 'fear', 5), row('anxious', 'hope', 2), row('planner', 'fear', 1), row('planner', 'hope', 4), row('beginner', 'fear', 3)];

  it('puts the combination missing most first, then the thinner persona and emotion, and shows at most five', () => {
    const { top, all } = setup(rows);
    expect(all.map((r) => r.key)).toEqual([combinationKey('beginner', 'hope'), combinationKey('planner', 'fear'), combinationKey('anxious', 'hope')]);
    expect(top).toEqual(all);
    const many = setup([]);
    expect(many.all).toHaveLength(6);
    expect(many.top).toHaveLength(5);
    // All at zero: the totals tie too, so catalog labels decide, spread so each persona and emotion comes up in turn.
    expect(many.top.map((r) => `${r.persona}:${r.emotion}`)).toEqual(['anxious:fear', 'planner:hope', 'beginner:fear', 'anxious:hope', 'planner:fear']);
    // …and equally thin topics are suggested in turn rather than one for all.
    expect(many.top.slice(0, 2).map((r) => r.topic)).toEqual(['portfolio', 'debt']);
  });

  it('gives the current count, the 3–5 target, what to plan after waiting slots, and a reason', () => {
    const { all } = setup(rows, { waiting: [{ persona: 'planner', emotion: 'fear', n: 2 }] });
    const planner = all.find((r) => r.persona === 'planner')!;
    expect(planner).toMatchObject({ count: 1, waiting: 2, min: 3, target: 5, toPlan: 2, personaLabel: 'Confident Planner', emotionLabel: 'Fear' });
    expect(planner.reason).toBe('Only 1 of the 3 a combination needs; 2 slots already planned, not generated yet.');
    const beginner = all.find((r) => r.persona === 'beginner')!;
    expect(beginner.reason).toBe('No Skeptical Beginner conversation with Hope yet; Skeptical Beginner has the fewest conversations of any persona; Hope is the least covered emotion.');
    expect(beginner.toPlan).toBe(5);
  });

  it('suggests the active topic the pair has least of, then the one the persona has least of', () => {
    const topicCounts = [
      { persona: 'planner', emotion: 'fear', topic: 'portfolio', n: 1 },
      { persona: 'beginner', emotion: 'fear', topic: 'debt', n: 3 },
    ];
    const { all } = setup(rows, { topicCounts });
    expect(all.find((r) => r.persona === 'planner')).toMatchObject({ topic: 'debt', topicLabel: 'Debt Payoff' });
    // Beginner × Hope has no topic yet; Debt Payoff is used by the persona, so Portfolio Setup.
    expect(all.find((r) => r.persona === 'beginner')).toMatchObject({ topic: 'portfolio' });
  });

  it('leaves dismissed combinations out and counts them', () => {
    const { all, dismissedCount } = setup(rows, { dismissed: new Set([combinationKey('beginner', 'hope')]) });
    expect(all.map((r) => r.persona)).toEqual(['planner', 'anxious']);
    expect(dismissedCount).toBe(1);
  });

  it('keys split back into persona and emotion, and anything else is refused', () => {
    expect(parseCombinationKey(combinationKey('anxious_investor', 'fear'))).toEqual({ persona: 'anxious_investor', emotion: 'fear' });
    expect(parseCombinationKey('gap:Anxious:fear')).toBeNull();
    expect(parseCombinationKey('chunks:high_confidence')).toBeNull();
  });
});
