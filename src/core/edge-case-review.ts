import { belowApprovalBar } from './approval';

/**
 * The edge-case tier's stricter review rules (US8.3.1): an edge case is approved only one at a
 * time, by someone who has read it, and only when it scores at least the edge-case bar
 * (Settings → Quality, 8 by default) — higher than the bar for ordinary conversations.
 */
export function belowEdgeCaseBar(qualityScore: number | null, edgeCaseMinScore: number): boolean {
  return belowApprovalBar(qualityScore, edgeCaseMinScore);
}

export function edgeCaseBarMessage(name: string, qualityScore: number, edgeCaseMinScore: number): string {
  return `${name} is an edge case scoring ${qualityScore.toFixed(1)}, below the edge-case bar of ${edgeCaseMinScore}: regenerate it or reject it (or lower the edge-case bar in Settings → Quality).`;
}

export interface EdgeCaseCheck {
  meets: boolean;
  reasons: string[];
}

export interface EdgeCaseCheckInput {
  tier: string;
  status: string;
  qualityScore: number | null;
  /** The edge case it tests is linked (not deleted). */
  hasEdgeCase: boolean;
  turns: { role: 'user' | 'assistant'; content: string }[];
}

const UNGENERATED = new Set(['not_generated', 'generating', 'failed']);

/**
 * Does an edge-case conversation meet the tier's criteria? Null for other tiers. Each reason is
 * one plain sentence, so the preview can flag the conversation and say why:
 *   - it scores below the edge-case bar;
 *   - no edge case is linked, so nothing says which boundary it tests;
 *   - it ends on the user's turn, so the assistant never answered the final push on the boundary.
 */
export function checkEdgeCase(c: EdgeCaseCheckInput, edgeCaseMinScore: number): EdgeCaseCheck | null {
  if (c.tier !== 'edge_case') return null;
  const reasons: string[] = [];
  if (UNGENERATED.has(c.status)) reasons.push('Not generated yet: generate it, then check it against the edge-case bar.');
  else if (c.qualityScore === null) reasons.push('It has no quality score, so it cannot be checked against the edge-case bar.');
  else if (belowEdgeCaseBar(c.qualityScore, edgeCaseMinScore)) reasons.push(`Scores ${c.qualityScore.toFixed(1)}, below the edge-case bar of ${edgeCaseMinScore}.`);
  if (!c.hasEdgeCase) reasons.push('No edge case is linked, so nothing says which boundary it tests.');
  const last = c.turns[c.turns.length - 1];
  if (last && last.role !== 'assistant') reasons.push("It ends on the user's turn: the assistant never answers the last push on the boundary.");
  return { meets: reasons.length === 0, reasons };
}
