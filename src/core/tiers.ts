export const TIERS = ['template', 'scenario', 'edge_case'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_LABELS: Record<Tier, string> = {
  template: 'Template',
  scenario: 'Scenario',
  edge_case: 'Edge Case',
};

/** The product's default plan: 40 template, 35 scenario and 15 edge-case conversations. */
export const DEFAULT_TIER_COUNTS: Record<Tier, number> = { template: 40, scenario: 35, edge_case: 15 };

export const DIMENSIONS = ['persona', 'emotion', 'topic', 'intent', 'tone'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  persona: 'Persona',
  emotion: 'Emotion',
  topic: 'Topic',
  intent: 'Intent',
  tone: 'Tone',
};

/**
 * Splits `total` across tiers in proportion to `weights`, using largest remainders so the
 * parts always add up to `total`.
 */
export function splitByWeights<K extends string>(total: number, weights: Record<K, number>): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  const sum = keys.reduce((s, k) => s + Math.max(0, weights[k]), 0);
  if (sum === 0) throw new Error('At least one weight must be positive.');
  const exact = keys.map((k) => ({ k, v: (total * Math.max(0, weights[k])) / sum }));
  const result = Object.fromEntries(exact.map(({ k, v }) => [k, Math.floor(v)])) as Record<K, number>;
  let left = total - keys.reduce((s, k) => s + result[k], 0);
  const byRemainder = [...exact].sort((a, b) => b.v - Math.floor(b.v) - (a.v - Math.floor(a.v)));
  for (const { k } of byRemainder) {
    if (left <= 0) break;
    result[k] += 1;
    left -= 1;
  }
  return result;
}
