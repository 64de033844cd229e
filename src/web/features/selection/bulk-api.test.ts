import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulkAction } from '../../../contract/bulk';
import { runBulk, type BulkProgress } from './bulk-api';

const action = (over: Partial<BulkAction>): BulkAction => ({
  id: 'a1',
  kind: 'approve',
  state: 'running',
  actionId: null,
  requested: 90_000,
  processed: 0,
  stopRequested: false,
  succeeded: 0,
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
      [200, action({ processed: 40_000, succeeded: 39_990, failedCount: 10, actionId: 'a1' })],
      [200, action({ state: 'done', processed: 90_000, succeeded: 89_990, failedCount: 10, actionId: 'a1', failed: [{ id: 'x', conversationId: 'conv-00001', message: 'no text yet' }] })],
    ]);
    const seen: BulkProgress[] = [];
    const outcome = await runBulk('approve', { kind: 'filter', filter: { status: ['generated'] }, total: 90_000 }, undefined, (p) => seen.push(p));
    expect(asked).toEqual(['POST /api/conversations/bulk/review', 'GET /api/conversations/bulk/actions/a1', 'GET /api/conversations/bulk/actions/a1']);
    expect(seen).toEqual([
      { processed: 0, requested: 90_000, runningId: 'a1' },
      { processed: 40_000, requested: 90_000, runningId: 'a1' },
      { processed: 90_000, requested: 90_000, runningId: null },
    ]);
    expect(outcome).toMatchObject({ requested: 90_000, succeeded: 89_990, failedCount: 10, actionIds: ['a1'], stopped: false, error: null });
    expect(outcome.failed).toHaveLength(1);
  });

  it('says it stopped when the action was stopped or failed, with the reason', async () => {
    serve([[200, action({ kind: 'delete', state: 'failed', processed: 3_000, succeeded: 3_000, error: { code: 'bulk_action_failed', message: 'The bulk delete stopped after 3,000 of 90,000 conversations: disk full', hint: 'Try again.' } })]]);
    const outcome = await runBulk('delete', { kind: 'rows', rows: { a: { id: 'a', conversationId: 'conv-1', status: 'generated' } } }, undefined, () => {});
    expect(outcome).toMatchObject({ succeeded: 3_000, stopped: true, actionIds: [], error: 'The bulk delete stopped after 3,000 of 90,000 conversations: disk full Try again.' });
  });
});
