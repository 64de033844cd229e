import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { Users } from 'lucide-react';
import type { UserActivity } from '../../../contract/audit';
import { DataTable } from '../../components/ui/data-table';
import { Skeleton } from '../../components/ui/skeleton';
import { endpoints, queries } from '../../lib/endpoints';
import { cn } from '../../lib/cn';
import { formatDate } from '../../lib/format';
import { activityApiQuery, type AuditSearch } from './audit-search';
import { DateRange } from '../../components/ui/filter-fields';
import { CsvLink, LoadError, type SetAuditSearch } from './controls';
import { EmptyState } from '../../components/ui/empty-state';

const idle = (u: UserActivity) => u.approvals + u.rejections + u.undos === 0;

/** A count, right-aligned, muted when nothing. */
const count = (id: 'approvals' | 'rejections' | 'undos' | 'conversationsReviewed', header: string): ColumnDef<UserActivity> => ({
  id,
  header,
  meta: { align: 'right', className: 'tabular-nums' },
  cell: ({ row }) => <span className={cn(row.original[id] === 0 && 'text-muted')}>{row.original[id].toLocaleString()}</span>,
});

function activityColumns(showEvents: (userId: string) => void): ColumnDef<UserActivity>[] {
  return [
    {
      id: 'user',
      header: 'User',
      cell: ({ row: { original: u } }) => (
        <>
          <p className={cn('font-medium', !u.userId && 'text-muted italic')}>{u.name}</p>
          {u.email && <p className="text-xs text-muted">{u.email}</p>}
        </>
      ),
    },
    { id: 'role', header: 'Role', meta: { className: 'text-muted' }, cell: ({ row }) => row.original.role ?? '—' },
    count('approvals', 'Approvals'),
    count('rejections', 'Rejections'),
    count('undos', 'Undos'),
    count('conversationsReviewed', 'Conversations reviewed'),
    { id: 'first', header: 'First activity', meta: { className: 'whitespace-nowrap text-muted' }, cell: ({ row }) => formatDate(row.original.firstActivityAt) },
    { id: 'last', header: 'Last activity', meta: { className: 'whitespace-nowrap text-muted' }, cell: ({ row }) => (idle(row.original) ? 'No activity' : formatDate(row.original.lastActivityAt)) },
    {
      id: 'events',
      header: () => <span className="sr-only">Events</span>,
      meta: { align: 'right' },
      cell: ({ row: { original: u } }) =>
        u.userId &&
        !idle(u) && (
          <button type="button" className="text-xs whitespace-nowrap text-primary hover:underline" onClick={() => showEvents(u.userId!)}>
            View events
          </button>
        ),
    },
  ];
}

/** Review activity per user over the URL's date range (US9.3.2), with totals and a CSV. */
export function ActivityReport({ search, setSearch, showEvents }: { search: AuditSearch; setSearch: SetAuditSearch; showEvents: (userId: string) => void }) {
  const query = activityApiQuery(search);
  const report = useQuery({
    ...queries.activity(query),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo(() => activityColumns(showEvents), [showEvents]);
  const totals = report.data?.totals;
  const ranged = Boolean(search.from || search.to);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface px-3 py-2.5 shadow-sm" role="search" aria-label="Activity date range">
          <DateRange from={search.from} to={search.to} onChange={setSearch} idPrefix="activity" />
          <p className="mb-1.5 text-xs text-muted">{ranged ? 'Activity within these dates.' : 'All time. Pick dates to narrow it.'}</p>
        </div>
        <CsvLink href={endpoints.audit.activityCsvUrl(query)} testId="activity-csv" />
      </div>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" aria-label="Totals">
        <Total label="Approvals" value={totals?.approvals} className="text-success" />
        <Total label="Rejections" value={totals?.rejections} className="text-danger" />
        <Total label="Undos" value={totals?.undos} className="text-warning" />
        <Total label="Conversations reviewed" value={totals?.conversationsReviewed} />
        <Total label="Active reviewers" value={totals?.activeReviewers} />
      </dl>

      <div className="rounded-lg border border-border bg-surface shadow-sm">
        <DataTable
          data={report.data?.users}
          columns={columns}
          label="Activity by user"
          getRowId={(u) => u.userId ?? 'deleted'}
          loading={report.isLoading}
          skeletonRows={3}
          rowProps={() => ({ 'data-testid': 'activity-row' })}
          empty={
            <EmptyState
              icon={Users}
              testId="activity-empty"
              title={`No one has reviewed anything${ranged ? ' in this range' : ' yet'}.`}
              hint={ranged ? 'Widen the date range to see more.' : 'Give someone the reviewer role and ask them to approve or reject generated conversations; their work appears here.'}
            />
          }
        />
        {report.error && <LoadError error={report.error} what="The activity report" />}
      </div>
    </div>
  );
}

function Total({ label, value, className }: { label: string; value: number | undefined; className?: string }) {
  return (
    <div className="rounded-lg border border-border bg-surface px-3 py-2.5 shadow-sm">
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className={cn('mt-0.5 text-xl font-semibold tabular-nums', value ? className : value === 0 && 'text-muted')}>{value === undefined ? <Skeleton className="h-6 w-10" /> : value.toLocaleString()}</dd>
    </div>
  );
}
