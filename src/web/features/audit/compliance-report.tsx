import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { CheckCircle2, RefreshCw, XCircle } from 'lucide-react';
import type { ComplianceReport as Report } from '../../../contract/audit';
import { CONVERSATION_STATUSES, STATUS_LABELS, type ConversationStatus } from '../../../core/statuses';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import { queries } from '../../lib/endpoints';
import { cn } from '../../lib/cn';
import { formatDate } from '../../lib/format';
import { LoadError, TABLE_HEAD, TH } from './controls';

const REASONS: Record<Report['reviewCoverage']['unreviewed'][number]['reason'], string> = {
  never_reviewed: 'Never reviewed',
  needs_review_again: 'Waiting for a new review (undone or regenerated)',
  no_review_record: 'Approved or rejected without a review record',
};

type ExportRow = Report['exportAttribution']['unattributed'][number];

/** The two compliance checks, green or red, with what fails them listed (US9.3.2, US9.3.3). */
export function ComplianceReport() {
  const report = useQuery(queries.compliance());
  if (report.error) return <LoadError error={report.error} what="The compliance report" />;
  if (!report.data) {
    return (
      <div className="space-y-3" aria-label="Loading the compliance report">
        <Skeleton className="h-32 w-full" />
        <Skeleton className="h-32 w-full" />
      </div>
    );
  }
  const { reviewCoverage: coverage, exportAttribution: attribution } = report.data;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-3 text-xs text-muted">
        <span>Checked {formatDate(report.data.generatedAt)}. Seed conversations, written by people, are not part of the review check.</span>
        <Button size="sm" variant="ghost" onClick={() => void report.refetch()} loading={report.isFetching}>
          {!report.isFetching && <RefreshCw className="h-3.5 w-3.5" aria-hidden />} Check again
        </Button>
      </div>

      <Check title="All conversations reviewed by at least one user" ok={coverage.ok} summary={coverage.summary} hint={coverage.hint} testId="check-reviews">
        <dl className="flex flex-wrap gap-2 text-xs" aria-label="Conversations by status">
          {CONVERSATION_STATUSES.filter((s) => coverage.byStatus[s]).map((s) => (
            <div key={s} className="rounded-full bg-surface-muted px-2.5 py-1">
              <dt className="inline text-muted">{STATUS_LABELS[s]}: </dt>
              <dd className="inline font-medium tabular-nums">{coverage.byStatus[s].toLocaleString()}</dd>
            </div>
          ))}
          <div className="rounded-full bg-surface-muted px-2.5 py-1">
            <dt className="inline text-muted">Reviewed with a record: </dt>
            <dd className="inline font-medium tabular-nums">
              {coverage.reviewed.toLocaleString()} of {coverage.withText.toLocaleString()}
            </dd>
          </div>
        </dl>
        {coverage.unreviewed.length > 0 && (
          <Listing title={`Not reviewed (${(coverage.awaitingReview + coverage.withoutTrail).toLocaleString()})`} more={coverage.awaitingReview + coverage.withoutTrail - coverage.unreviewed.length} columns={['Conversation', 'Status', 'Generated', 'Why it is listed']}>
            {coverage.unreviewed.map((c) => (
              <tr key={c.id} className="border-b border-border last:border-b-0">
                <td className="px-3 py-1.5">
                  <Link to="/conversations" search={{ open: c.conversationId }} className="font-mono text-xs text-primary hover:underline">
                    {c.conversationId}
                  </Link>
                </td>
                <td className="px-3 py-1.5 text-muted">{STATUS_LABELS[c.status as ConversationStatus] ?? c.status}</td>
                <td className="px-3 py-1.5 whitespace-nowrap text-muted">{formatDate(c.generatedAt)}</td>
                <td className="px-3 py-1.5">{REASONS[c.reason]}</td>
              </tr>
            ))}
          </Listing>
        )}
        {coverage.unreviewedExports.length > 0 && (
          <Listing title={`Exports that contained unreviewed conversations (${coverage.unreviewedExportCount.toLocaleString()})`} more={coverage.unreviewedExportCount - coverage.unreviewedExports.length} columns={['Exported', 'By', 'File', 'Conversations', 'Unreviewed']}>
            {coverage.unreviewedExports.map((e) => (
              <tr key={e.id} className="border-b border-border last:border-b-0" data-testid="unreviewed-export">
                <ExportCells row={e} />
                <td className="px-3 py-1.5 text-right tabular-nums">{e.conversationCount.toLocaleString()}</td>
                <td className="px-3 py-1.5 text-right font-medium text-danger tabular-nums">{e.unreviewedCount.toLocaleString()}</td>
              </tr>
            ))}
          </Listing>
        )}
      </Check>

      <Check title="All exports logged with user attribution" ok={attribution.ok} summary={attribution.summary} hint={attribution.hint} testId="check-exports">
        {attribution.unattributed.length > 0 && (
          <Listing title={`Exports without a user (${attribution.unattributedCount.toLocaleString()})`} more={attribution.unattributedCount - attribution.unattributed.length} columns={['Exported', 'By', 'File', 'Conversations']}>
            {attribution.unattributed.map((e) => (
              <tr key={e.id} className="border-b border-border last:border-b-0" data-testid="unattributed-export">
                <ExportCells row={e} />
                <td className="px-3 py-1.5 text-right tabular-nums">{e.conversationCount.toLocaleString()}</td>
              </tr>
            ))}
          </Listing>
        )}
      </Check>
    </div>
  );
}

