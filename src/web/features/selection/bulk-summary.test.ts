import { describe, expect, it } from 'vitest';
import type { BulkPreview } from '../../../contract/bulk';
import { zeroSkipCounts, zeroStatusCounts } from '../../../core/bulk-outcome';
import { previewHeadline, previewLines, resultDetail, resultSummary } from './bulk-summary';

const preview = (over: Partial<BulkPreview>): BulkPreview => ({ action: 'reject', selected: 0, notFound: 0, willChange: 0, changeFrom: zeroStatusCounts(), skipped: 0, skippedByReason: zeroSkipCounts(), refusedEdgeCases: 0, ...over });

describe('previewLines and previewHeadline', () => {
  it('says which will flip from the opposite review, which are new, and which are skipped and why', () => {
    const p = preview({
      action: 'reject',
      selected: 8,
      willChange: 8,
      changeFrom: { ...zeroStatusCounts(), approved: 6, generated: 2 },
    });
    expect(previewLines('reject', p).map((l) => l.text)).toEqual(['2 of these 8 are generated and will be rejected', '6 of these 8 are approved and will flip to rejected']);
    expect(previewHeadline('reject', p)).toBe('8 selected: 8 will be rejected.');
  });

  it('never calls a skip a failure, and lists ids that name nothing apart', () => {
    const p = preview({
      action: 'approve',
      selected: 9,
      notFound: 1,
      willChange: 2,
      changeFrom: { ...zeroStatusCounts(), generated: 2 },
      skipped: 7,
      skippedByReason: { ...zeroSkipCounts(), already_in_state: 6, not_generated: 1 },
    });
    const lines = previewLines('approve', p);
    expect(lines).toEqual([
      { tone: 'change', text: '2 of these 10 are generated and will be approved' },
      { tone: 'skip', text: '6 already approved: will stay as they are (skipped)' },
      { tone: 'skip', text: '1 not generated yet: will stay as it is (skipped)' },
      { tone: 'missing', text: '1 no longer exists (deleted since it was selected?): will be reported as not found' },
    ]);
    expect(lines.some((l) => /fail/i.test(l.text))).toBe(false);
    expect(previewHeadline('approve', p)).toBe('10 selected: 2 will be approved, 7 skipped, 1 not found.');
  });

  it('says "All" when every selected conversation takes the same path, and "Nothing to" when none changes', () => {
    expect(previewLines('approve', preview({ selected: 3, willChange: 3, changeFrom: { ...zeroStatusCounts(), rejected: 3 } }))[0].text).toBe('All 3 are rejected and will flip to approved');
    expect(previewHeadline('approve', preview({ selected: 2, skipped: 2, skippedByReason: { ...zeroSkipCounts(), already_in_state: 2 } }))).toBe('Nothing to approve: none of the 2 selected can be approved now.');
  });

  it('speaks of deleting and keeping for a delete', () => {
    const p = preview({ action: 'delete', selected: 4, willChange: 3, changeFrom: { ...zeroStatusCounts(), generated: 3 }, skipped: 1, skippedByReason: { ...zeroSkipCounts(), queued_in_run: 1 } });
    expect(previewLines('delete', p).map((l) => l.text)).toEqual(['3 will be deleted for good', '1 queued in a run: will be kept (skipped)']);
    expect(previewHeadline('delete', p)).toBe('4 selected: 3 will be deleted, 1 kept.');
  });

  it('says how many seeds a delete or reject leaves alone, before and after', () => {
    const p = preview({ action: 'delete', selected: 5, willChange: 3, changeFrom: { ...zeroStatusCounts(), generated: 3 }, skipped: 2, skippedByReason: { ...zeroSkipCounts(), seed: 2 } });
    expect(previewLines('delete', p).map((l) => l.text)).toEqual(['3 will be deleted for good', '2 seed conversations (locked as benchmarks): will be kept (skipped)']);
    expect(resultSummary('reject', { succeeded: 3, skippedByReason: { ...zeroSkipCounts(), seed: 1 }, failedCount: 0, stopped: false })).toBe('Rejected 3 · skipped 1 seed conversation (locked as benchmark)');
  });
});

describe('resultSummary and resultDetail', () => {
  const result = { succeeded: 6, skippedByReason: { ...zeroSkipCounts(), already_in_state: 2 }, failedCount: 0, failed: [], stopped: false, error: null };

  it('reads "Approved 6 · skipped 2 already approved", with failures counted apart', () => {
    expect(resultSummary('approve', result)).toBe('Approved 6 · skipped 2 already approved');
    expect(resultSummary('reject', { ...result, failedCount: 1 })).toBe('Rejected 6 · skipped 2 already rejected · 1 failed');
    expect(resultSummary('delete', { ...result, skippedByReason: { ...zeroSkipCounts(), generating: 1 } })).toBe('Deleted 6 · kept 1 being generated');
    expect(resultSummary('approve', { ...result, skippedByReason: zeroSkipCounts(), stopped: true })).toBe('Approved 6 (stopped before the end)');
  });

  it('details only real failures and why it stopped', () => {
    expect(resultDetail(result)).toBeUndefined();
    const failed = Array.from({ length: 5 }, (_, i) => ({ id: `${i}`, conversationId: `conv-${i}`, message: `conv-${i} was not found.` }));
    expect(resultDetail({ ...result, failed, failedCount: 5 })).toBe('conv-0 was not found. conv-1 was not found. conv-2 was not found. …and 2 more failed.');
    expect(resultDetail({ ...result, stopped: true, error: 'Disk full. Free some space.' })).toBe('Disk full. Free some space.');
  });
});
