import type { BulkFailure, BulkKind, BulkPreview, BulkResult, BulkSkip, BulkUndoResult } from '../../../contract/bulk';
import { zeroSkipCounts, zeroStatusCounts } from '../../../core/bulk-outcome';
import { MAX_SELECTED_IDS, type SelectorFilter } from '../../../contract/runs';
import { endpoints } from '../../lib/endpoints';
import { selectorOf, type Selection } from './selection';

export type { BulkFailure, BulkKind, BulkPreview, BulkResult, BulkSkip };

type Part = { conversationIds: string[] } | { filter: SelectorFilter } | { all: true };

/** The selection as bulk requests: a list of rows goes in as few requests as the id limit allows. */
function partsOf(selection: Selection): Part[] {
  return selection.kind === 'rows' ? chunk(Object.keys(selection.rows), MAX_SELECTED_IDS).map((ids) => ({ conversationIds: ids })) : [selectorOf(selection)];
}

/** What the action would do to the whole selection, from the previews of its parts. */
export function mergePreviews(kind: BulkKind, previews: BulkPreview[]): BulkPreview {
  const total: BulkPreview = { action: kind, selected: 0, notFound: 0, willChange: 0, changeFrom: zeroStatusCounts(), skipped: 0, skippedByReason: zeroSkipCounts(), refusedEdgeCases: 0 };
  for (const p of previews) {
    total.refusedEdgeCases += p.refusedEdgeCases;
    total.selected += p.selected;
    total.notFound += p.notFound;
    total.willChange += p.willChange;
    total.skipped += p.skipped;
    for (const [status, n] of Object.entries(p.changeFrom)) total.changeFrom[status as keyof BulkPreview['changeFrom']] += n;
    for (const [reason, n] of Object.entries(p.skippedByReason)) total.skippedByReason[reason as keyof BulkPreview['skippedByReason']] += n;
  }
  return total;
}

/** Asks the server what the action would do to the selection now (counts only, nothing changes). */
export async function previewBulk(kind: BulkKind, selection: Selection): Promise<BulkPreview> {
  const previews: BulkPreview[] = [];
  for (const part of partsOf(selection)) previews.push(await endpoints.conversations.bulkPreview({ selection: part, action: kind }));
  return mergePreviews(kind, previews);
}

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
  const send = (target: Part) =>
    kind === 'delete'
      ? endpoints.conversations.bulkDelete({ selection: target, confirm: true })
      : endpoints.conversations.bulkReview({ selection: target, action: kind, ...(notes ? { notes } : {}) });
  const parts = partsOf(selection);
  const expected = selection.kind === 'rows' ? Object.keys(selection.rows).length : 0;
  const total: BulkOutcome = {
    actionId: null,
    actionIds: [],
    requested: 0,
    succeeded: 0,
    skipped: [],
    skippedCount: 0,
    skippedByReason: zeroSkipCounts(),
    failed: [],
    failedCount: 0,
    stopped: false,
    error: null,
  };
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
    total.skippedCount += action.skippedCount;
    total.skipped.push(...action.skipped);
    for (const [reason, n] of Object.entries(action.skippedByReason)) total.skippedByReason[reason as keyof BulkResult['skippedByReason']] += n;
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
