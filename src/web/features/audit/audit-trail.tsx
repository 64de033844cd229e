import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { AlertTriangle, Check, History, RotateCcw, Scale, Sparkles, X, type LucideIcon, Pencil } from 'lucide-react';
import type { GenerationEvent, ReviewEvent } from '../../../contract/audit';
import { explainError } from '../../../core/error-guide';
import { Skeleton } from '../../components/ui/skeleton';
import { ApiError } from '../../lib/api';
import { queries } from '../../lib/endpoints';
import { cn } from '../../lib/cn';
import { timeAgo } from '../../lib/format';
import { describeReview, formatEventTime, reviewerName } from './describe-event';

type Entry =
  | { kind: 'review'; at: string; event: ReviewEvent }
  | { kind: 'generation'; at: string; event: GenerationEvent };

const REVIEW_ICONS: Record<ReviewEvent['action'], { icon: LucideIcon; className: string }> = {
  approve: { icon: Check, className: 'bg-success-soft text-success' },
  reject: { icon: X, className: 'bg-danger-soft text-danger' },
  undo: { icon: RotateCcw, className: 'bg-warning-soft text-warning' },
  edit: { icon: Pencil, className: 'bg-info-soft text-info' },
  judge: { icon: Scale, className: 'bg-info-soft text-info' },
};

/**
 * The conversation's audit trail (US9.3.2) in the preview: who approved, rejected or undid, when
 * and why, with the generation attempts between. Loaded only once the section is opened.
 */
export function AuditTrail({ conversationId }: { conversationId: string }) {
  const [open, setOpen] = useState(false);
  const audit = useQuery({
    // Under the conversation's key: a review refreshes an open trail at once.
    ...queries.conversationAudit(conversationId),
    enabled: open,
  });
  const entries: Entry[] = audit.data
    ? [
        ...audit.data.reviews.map((event): Entry => ({ kind: 'review', at: event.createdAt, event })),
        ...audit.data.generations.map((event): Entry => ({ kind: 'generation', at: event.createdAt, event })),
      ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    : [];
  const reviewCount = audit.data?.reviews.length;

  return (
    <details className="group rounded-lg border border-border p-3 text-sm" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="audit-trail">
      <summary className="flex cursor-pointer items-center gap-2 font-medium text-text">
        <History className="h-4 w-4 text-muted" aria-hidden />
        Audit trail
        {reviewCount !== undefined && (
          <span className="text-xs font-normal text-muted">
            ({reviewCount === 0 ? 'not reviewed yet' : `${reviewCount} review event${reviewCount === 1 ? '' : 's'}`})
          </span>
        )}
      </summary>
      <div className="mt-2">
        {audit.isLoading && (
          <div className="space-y-2" aria-label="Loading the audit trail">
            <Skeleton className="w-full" />
            <Skeleton className="w-2/3" />
          </div>
        )}
        {audit.error && (
          <p role="alert" className="text-xs text-danger">
            {audit.error instanceof ApiError ? `${audit.error.message} ${audit.error.hint}` : 'The audit trail could not be loaded.'}
          </p>
        )}
        {audit.data && entries.length === 0 && <p className="text-xs text-muted">Nothing yet. Generating, approving and rejecting this conversation will be recorded here, with who and when.</p>}
        {entries.length > 0 && (
          <ol className="space-y-2" aria-label="Audit events">
            {entries.map((entry) => (entry.kind === 'review' ? <ReviewRow key={entry.event.id} event={entry.event} /> : <GenerationRow key={entry.event.id} event={entry.event} />))}
          </ol>
        )}
        {audit.data && audit.data.generationCount > audit.data.generations.length && (
          <p className="mt-2 text-[11px] text-muted">
            Showing the newest {audit.data.generations.length} of {audit.data.generationCount} generation attempts.
          </p>
        )}
      </div>
    </details>
  );
}

function Row({ icon: Icon, iconClass, children, at }: { icon: LucideIcon; iconClass: string; children: React.ReactNode; at: string }) {
  return (
    <li className="flex gap-2.5">
      <span className={cn('mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full', iconClass)} aria-hidden>
        <Icon className="h-3 w-3" />
      </span>
      <div className="min-w-0 flex-1">
        {children}
        <time dateTime={at} title={formatEventTime(at)} className="text-[11px] text-muted">
          {formatEventTime(at)} · {timeAgo(at)}
        </time>
      </div>
    </li>
  );
}

function ReviewRow({ event }: { event: ReviewEvent }) {
  const style = REVIEW_ICONS[event.action];
  return (
    <Row icon={style.icon} iconClass={style.className} at={event.createdAt}>
      <p className="text-xs text-text" data-testid="audit-event">
        <span className="font-medium" title={event.reviewer?.email}>
          {reviewerName(event)}
        </span>{' '}
        <span>{describeReview(event).replace(/^./, (c) => c.toLowerCase())}</span>
        {event.actionId && (
          <span className="ml-1.5 rounded bg-surface-muted px-1 py-px text-[10px] text-muted" title={`Bulk action ${event.actionId}`}>
            bulk
          </span>
        )}
      </p>
      {event.notes && event.action !== 'judge' && <p className="mt-0.5 border-l-2 border-border pl-2 text-xs break-words text-muted italic">“{event.notes}”</p>}
      {event.judge?.error && <p className="mt-0.5 text-xs break-words text-danger">{event.judge.error}</p>}
    </Row>
  );
}

function GenerationRow({ event }: { event: GenerationEvent }) {
  const failed = event.status === 'error';
  return (
    <Row icon={failed ? AlertTriangle : Sparkles} iconClass={failed ? 'bg-danger-soft text-danger' : 'bg-info-soft text-info'} at={event.createdAt}>
      <p className="text-xs text-text">
        {failed ? `Generation failed: ${explainError({ kind: event.errorKind }).title}` : 'Generated'}
        <span className="text-muted">
          {' '}
          · {event.model}
          {event.attempt > 1 ? ` · attempt ${event.attempt}` : ''}
          {event.startedBy ? ` · started by ${event.startedBy.name || event.startedBy.email}` : ''}
        </span>
      </p>
    </Row>
  );
}
