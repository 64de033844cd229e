import { BULK_SKIP_REASONS, REVIEW_TARGET, skipPhrase, skippedSummary, type BulkKind } from '../../../core/bulk-outcome';
import { CONVERSATION_STATUSES, STATUS_LABELS } from '../../../core/statuses';
import type { BulkOutcome, BulkPreview } from './bulk-api';

const DONE: Record<BulkKind, string> = { approve: 'approved', reject: 'rejected', delete: 'deleted' };
const DONE_TITLE: Record<BulkKind, string> = { approve: 'Approved', reject: 'Rejected', delete: 'Deleted' };

export interface PreviewLine {
  /** What happens to these conversations: they change, they are left as they are, or they are not there. */
  tone: 'change' | 'skip' | 'missing' | 'refused';
  text: string;
}

const n = (count: number) => count.toLocaleString('en');
const are = (count: number) => (count === 1 ? 'is' : 'are');

/**
 * The confirmation dialog's account of a bulk action before it runs (US4.2.2): one line per
 * current status that will change ("6 of these 8 are approved and will flip to rejected"), one
 * per reason some will be skipped ("2 already rejected: skipped"), and ids that name nothing.
 */
export function previewLines(kind: BulkKind, p: BulkPreview): PreviewLine[] {
  const total = p.selected + p.notFound;
  const lines: PreviewLine[] = [];
  if (kind === 'delete') {
    if (p.willChange) lines.push({ tone: 'change', text: `${n(p.willChange)} will be deleted for good` });
  } else {
    const to = REVIEW_TARGET[kind];
    for (const from of CONVERSATION_STATUSES) {
      const count = p.changeFrom[from];
      if (!count) continue;
      const flip = from === 'approved' || from === 'rejected';
      const which = count === total ? (count === 1 ? 'It' : `All ${n(count)}`) : `${n(count)} of these ${n(total)}`;
      lines.push({ tone: 'change', text: flip ? `${which} ${are(count)} ${from} and will flip to ${to}` : `${which} ${are(count)} ${STATUS_LABELS[from].toLowerCase()} and will be ${to}` });
    }
  }
  for (const reason of BULK_SKIP_REASONS) {
    const count = p.skippedByReason[reason];
    if (count) lines.push({ tone: 'skip', text: `${skipPhrase(reason, count, kind)}: will ${kind === 'delete' ? 'be kept' : `stay as ${count === 1 ? 'it is' : 'they are'}`} (skipped)` });
  }
  if (p.refusedEdgeCases) {
    const one = p.refusedEdgeCases === 1;
    lines.push({ tone: 'refused', text: `${n(p.refusedEdgeCases)} ${one ? 'is an edge case' : 'are edge cases'}: will be refused (edge cases are reviewed one at a time — open ${one ? 'it' : 'each'} and approve from the preview)` });
  }
  if (p.notFound) {
    const one = p.notFound === 1;
    lines.push({ tone: 'missing', text: `${n(p.notFound)} no longer exist${one ? 's' : ''} (deleted since ${one ? 'it was' : 'they were'} selected?): will be reported as not found` });
  }
  return lines;
}

/** The dialog's one-line answer: "8 selected: 6 will be approved, 2 skipped". */
export function previewHeadline(kind: BulkKind, p: BulkPreview): string {
  const total = p.selected + p.notFound;
  if (p.willChange === 0) return `Nothing to ${kind}: none of the ${n(total)} selected can be ${DONE[kind]} now.`;
  const others = [p.skipped && `${n(p.skipped)} ${kind === 'delete' ? 'kept' : 'skipped'}`, p.refusedEdgeCases && `${n(p.refusedEdgeCases)} refused (edge case${p.refusedEdgeCases === 1 ? '' : 's'})`, p.notFound && `${n(p.notFound)} not found`].filter(Boolean);
  return `${n(total)} selected: ${n(p.willChange)} will be ${DONE[kind]}${others.length ? `, ${others.join(', ')}` : ''}.`;
}

/** The toast after a bulk action: "Approved 6 · skipped 2 already approved · 1 failed". Skips are never called failures. */
export function resultSummary(kind: BulkKind, r: Pick<BulkOutcome, 'succeeded' | 'skippedByReason' | 'failedCount' | 'stopped'>): string {
  const parts = [`${DONE_TITLE[kind]} ${n(r.succeeded)}`];
  const skipped = skippedSummary(kind, r.skippedByReason);
  if (skipped) parts.push(skipped);
  if (r.failedCount) parts.push(`${n(r.failedCount)} failed`);
  return parts.join(' · ') + (r.stopped ? ' (stopped before the end)' : '');
}

/** The toast's detail: why it stopped, and which conversations failed (they name nothing, or vanished). */
export function resultDetail(r: Pick<BulkOutcome, 'failed' | 'failedCount' | 'error' | 'stopped'>): string | undefined {
  const parts: string[] = [];
  if (r.stopped) parts.push(r.error ?? 'Stopped on request: the rest of the selection was left as it was.');
  for (const f of r.failed.slice(0, 3)) parts.push(f.message);
  if (r.failedCount > 3) parts.push(`…and ${n(r.failedCount - 3)} more failed.`);
  return parts.length ? parts.join(' ') : undefined;
}
