import { describe, expect, it } from 'vitest';
import { BULK_KINDS, bulkOutcome, bulkRefusal, edgeCaseRefusalMessage, previewCounts, skippedSummary, zeroSkipCounts, type BulkKind } from './bulk-outcome';
import { CONVERSATION_STATUSES, conversationLifecycle, type ConversationStatus } from './statuses';

const plain = (status: ConversationStatus) => ({ status, belowBar: false, queued: false, seed: false });

describe('bulkOutcome', () => {
  it('decides every status for every action, without throwing', () => {
    for (const kind of BULK_KINDS) for (const status of CONVERSATION_STATUSES) expect(() => bulkOutcome(kind, plain(status)), `${kind} ${status}`).not.toThrow();
  });

  it('changes exactly what the state machine lets a review move, and flips the opposite review', () => {
    for (const kind of ['approve', 'reject'] as const) {
      const changes = CONVERSATION_STATUSES.filter((s) => bulkOutcome(kind, plain(s)) === null);
      expect([...changes].sort()).toEqual([...conversationLifecycle.sources(kind)].sort());
    }
    expect(bulkOutcome('approve', plain('rejected'))).toBeNull();
    expect(bulkOutcome('reject', plain('approved'))).toBeNull();
  });

  it('skips with the reason a person would give', () => {
    const reasons = (kind: BulkKind) => Object.fromEntries(CONVERSATION_STATUSES.map((s) => [s, bulkOutcome(kind, plain(s))]));
    expect(reasons('approve')).toEqual({ not_generated: 'not_generated', generating: 'generating', generated: null, approved: 'already_in_state', rejected: null, failed: 'generation_failed' });
    expect(reasons('reject')).toEqual({ not_generated: 'not_generated', generating: 'generating', generated: null, approved: null, rejected: 'already_in_state', failed: 'generation_failed' });
    expect(reasons('delete')).toEqual({ not_generated: null, generating: 'generating', generated: null, approved: null, rejected: null, failed: null });
  });

  it('holds back approvals under the quality bar, but not rejections, and deletes of queued ones', () => {
    expect(bulkOutcome('approve', { status: 'generated', belowBar: true, queued: false, seed: false })).toBe('below_quality_bar');
    // Already approved says so first: the bar does not matter to a conversation that will not move.
    expect(bulkOutcome('approve', { status: 'approved', belowBar: true, queued: false, seed: false })).toBe('already_in_state');
    expect(bulkOutcome('reject', { status: 'generated', belowBar: true, queued: false, seed: false })).toBeNull();
    expect(bulkOutcome('delete', { status: 'not_generated', belowBar: false, queued: true, seed: false })).toBe('queued_in_run');
  });
});

describe('seeds', () => {
  it('are left alone by a delete or a reject, whatever their status, but may be approved', () => {
    for (const status of CONVERSATION_STATUSES) {
      expect(bulkOutcome('delete', { ...plain(status), seed: true })).toBe('seed');
      expect(bulkOutcome('reject', { ...plain(status), seed: true })).toBe('seed');
    }
    expect(bulkOutcome('approve', { ...plain('approved'), seed: true })).toBe('already_in_state');
    expect(bulkOutcome('approve', { ...plain('rejected'), seed: true })).toBeNull();
  });

  it('are counted and named in the summary', () => {
    const counts = previewCounts('delete', [
      { ...plain('approved'), seed: true, count: 2 },
      { ...plain('generated'), count: 3 },
    ]);
    expect(counts).toMatchObject({ selected: 5, willChange: 3, skipped: 2 });
    expect(skippedSummary('delete', counts.skippedByReason)).toBe('kept 2 seed conversations (locked as benchmarks)');
    expect(skippedSummary('reject', { ...zeroSkipCounts(), seed: 1 })).toBe('skipped 1 seed conversation (locked as benchmark)');
  });
});

describe('previewCounts', () => {
  it('counts what will change by current status and what will be skipped by reason', () => {
    const counts = previewCounts('reject', [
      { ...plain('approved'), count: 6 },
      { ...plain('generated'), count: 3 },
      { ...plain('rejected'), count: 2 },
      { ...plain('not_generated'), count: 1 },
    ]);
    expect(counts).toMatchObject({ selected: 12, willChange: 9, skipped: 3 });
    expect(counts.changeFrom).toMatchObject({ approved: 6, generated: 3, rejected: 0 });
    expect(counts.skippedByReason).toEqual({ ...zeroSkipCounts(), already_in_state: 2, not_generated: 1 });
  });

  it('answers zeros for an empty selection', () => {
    expect(previewCounts('approve', [])).toMatchObject({ selected: 0, willChange: 0, skipped: 0 });
  });
});

describe('skippedSummary', () => {
  it('names each reason with its count, in a fixed order, and nothing when nothing was skipped', () => {
    expect(skippedSummary('approve', { ...zeroSkipCounts(), not_generated: 1, already_in_state: 2 })).toBe('skipped 2 already approved, 1 not generated yet');
    expect(skippedSummary('reject', { ...zeroSkipCounts(), already_in_state: 1_200 })).toBe('skipped 1,200 already rejected');
    expect(skippedSummary('approve', zeroSkipCounts())).toBe('');
  });
});

describe('edge cases in a bulk approval', () => {
  const edge = (status: ConversationStatus, over: Partial<{ belowBar: boolean; seed: boolean }> = {}) => ({ ...plain(status), edgeCase: true, ...over });

  it('are refused exactly where the approval would otherwise change them', () => {
    expect(bulkRefusal('approve', edge('generated'))).toBe('edge_case');
    expect(bulkRefusal('approve', edge('rejected'))).toBe('edge_case');
    // A skip says more than a refusal: already approved, not generated, under the bar.
    expect(bulkRefusal('approve', edge('approved'))).toBeNull();
    expect(bulkRefusal('approve', edge('not_generated'))).toBeNull();
    expect(bulkRefusal('approve', edge('generated', { belowBar: true }))).toBeNull();
  });

  it('may still be rejected or deleted in bulk, and other tiers may be approved', () => {
    expect(bulkRefusal('reject', edge('generated'))).toBeNull();
    expect(bulkRefusal('delete', edge('generated'))).toBeNull();
    expect(bulkRefusal('approve', plain('generated'))).toBeNull();
  });

  it('are counted apart in the preview, neither changed nor skipped', () => {
    const counts = previewCounts('approve', [
      { ...edge('generated'), count: 3 },
      { ...plain('generated'), count: 5 },
      { ...edge('approved'), count: 2 },
    ]);
    expect(counts).toMatchObject({ selected: 10, willChange: 5, skipped: 2, refusedEdgeCases: 3 });
    expect(previewCounts('reject', [{ ...edge('generated'), count: 3 }])).toMatchObject({ willChange: 3, refusedEdgeCases: 0 });
  });

  it('are told why, and what to do', () => {
    expect(edgeCaseRefusalMessage('conv-00042')).toBe('conv-00042 is an edge case: edge cases are reviewed one at a time — open it and approve it from the preview.');
  });
});
