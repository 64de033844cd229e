import { arcCounts, type ArcShare } from './arc-distribution';
import { splitByWeights, TIERS, type Tier } from './tiers';

/**
 * How many conversations each tier should hold: the workspace's tier split (40/35/15 by default)
 * applied to its size, but never to fewer than the split's own sum, so a new or small workspace
 * aims at the product's 40 + 35 + 15 and a large one keeps the same proportions.
 */
export function tierTargets(workspaceTotal: number, split: Record<Tier, number>): Record<Tier, number> {
  const sum = TIERS.reduce((s, t) => s + Math.max(0, split[t]), 0);
  if (sum === 0) return { template: 0, scenario: 0, edge_case: 0 };
  return splitByWeights(Math.max(workspaceTotal, sum), split);
}

/** Each arc's share of the template tier's target (largest remainders, enabled arcs only). */
export const arcTargets = (templateTarget: number, shares: readonly ArcShare[]) => arcCounts(templateTarget, shares);
