/**
 * Which conversations "Reject and regenerate" can act on, and why the others are skipped: one
 * rule for the preview the bulk dialog shows and for the action itself.
 */
export const REGENERATION_SKIP_REASONS = ['not_generated', 'generating', 'seed', 'replaced'] as const;
export type RegenerationSkipReason = (typeof REGENERATION_SKIP_REASONS)[number];

/** How many conversations one bulk reject-and-regenerate takes: each is its own transaction and its own new slot. */
export const MAX_REGENERATE_AT_ONCE = 500;

export interface RegenerationCandidate {
  status: string;
  isSeed: boolean;
  turnCount: number;
  /** The human id of the conversation that already replaced it, if one did. */
  replacedBy: string | null;
}

/** Why this conversation cannot be rejected and regenerated now, or null when it can. */
export function regenerationSkip(c: RegenerationCandidate): RegenerationSkipReason | null {
  if (c.isSeed) return 'seed';
  if (c.status === 'generating') return 'generating';
  if (c.turnCount === 0) return 'not_generated';
  if (c.replacedBy) return 'replaced';
  return null;
}
