import type { ReviewEvent } from '../../../contract/audit';
import { formatUsd } from '../../../core/pricing';
import { STATUS_LABELS, type ConversationStatus } from '../../../core/statuses';

const statusLabel = (s: string) => STATUS_LABELS[s as ConversationStatus] ?? s;

export const ACTION_LABELS: Record<ReviewEvent['action'], string> = { approve: 'Approved', reject: 'Rejected', undo: 'Undid a bulk review', edit: 'Edited dimensions or metadata', judge: 'Judged with the LLM judge' };

/** "Approved (was Generated)", "Undid a bulk review: Approved → Generated". */
export function describeReview(event: Pick<ReviewEvent, 'action' | 'fromStatus' | 'toStatus' | 'judge'>): string {
  if (event.action === 'edit') return ACTION_LABELS.edit;
  if (event.action === 'judge') {
    if (!event.judge) return ACTION_LABELS.judge;
    const outcome = event.judge.score === null ? 'failed' : `${event.judge.score.toFixed(1)}/10`;
    return `${ACTION_LABELS.judge}: ${outcome}, ${formatUsd(event.judge.costUsd)}`;
  }
  if (event.action === 'undo') return `${ACTION_LABELS.undo}: ${statusLabel(event.fromStatus)} → ${statusLabel(event.toStatus)}`;
  return `${ACTION_LABELS[event.action]} (was ${statusLabel(event.fromStatus)})`;
}

/** The reviewer as the trail shows them: a deleted account is still an event, by nobody we can name. */
export function reviewerName(event: Pick<ReviewEvent, 'reviewer'>): string {
  return event.reviewer ? event.reviewer.name || event.reviewer.email : 'Deleted user';
}

/** With seconds: a bulk review and its undo often fall in the same minute. */
export const formatEventTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