function Check({ title, ok, summary, hint, testId, children }: { title: string; ok: boolean; summary: string; hint: string; testId: string; children?: ReactNode }) {
  const Icon = ok ? CheckCircle2 : XCircle;
  return (
    <section className={cn('rounded-lg border bg-surface p-4 shadow-sm', ok ? 'border-success/40' : 'border-danger/40')} data-testid={testId} data-ok={ok}>
      <header className="flex items-start gap-3">
        <Icon className={cn('mt-0.5 h-6 w-6 shrink-0', ok ? 'text-success' : 'text-danger')} aria-hidden />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-base font-semibold">{title}</h2>
            <span className={cn('rounded-full px-2 py-0.5 text-xs font-medium', ok ? 'bg-success-soft text-success' : 'bg-danger-soft text-danger')}>{ok ? 'Passing' : 'Needs attention'}</span>
          </div>
          <p className="mt-1 text-sm">{summary}</p>
          {hint && <p className="mt-1 text-sm text-muted">{hint}</p>}
        </div>
      </header>
      {children && <div className="mt-3 space-y-3 pl-9">{children}</div>}
    </section>
  );
}

function Listing({ title, columns, more, children }: { title: string; columns: string[]; more: number; children: ReactNode }) {
  return (
    <div className="rounded-md border border-border">
      <h3 className="border-b border-border px-3 py-2 text-xs font-semibold">{title}</h3>
      <div className="max-h-72 overflow-auto">
        <table className="w-full text-sm">
          <thead className={TABLE_HEAD}>
            <tr>
              {columns.map((c) => (
                <th key={c} className={cn(TH, 'py-1.5')}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {more > 0 && <p className="border-t border-border px-3 py-1.5 text-xs text-muted">…and {more.toLocaleString()} more.</p>}
    </div>
  );
}

function ExportCells({ row }: { row: ExportRow }) {
  return (
    <>
      <td className="px-3 py-1.5 whitespace-nowrap text-muted" title={row.exportedAt}>
        {formatDate(row.exportedAt)}
      </td>
      <td className="px-3 py-1.5">{row.user ? `${row.user.name} (${row.user.email})` : <span className="text-muted italic">No user</span>}</td>
      <td className="max-w-[24rem] truncate px-3 py-1.5 font-mono text-xs" title={`${row.fileName} · ${row.format} · ${row.exportId}`}>
        {row.fileName}
      </td>
    </>
  );
}
