import { useQuery } from '@tanstack/react-query';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../../../core/statuses';
import { STATUS_STYLE } from '../../components/status-badge';
import { cn } from '../../lib/cn';
import { queries } from '../../lib/endpoints';
import { listQueryOf, type ViewState } from './view-state';

/** The review queue's name for "generated": what a reviewer is looking for. */
const PILL_LABELS: Record<ConversationStatus, string> = {
  not_generated: 'Not generated',
  generating: 'Generating',
  generated: 'Needs review',
  approved: 'Approved',
  rejected: 'Rejected',
  failed: 'Failed',
};

/**
 * One-click views by status with their counts ("Needs review 42"), within the other filters
 * (US3.1.2). They double as the status legend: each pill wears its status's colour and icon and
 * explains it on hover. The icons show where the page is wide enough for every quick filter to
 * fit on one row with them (about 1,300 px). A second click on the active one goes back to every status.
 */
export function StatusPills({ view, onChange, rowsShown }: { view: ViewState; onChange: (patch: Partial<ViewState>) => void; rowsShown: boolean }) {
  const { status: _status, sort: _sort, dir: _dir, page: _page, pageSize: _pageSize, ...filter } = listQueryOf(view);
  // Counted after the rows have arrived: the embedded database answers one query at a time, and
  // the rows are what the reviewer waits for.
  const { data } = useQuery({ ...queries.statusCounts(filter), placeholderData: (previous) => previous, enabled: rowsShown });
  const only = view.status?.length === 1 ? view.status[0] : undefined;
  const everything = !view.status?.length;
  const pill = (active: boolean) =>
    cn(
      'inline-flex h-7 items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium whitespace-nowrap transition-colors',
      active ? 'border-primary bg-primary text-white' : 'border-border bg-surface text-text hover:bg-surface-muted',
    );
  const count = (n: number | undefined) => <span className={cn('tabular-nums', n === 0 && 'opacity-60')}>{n === undefined ? '…' : n.toLocaleString()}</span>;
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Status views">
      <button type="button" aria-pressed={everything} onClick={() => onChange({ status: undefined, page: 1 })} className={pill(everything)} title="Every status">
        All {count(data?.total)}
      </button>
      {CONVERSATION_STATUSES.map((status) => {
        const active = only === status;
        const Icon = STATUS_STYLE[status].icon;
        return (
          <button
            key={status}
            type="button"
            title={STATUS_STYLE[status].meaning}
            aria-pressed={active}
            data-status-pill={status}
            onClick={() => onChange({ status: active ? undefined : [status], page: 1 })}
            className={pill(active)}
          >
            <Icon className={cn('hidden h-3.5 w-3.5 @min-[82rem]:inline-block', !active && STATUS_STYLE[status].className.split(' ').find((c) => c.startsWith('text-')))} aria-hidden />
            {PILL_LABELS[status]} {count(data?.counts[status])}
          </button>
        );
      })}
    </div>
  );
}
