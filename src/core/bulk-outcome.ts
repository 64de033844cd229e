import { conversationLifecycle, CONVERSATION_STATUSES, type ConversationStatus } from './statuses';

export const BULK_KINDS = ['approve', 'reject', 'delete'] as const;
export type BulkKind = (typeof BULK_KINDS)[number];
export type ReviewAction = Exclude<BulkKind, 'delete'>;

export const REVIEW_TARGET: Record<ReviewAction, 'approved' | 'rejected'> = { approve: 'approved', reject: 'rejected' };

/**
 * Why a bulk action leaves a selected conversation as it is. A skip is not a failure: the
 * conversation is where the action would put it already, or its state says it cannot take the
 * action now (no text yet, being generated, under the approval bar, queued in a run).
 */
export const BULK_SKIP_REASONS = ['already_in_state', 'not_generated', 'generating', 'generation_failed', 'below_quality_bar', 'queued_in_run', 'seed'] as const;
export type BulkSkipReason = (typeof BULK_SKIP_REASONS)[number];

/** The statuses a review cannot start from other than its own target, and why each is skipped. */
const NOT_REVIEWABLE: Partial<Record<ConversationStatus, BulkSkipReason>> = { not_generated: 'not_generated', generating: 'generating', failed: 'generation_failed' };

/** What a bulk action needs to know about one conversation to decide what happens to it. */
export interface BulkCandidate {
  status: ConversationStatus;
  /** Scored below the workspace's minimum for approval. */
  belowBar: boolean;
  /** A run has it pending or in progress. */
  queued: boolean;
  /** Written by hand and kept as a benchmark (US10.3.1): locked against bulk delete and reject. */
  seed: boolean;
  /** In the edge-case tier (US8.3.1): reviewed one at a time, never approved in bulk. */
  edgeCase?: boolean;
}

/**
 * Why a bulk action refuses a conversation it would otherwise change: a failure, not a skip,
 * because the user asked for something the workspace's rules forbid. Edge cases test the
 * model's limits, so each is approved by a person who has read it (US8.3.1).
 */
export const BULK_REFUSAL_REASONS = ['edge_case'] as const;
export type BulkRefusalReason = (typeof BULK_REFUSAL_REASONS)[number];

/** Null when the action may go ahead; only an approval that would change an edge case is refused (a skip says more). */
export function bulkRefusal(kind: BulkKind, c: BulkCandidate): BulkRefusalReason | null {
  return kind === 'approve' && c.edgeCase && bulkOutcome(kind, c) === null ? 'edge_case' : null;
}

/** What a bulk answer says about an edge case it refused. */
export function edgeCaseRefusalMessage(name: string): string {
  return `${name} is an edge case: edge cases are reviewed one at a time — open it and approve it from the preview.`;
}

/** Why a seed is left alone, in the words every bulk answer uses. */
export const SEED_LOCK_REASON = 'Seed conversation: kept as a benchmark';

/**
 * What a bulk action does to one conversation: null when it changes it, else why it is skipped.
 * The bulk action itself and its preview both decide through here, so the preview's counts are
 * what the action will do (unless something changes in between).
 */
export function bulkOutcome(kind: BulkKind, c: BulkCandidate): BulkSkipReason | null {
  // Approving a seed is harmless (it is approved already, or back to where it belongs).
  if (c.seed && kind !== 'approve') return 'seed';
  if (kind === 'delete') {
    // Deleting would pull the slot from under the worker.
    if (c.status === 'generating') return 'generating';
    return c.queued ? 'queued_in_run' : null;
  }
  if (c.status === REVIEW_TARGET[kind]) return 'already_in_state';
  if (conversationLifecycle.can(kind, c.status)) return kind === 'approve' && c.belowBar ? 'below_quality_bar' : null;
  const reason = NOT_REVIEWABLE[c.status];
  // Every status is either a source of the review, its target, or listed above (a test walks them all).
  if (!reason) throw new Error(`No skip reason for a ${kind} of a ${c.status} conversation.`);
  return reason;
}

export type StatusCounts = Record<ConversationStatus, number>;
export type SkipCounts = Record<BulkSkipReason, number>;

export const zeroStatusCounts = (): StatusCounts => Object.fromEntries(CONVERSATION_STATUSES.map((s) => [s, 0])) as StatusCounts;
export const zeroSkipCounts = (): SkipCounts => Object.fromEntries(BULK_SKIP_REASONS.map((r) => [r, 0])) as SkipCounts;

/** Conversations alike in everything a bulk action looks at, and how many there are. */
export interface CandidateGroup extends BulkCandidate {
  count: number;
}

export interface BulkPreviewCounts {
  /** Conversations the selection names now. */
  selected: number;
  willChange: number;
  /** Of those that will change, how many are in each status now. */
  changeFrom: StatusCounts;
  skipped: number;
  skippedByReason: SkipCounts;
  /** Refused by the workspace's rules (edge cases are never approved in bulk): reported as failed. */
  refusedEdgeCases: number;
}

/** What a bulk action would do to groups of conversations, in counts. */
export function previewCounts(kind: BulkKind, groups: CandidateGroup[]): BulkPreviewCounts {
  const out: BulkPreviewCounts = { selected: 0, willChange: 0, changeFrom: zeroStatusCounts(), skipped: 0, skippedByReason: zeroSkipCounts(), refusedEdgeCases: 0 };
  for (const group of groups) {
    out.selected += group.count;
    if (bulkRefusal(kind, group)) {
      out.refusedEdgeCases += group.count;
      continue;
    }
    const skip = bulkOutcome(kind, group);
    if (skip) {
      out.skipped += group.count;
      out.skippedByReason[skip] += group.count;
    } else {
      out.willChange += group.count;
      out.changeFrom[group.status] += group.count;
    }
  }
  return out;
}

/** How people say why `n` conversations are skipped: "2 already approved", "1 being generated". */
export function skipPhrase(reason: BulkSkipReason, n: number, kind: BulkKind): string {
  const count = n.toLocaleString('en');
  switch (reason) {
    case 'already_in_state':
      return `${count} already ${kind === 'delete' ? 'deleted' : REVIEW_TARGET[kind]}`;
    case 'not_generated':
      return `${count} not generated yet`;
    case 'generating':
      return `${count} being generated`;
    case 'generation_failed':
      return `${count} whose generation failed`;
    case 'below_quality_bar':
      return `${count} below the quality bar`;
    case 'queued_in_run':
      return `${count} queued in a run`;
    case 'seed':
      return `${count} seed conversation${n === 1 ? '' : 's'} (locked as benchmark${n === 1 ? '' : 's'})`;
  }
}

/** "skipped 2 already approved, 1 not generated yet", or '' when nothing was skipped. */
export function skippedSummary(kind: BulkKind, byReason: SkipCounts): string {
  const parts = BULK_SKIP_REASONS.filter((r) => byReason[r] > 0).map((r) => skipPhrase(r, byReason[r], kind));
  // A delete leaves what it skips where it was: "kept", which says so.
  return parts.length ? `${kind === 'delete' ? 'kept' : 'skipped'} ${parts.join(', ')}` : '';
}
