import { describe, expect, it } from 'vitest';
import { exportBalance, type BalanceInput } from './export-balance';

const personas = new Map([
  ['anxious_beginner', 'Anxious Beginner'],
  ['confident_planner', 'Confident Planner'],
  ['skeptical_analyst', 'Skeptical Analyst'],
]);
const emotions = new Map([
  ['worried', 'Worried'],
  ['hopeful', 'Hopeful'],
  ['frustrated', 'Frustrated'],
]);
const split = { template: 40, scenario: 35, edge_case: 15 };

function input(counts: Partial<BalanceInput['counts']>, extra: Partial<BalanceInput> = {}): BalanceInput {
  return {
    counts: { tier: {}, persona: { anxious_beginner: 10, confident_planner: 10, skeptical_analyst: 10 }, emotion: { worried: 10, hopeful: 10, frustrated: 10 }, ...counts },
    tierSplit: split,
    catalog: { persona: personas, emotion: emotions },
    ...extra,
  };
}

describe('export balance', () => {
  it('warns about 36 template, 1 scenario and 1 edge-case conversation, saying what to do', () => {
    const balance = exportBalance(input({ tier: { template: 36, scenario: 1, edge_case: 1 }, persona: { anxious_beginner: 13, confident_planner: 13, skeptical_analyst: 12 }, emotion: { worried: 13, hopeful: 13, frustrated: 12 } }));
    expect(balance.total).toBe(38);
    expect(balance.byTier.map((b) => [b.key, b.count])).toEqual([
      ['template', 36],
      ['scenario', 1],
      ['edge_case', 1],
    ]);
    expect(balance.byTier[0].share).toBeCloseTo(36 / 38, 6);
    const tiers = balance.warnings.filter((w) => w.rule === 'tier_below_plan');
    expect(tiers.map((w) => w.hint)).toEqual(['Generate more scenario conversations or export by tier.', 'Generate more edge case conversations or export by tier.']);
    expect(tiers[0].message).toBe("Only 1 of the 38 conversations (3 %) is a scenario conversation, while the plan's tier split expects 39 %.");
    expect(tiers[1].message).toMatch(/^Only 1 of the 38 conversations \(3 %\) is an edge case conversation,/);
    // Personas and emotions are even: no other warning.
    expect(balance.warnings).toHaveLength(2);
  });

  it('says nothing when the spread follows the plan', () => {
    const balance = exportBalance(input({ tier: { template: 12, scenario: 12, edge_case: 6 } }));
    expect(balance.warnings).toEqual([]);
  });

  it('does not expect a tier the plan gives no share', () => {
    const balance = exportBalance(input({ tier: { template: 30 } }, { tierSplit: { template: 100, scenario: 0, edge_case: 0 } }));
    expect(balance.warnings).toEqual([]);
  });

  it('leaves a dimension the selection chose on purpose alone', () => {
    const balance = exportBalance(input({ tier: { template: 30 }, persona: { anxious_beginner: 30 } }, { restricted: { tier: true, persona: true } }));
    expect(balance.warnings).toEqual([]);
  });

  it('flags a persona far above an even share and the ones far below', () => {
    const balance = exportBalance(input({ tier: { template: 12, scenario: 12, edge_case: 6 }, persona: { anxious_beginner: 24, confident_planner: 4, skeptical_analyst: 2 } }));
    const persona = balance.warnings.filter((w) => w.dimension === 'persona');
    expect(persona.map((w) => w.rule)).toEqual(['share_above_even', 'share_below_even']);
    expect(persona[0].message).toBe('Anxious Beginner makes up 80 % of this export; an even spread over its 3 personas would be 33 % each.');
    expect(persona[1].message).toBe('Confident Planner (13 %) and Skeptical Analyst (7 %) have far fewer conversations than an even 33 %.');
  });

  it('flags fewer distinct emotions than the minimum when the catalog has more', () => {
    const balance = exportBalance(input({ tier: { template: 12, scenario: 12, edge_case: 6 }, emotion: { worried: 20, hopeful: 10 } }));
    const emotion = balance.warnings.filter((w) => w.dimension === 'emotion');
    expect(emotion).toHaveLength(1);
    expect(emotion[0]).toMatchObject({ rule: 'few_values', message: expect.stringContaining('Only 2 emotions appear in this export (Worried and Hopeful), out of 3 in the catalog') });
  });

  it('gives no share warnings for a handful of conversations, but still counts them', () => {
    const balance = exportBalance(input({ tier: { template: 3 }, persona: { anxious_beginner: 3 }, emotion: { worried: 3 } }));
    expect(balance.warnings).toEqual([]);
    expect(balance.byPersona).toEqual([{ key: 'anxious_beginner', label: 'Anxious Beginner', count: 3, share: 1 }]);
  });

  it('labels a value the catalog no longer has by its key', () => {
    const balance = exportBalance(input({ tier: { template: 30 }, persona: { retired_value: 30 } }, { tierSplit: { template: 1, scenario: 0, edge_case: 0 } }));
    expect(balance.byPersona[0]).toMatchObject({ key: 'retired_value', label: 'retired_value' });
  });
});
