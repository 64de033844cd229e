import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Users } from 'lucide-react';
import type { UserActivity } from '../../../contract/audit';
import { Skeleton } from '../../components/ui/skeleton';
import { endpoints, queries } from '../../lib/endpoints';
import { cn } from '../../lib/cn';
import { formatDate } from '../../lib/format';
import { activityApiQuery, type AuditSearch } from './audit-search';
import { DateRange } from '../../components/ui/filter-fields';
import { CsvLink, LoadError, TABLE_HEAD, TH, type SetAuditSearch } from './controls';
import { EmptyState } from '../../components/ui/empty-state';

const COLUMNS = ['User', 'Role', 'Approvals', 'Rejections', 'Undos', 'Conversations reviewed', 'First activity', 'Last activity', ''];

/** Review activity per user over the URL's date range (US9.3.2), with totals and a CSV. */
export function ActivityReport({ search, setSearch, showEvents }: { search: AuditSearch; setSearch: SetAuditSearch; showEvents: (userId: string) => void }) {
  const query = activityApiQuery(search);
  const report = useQuery({
    ...queries.activity(query),
    placeholderData: keepPreviousData,
  });
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
        <div className="overflow-x-auto">
          <table className="w-full text-sm" aria-label="Activity by user">
            <thead className={TABLE_HEAD}>
              <tr>
                {COLUMNS.map((h, i) => (
                  <th key={i} className={cn(TH, i >= 2 && i <= 5 && 'text-right')}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.isLoading &&
                Array.from({ length: 3 }, (_, i) => (
                  <tr key={i}>
                    <td colSpan={COLUMNS.length} className="px-3 py-3">
                      <Skeleton className="w-full" />
                    </td>
                  </tr>
                ))}
              {report.data?.users.map((u) => <UserRow key={u.userId ?? 'deleted'} user={u} showEvents={showEvents} />)}
            </tbody>
          </table>
        </div>
        {report.error && <LoadError error={report.error} what="The activity report" />}
        {report.data && report.data.users.length === 0 && (
          <EmptyState
            icon={Users}
            testId="activity-empty"
            title={`No one has reviewed anything${ranged ? ' in this range' : ' yet'}.`}
            hint={ranged ? 'Widen the date range to see more.' : 'Give someone the reviewer role and ask them to approve or reject generated conversations; their work appears here.'}
          />
        )}
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

function UserRow({ user, showEvents }: { user: UserActivity; showEvents: (userId: string) => void }) {
  const idle = user.approvals + user.rejections + user.undos === 0;
  const num = (n: number) => <td className={cn('px-3 py-2 text-right tabular-nums', n === 0 && 'text-muted')}>{n.toLocaleString()}</td>;
  return (
    <tr className="border-b border-border last:border-b-0" data-testid="activity-row">
      <td className="px-3 py-2">
        <p className={cn('font-medium', !user.userId && 'text-muted italic')}>{user.name}</p>
        {user.email && <p className="text-xs text-muted">{user.email}</p>}
      </td>
      <td className="px-3 py-2 text-muted">{user.role ?? '—'}</td>
      {num(user.approvals)}
      {num(user.rejections)}
      {num(user.undos)}
      {num(user.conversationsReviewed)}
      <td className="px-3 py-2 whitespace-nowrap text-muted">{formatDate(user.firstActivityAt)}</td>
      <td className="px-3 py-2 whitespace-nowrap text-muted">{idle ? 'No activity' : formatDate(user.lastActivityAt)}</td>
      <td className="px-3 py-2 text-right">
        {user.userId && !idle && (
          <button type="button" className="text-xs whitespace-nowrap text-primary hover:underline" onClick={() => showEvents(user.userId!)}>
            View events
          </button>
        )}
      </td>
    </tr>
  );
}
