import { CheckCircle2, Circle, CircleCheckBig, Loader2, XCircle, AlertTriangle } from 'lucide-react';
import type { ConversationStatus } from '../../core/statuses';
import { STATUS_LABELS } from '../../core/statuses';
import { SeedBadge } from './seed-badge';
import { Tooltip } from './ui/tooltip';
import { cn } from '../lib/cn';
import { timeAgo } from '../lib/format';

/** Colours and icons of US2.2.1: grey, blue, green, red. */
export const STATUS_STYLE: Record<ConversationStatus, { className: string; icon: typeof Circle; meaning: string }> = {
  not_generated: { className: 'bg-neutral-soft text-muted', icon: Circle, meaning: 'Planned, not generated yet. Click Generate to create it.' },
  generating: { className: 'bg-info-soft text-info', icon: Loader2, meaning: 'The model is writing this conversation now.' },
  generated: { className: 'bg-success-soft text-success', icon: CheckCircle2, meaning: 'Generated and waiting for review.' },
  approved: { className: 'bg-success-soft text-success', icon: CircleCheckBig, meaning: 'Approved: included in exports.' },
  rejected: { className: 'bg-danger-soft text-danger', icon: XCircle, meaning: 'Rejected: kept, but left out of exports.' },
  failed: { className: 'bg-danger-soft text-danger', icon: AlertTriangle, meaning: 'Generation failed. Open it to see why, or generate again.' },
};

export function statusTooltip(status: ConversationStatus, at: { generatedAt: string | null; updatedAt: string; errorMessage?: string | null }): string {
  switch (status) {
    case 'generated':
      return `Generated ${timeAgo(at.generatedAt)}. Waiting for review.`;
    case 'approved':
      return `Approved ${timeAgo(at.updatedAt)}.`;
    case 'rejected':
      return `Rejected ${timeAgo(at.updatedAt)}.`;
    case 'failed':
      return `Failed ${timeAgo(at.updatedAt)}: ${at.errorMessage ?? 'unknown error'}`;
    case 'generating':
      return 'Generating now… this usually takes a few seconds.';
    default:
      return STATUS_STYLE[status].meaning;
  }
}

export function StatusBadge({ status, tooltip, seed }: { status: ConversationStatus; tooltip?: string; seed?: boolean }) {
  const style = STATUS_STYLE[status];
  const Icon = style.icon;
  const badge = (
    <Tooltip content={tooltip ?? style.meaning}>
      <span data-status={status} className={cn('inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap', style.className, seed && 'rounded-l-none pl-1.5')}>
        {/* Beside the Seed badge the status is read from its word: the pair stays as narrow as the column. */}
        {!seed && <Icon className={cn('h-3.5 w-3.5', status === 'generating' && 'animate-spin')} aria-hidden />}
        {status === 'generating' ? 'Generating…' : STATUS_LABELS[status]}
      </span>
    </Tooltip>
  );
  if (!seed) return badge;
  return (
    <span className="inline-flex items-center">
      <SeedBadge className="rounded-r-none pr-1.5" />
      {badge}
    </span>
  );
}
