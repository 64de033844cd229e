import type { BulkFailure, BulkKind, BulkResult, BulkUndoResult } from '../../../contract/bulk';
import { MAX_SELECTED_IDS, type SelectorFilter } from '../../../contract/runs';
import { endpoints } from '../../lib/endpoints';
import { selectorOf, type Selection } from './selection';

export type { BulkFailure, BulkKind, BulkResult };

/** How often a running bulk action's progress is read. */
const POLL_MS = 400;

export interface BulkProgress {
  /** Looked at so far, of `requested`. */
  processed: number;
  requested: number;
  /** The running action, to stop it; null between requests. */
  runningId: string | null;
}

export interface BulkOutcome extends BulkResult {
  /** Every action id with changes, for undo. */
  actionIds: string[];
  /** Stopped on request, or by an error, before the end of the selection. */
  stopped: boolean;
  /** Why it stopped, when an error stopped it. */
  error: string | null;
}

/**
 * Sends a bulk review or delete and follows it to its end: the server works in batches and
 * answers a large selection at once with 202 and the running action, whose progress is polled
 * ("Approving 12,000 of 90,000…"). A list of rows goes in as few requests as the id limit
 * allows. Returns the merged result, whether it stopped early, and the action ids (for undo).
 */
export async function runBulk(kind: BulkKind, selection: Selection, notes: string | undefined, onProgress: (progress: BulkProgress) => void): Promise<BulkOutcome> {
  const send = (target: { conversationIds: string[] } | { filter: SelectorFilter } | { all: true }) =>
    kind === 'delete'
      ? endpoints.conversations.bulkDelete({ selection: target, confirm: true })
      : endpoints.conversations.bulkReview({ selection: target, action: kind, ...(notes ? { notes } : {}) });
  const parts = selection.kind === 'rows' ? chunk(Object.keys(selection.rows), MAX_SELECTED_IDS).map((ids) => ({ conversationIds: ids })) : [selectorOf(selection)];
  const expected = selection.kind === 'rows' ? Object.keys(selection.rows).length : 0;
  const total: BulkOutcome = { actionId: null, actionIds: [], requested: 0, succeeded: 0, failed: [], failedCount: 0, stopped: false, error: null };
  for (const part of parts) {
    let action = await send(part);
    const report = () => onProgress({ processed: total.requested + action.processed, requested: Math.max(expected, total.requested + action.requested), runningId: action.state === 'running' ? action.id : null });
    report();
    while (action.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      action = await endpoints.conversations.bulkAction(action.id);
      report();
    }
    total.requested += action.requested;
    total.succeeded += action.succeeded;
    total.failedCount += action.failedCount;
    total.failed.push(...action.failed);
    if (action.actionId) total.actionIds.push(action.actionId);
    if (action.error) total.error = `${action.error.message} ${action.error.hint}`;
    if (action.state !== 'done') {
      total.stopped = true;
      break;
    }
  }
  total.actionId = total.actionIds[0] ?? null;
  return total;
}

/** Asks the server to stop a running bulk action after its current batch. */
export async function stopBulk(id: string): Promise<void> {
  await endpoints.conversations.stopBulkAction(id);
}

export async function undoBulk(actionIds: string[]): Promise<Pick<BulkUndoResult, 'restored' | 'skipped'>> {
  const merged: Pick<BulkUndoResult, 'restored' | 'skipped'> = { restored: 0, skipped: [] };
  for (const actionId of actionIds) {
    const result = await endpoints.conversations.bulkUndo({ actionId });
    merged.restored += result.restored;
    merged.skipped.push(...result.skipped);
  }
  return merged;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
