import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulkAction, BulkPreview } from '../../../contract/bulk';
import { zeroSkipCounts, zeroStatusCounts } from '../../../core/bulk-outcome';
import { mergePreviews, runBulk, type BulkProgress } from './bulk-api';

const action = (over: Partial<BulkAction>): BulkAction => ({
  id: 'a1',
  kind: 'approve',
  state: 'running',
  actionId: null,
  requested: 90_000,
  processed: 0,
  stopRequested: false,
  succeeded: 0,
  skipped: [],
  skippedCount: 0,
  skippedByReason: zeroSkipCounts(),
  failed: [],
  failedCount: 0,
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: null,
  error: null,
  ...over,
});

/** Answers each request with the next of `answers` ([status, body]), recording what was asked. */
function serve(answers: [number, BulkAction][]) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      asked.push(`${init?.method ?? 'GET'} ${url}`);
      const [status, body] = answers.shift()!;
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('runBulk', () => {
  it('follows a 202 to the end, reporting progress, and returns the action for undo', async () => {
    const asked = serve([
      [202, action({})],
      [200, action({ processed: 40_000, succeeded: 39_990, skippedCount: 10, actionId: 'a1' })],
      [
        200,
        action({
          state: 'done',
          processed: 90_000,
          succeeded: 89_989,
          skippedCount: 10,
          skippedByReason: { ...zeroSkipCounts(), not_generated: 10 },
          skipped: [{ id: 'x', conversationId: 'conv-00001', reason: 'not_generated', message: 'no text yet' }],
          failedCount: 1,
          failed: [{ id: 'y', conversationId: 'conv-00002', message: 'deleted meanwhile' }],
          actionId: 'a1',
        }),
      ],
    ]);
    const seen: BulkProgress[] = [];
    const outcome = await runBulk('approve', { kind: 'filter', filter: { status: ['generated'] }, total: 90_000 }, undefined, (p) => seen.push(p));
    expect(asked).toEqual(['POST /api/conversations/bulk/review', 'GET /api/conversations/bulk/actions/a1', 'GET /api/conversations/bulk/actions/a1']);
    expect(seen).toEqual([
      { processed: 0, requested: 90_000, runningId: 'a1' },
      { processed: 40_000, requested: 90_000, runningId: 'a1' },
      { processed: 90_000, requested: 90_000, runningId: null },
    ]);
    expect(outcome).toMatchObject({ requested: 90_000, succeeded: 89_989, skippedCount: 10, failedCount: 1, actionIds: ['a1'], stopped: false, error: null });
    expect(outcome.skippedByReason).toMatchObject({ not_generated: 10, already_in_state: 0 });
    expect(outcome.skipped.map((s) => s.conversationId)).toEqual(['conv-00001']);
    expect(outcome.failed.map((f) => f.conversationId)).toEqual(['conv-00002']);
  });

  it('says it stopped when the action was stopped or failed, with the reason', async () => {
    serve([[200, action({ kind: 'delete', state: 'failed', processed: 3_000, succeeded: 3_000, error: { code: 'bulk_action_failed', message: 'The bulk delete stopped after 3,000 of 90,000 conversations: disk full', hint: 'Try again.' } })]]);
    const outcome = await runBulk('delete', { kind: 'rows', rows: { a: { id: 'a', conversationId: 'conv-1', status: 'generated' } } }, undefined, () => {});
    expect(outcome).toMatchObject({ succeeded: 3_000, stopped: true, actionIds: [], error: 'The bulk delete stopped after 3,000 of 90,000 conversations: disk full Try again.' });
  });
});

describe('mergePreviews', () => {
  const preview = (over: Partial<BulkPreview>): BulkPreview => ({ action: 'reject', selected: 0, notFound: 0, willChange: 0, changeFrom: zeroStatusCounts(), skipped: 0, skippedByReason: zeroSkipCounts(), refusedEdgeCases: 0, ...over });

  it('adds up the previews of a selection sent in parts, count by count', () => {
    const merged = mergePreviews('reject', [
      preview({ selected: 50_000, willChange: 49_000, changeFrom: { ...zeroStatusCounts(), approved: 40_000, generated: 9_000 }, skipped: 1_000, skippedByReason: { ...zeroSkipCounts(), already_in_state: 1_000 } }),
      preview({ selected: 9, notFound: 1, willChange: 6, changeFrom: { ...zeroStatusCounts(), approved: 6 }, skipped: 3, skippedByReason: { ...zeroSkipCounts(), not_generated: 3 } }),
    ]);
    expect(merged).toEqual(
      preview({
        selected: 50_009,
        notFound: 1,
        willChange: 49_006,
        changeFrom: { ...zeroStatusCounts(), approved: 40_006, generated: 9_000 },
        skipped: 1_003,
        skippedByReason: { ...zeroSkipCounts(), already_in_state: 1_000, not_generated: 3 },
      }),
    );
  });
});
