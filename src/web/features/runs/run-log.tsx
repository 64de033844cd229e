import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { AlertTriangle, ScrollText, Wallet } from 'lucide-react';
import type { RunEvent, RunProgress } from '../../../contract/runs';
import { EmptyState } from '../../components/ui/empty-state';
import { queries } from '../../lib/endpoints';
import { formatDate, formatUsd } from '../../lib/format';

const ICONS: Record<RunEvent['kind'], typeof AlertTriangle> = { judge_failed: AlertTriangle, judge_skipped: Wallet };

function EventRow({ event }: { event: RunEvent }) {
  const Icon = ICONS[event.kind];
  return (
    <li className="flex gap-3 border-b border-border px-4 py-3 last:border-b-0" data-testid="run-event" data-kind={event.kind}>
      <Icon className="mt-0.5 h-4 w-4 shrink-0 text-warning" aria-hidden />
      <div className="min-w-0 space-y-0.5 text-sm">
        <p className="text-text">{event.message}</p>
        <p className="text-muted">{event.hint}</p>
        <p className="text-xs text-muted">
          {formatDate(event.createdAt)}
          {event.conversationLabel && (
            <>
              {' · '}
              <Link to="/conversations" search={{ open: event.conversationLabel }} className="font-mono text-primary hover:underline">
                Open {event.conversationLabel}
              </Link>
            </>
          )}
          {event.costUsd > 0 && ` · the failed call cost ${formatUsd(event.costUsd)}`}
        </p>
      </div>
    </li>
  );
}

/**
 * A run's log: what happened beside its items' outcomes — a judge call that failed, or that the
 * spending limit left no room for — each in plain words with what to do. Refreshed with the run.
 */
export function RunLog({ run }: { run: RunProgress }) {
  const events = useQuery({ ...queries.runEvents(run.id), refetchInterval: run.status === 'running' || run.status === 'queued' ? 2000 : false });
  const items = events.data?.items ?? [];
  return (
    <section aria-label="Run log" data-testid="run-log">
      <h2 className="mb-1 text-base font-semibold">Run log</h2>
      <p className="mb-3 text-sm text-muted">
        What this run could not finish for a conversation it generated. Failed generations are listed under the run&apos;s failed count and on the Errors page.
      </p>
      <div className="rounded-lg border border-border bg-surface shadow-sm">
        {events.isPending ? (
          <p className="px-4 py-3 text-sm text-muted">Loading the log…</p>
        ) : events.error ? (
          <p className="px-4 py-3 text-sm text-danger">Could not load the log: {events.error.message} Reload the page to try again.</p>
        ) : items.length === 0 ? (
          <EmptyState icon={ScrollText} title="Nothing to report." hint="Every conversation this run generated was stored as asked (and judged, when the LLM judge is on in Settings → Quality)." />
        ) : (
          <ul>
            {items.map((event) => (
              <EventRow key={event.id} event={event} />
            ))}
          </ul>
        )}
      </div>
      {events.data && events.data.total > items.length && <p className="mt-2 text-xs text-muted">The newest {items.length} of {events.data.total.toLocaleString()} rows.</p>}
    </section>
  );
}
