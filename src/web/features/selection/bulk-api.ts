import type { SelectorFilter } from '../../../contract/runs';
import { api } from '../../lib/api';
import { selectorOf, type Selection } from './selection';

export type BulkFailure = { id: string; conversationId: string; message: string };
export interface BulkResult {
  actionId: string | null;
  requested: number;
  succeeded: number;
  failed: BulkFailure[];
  failedCount: number;
}

export type BulkKind = 'approve' | 'reject' | 'delete';

/** Rows per request when the selection is a list: small enough to show progress as it goes. */
const CHUNK = 250;

/**
 * Sends a bulk review or delete, in chunks when the selection is a list of rows so progress
 * can be shown ("Approving 500 of 1,000…"); a whole-filter selection is one request.
 * Returns the merged result and the action ids (for undo).
 */
export async function runBulk(kind: BulkKind, selection: Selection, notes: string | undefined, onProgress: (done: number) => void): Promise<BulkResult & { actionIds: string[] }> {
  const send = (target: { conversationIds: string[] } | { filter: SelectorFilter } | { all: true }) =>
    kind === 'delete'
      ? api.post<BulkResult>('/api/conversations/bulk/delete', { selection: target, confirm: true })
      : api.post<BulkResult>('/api/conversations/bulk/review', { selection: target, action: kind, ...(notes ? { notes } : {}) });
  const parts = selection.kind === 'rows' ? chunk(Object.keys(selection.rows), CHUNK).map((ids) => ({ conversationIds: ids })) : [selectorOf(selection)];
  const total: BulkResult & { actionIds: string[] } = { actionId: null, actionIds: [], requested: 0, succeeded: 0, failed: [], failedCount: 0 };
  for (const part of parts) {
    const result = await send(part);
    total.requested += result.requested;
    total.succeeded += result.succeeded;
    total.failedCount += result.failedCount;
    total.failed.push(...result.failed);
    if (result.actionId) total.actionIds.push(result.actionId);
    onProgress(total.requested);
  }
  total.actionId = total.actionIds[0] ?? null;
  return total;
}

export async function undoBulk(actionIds: string[]): Promise<{ restored: number; skipped: { conversationId: string; message: string }[] }> {
  const merged = { restored: 0, skipped: [] as { conversationId: string; message: string }[] };
  for (const actionId of actionIds) {
    const result = await api.post<typeof merged>('/api/conversations/bulk/undo', { actionId });
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
