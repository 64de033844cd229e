import type { RegeneratePreview, RegeneratePreviewRequest } from '../contract/regenerate';
import { MAX_REGENERATE_AT_ONCE, REGENERATION_SKIP_REASONS, regenerationSkip, type RegenerationSkipReason } from '../core/regeneration';
import type { Db } from '../db/client';
import { regenerationCandidates } from '../db/queries/regeneration';

/**
 * What "Reject and regenerate" would do to a selection now, for the bulk dialog: which would be
 * rejected and planned again (their ids, to send to the action), and how many are skipped and
 * why, by the same rule the action applies. Nothing changes.
 */
export async function previewRegeneration(db: Db, request: RegeneratePreviewRequest): Promise<RegeneratePreview> {
  const candidates = await regenerationCandidates(db, request.selection);
  const skippedByReason = Object.fromEntries(REGENERATION_SKIP_REASONS.map((r) => [r, 0])) as Record<RegenerationSkipReason, number>;
  const eligible: typeof candidates = [];
  for (const c of candidates) {
    const skip = regenerationSkip(c);
    if (skip) skippedByReason[skip] += 1;
    else eligible.push(c);
  }
  const named = request.selection.conversationIds ? new Set(request.selection.conversationIds).size : candidates.length;
  return {
    selected: candidates.length,
    notFound: Math.max(0, named - candidates.length),
    conversationIds: eligible.slice(0, MAX_REGENERATE_AT_ONCE).map((c) => c.conversationId),
    toReject: eligible.filter((c) => c.status !== 'rejected').length,
    skippedByReason,
    tooMany: eligible.length > MAX_REGENERATE_AT_ONCE,
    max: MAX_REGENERATE_AT_ONCE,
  };
}
