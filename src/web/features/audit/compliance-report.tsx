import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { CheckCircle2, RefreshCw, XCircle } from 'lucide-react';
import type { ComplianceReport as Report } from '../../../contract/audit';
import { CONVERSATION_STATUSES, STATUS_LABELS, type ConversationStatus } from '../../../core/statuses';
import { Button } from '../../components/ui/button';
import { DataTable } from '../../components/ui/data-table';
import { Skeleton } from '../../components/ui/skeleton';
import { queries } from '../../lib/endpoints';
import { cn } from '../../lib/cn';
import { formatDate } from '../../lib/format';
import { LoadError } from './controls';

const REASONS: Record<Report['reviewCoverage']['unreviewed'][number]['reason'], string> = {
  never_reviewed: 'Never reviewed',
  needs_review_again: 'Waiting for a new review (undone or regenerated)',
  no_review_record: 'Approved or rejected without a review record',
};

type Unreviewed = Report['reviewCoverage']['unreviewed'][number];
type ExportRow = Report['exportAttribution']['unattributed'][number];
type UnreviewedExport = Report['reviewCoverage']['unreviewedExports'][number];

const UNREVIEWED_COLUMNS: ColumnDef<Unreviewed>[] = [
  {
    id: 'conversation',
    header: 'Conversation',
    cell: ({ row }) => (
      <Link to="/conversations" search={{ open: row.original.conversationId }} className="font-mono text-xs text-primary hover:underline">
        {row.original.conversationId}
      </Link>
    ),
  },
  { id: 'status', header: 'Status', meta: { className: 'text-muted' }, cell: ({ row }) => STATUS_LABELS[row.original.status as ConversationStatus] ?? row.original.status },
  { id: 'generated', header: 'Generated', meta: { className: 'whitespace-nowrap text-muted' }, cell: ({ row }) => formatDate(row.original.generatedAt) },
  { id: 'reason', header: 'Why it is listed', cell: ({ row }) => REASONS[row.original.reason] },
];

/** Exported, By, File and Conversations: what both export listings show. */
const exportColumns = <T extends ExportRow>(): ColumnDef<T>[] => [
  {
    id: 'exported',
    header: 'Exported',
    meta: { className: 'whitespace-nowrap text-muted' },
    cell: ({ row }) => <span title={row.original.exportedAt}>{formatDate(row.original.exportedAt)}</span>,
  },
  {
    id: 'by',
    header: 'By',
    cell: ({ row: { original: e } }) => (e.user ? `${e.user.name} (${e.user.email})` : <span className="text-muted italic">No user</span>),
  },
  {
    id: 'file',
    header: 'File',
    meta: { className: 'max-w-[24rem] truncate font-mono text-xs' },
    cell: ({ row: { original: e } }) => <span title={`${e.fileName} · ${e.format} · ${e.exportId}`}>{e.fileName}</span>,
  },
  { id: 'conversations', header: 'Conversations', meta: { align: 'right', className: 'tabular-nums' }, cell: ({ row }) => row.original.conversationCount.toLocaleString() },
];

const UNREVIEWED_EXPORT_COLUMNS: ColumnDef<UnreviewedExport>[] = [
  ...exportColumns<UnreviewedExport>(),
  { id: 'unreviewed', header: 'Unreviewed', meta: { align: 'right', className: 'font-medium text-danger tabular-nums' }, cell: ({ row }) => row.original.unreviewedCount.toLocaleString() },
];
const UNATTRIBUTED_COLUMNS = exportColumns<ExportRow>();

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
          <Listing
            title={`Not reviewed (${(coverage.awaitingReview + coverage.withoutTrail).toLocaleString()})`}
            more={coverage.awaitingReview + coverage.withoutTrail - coverage.unreviewed.length}
            data={coverage.unreviewed}
            columns={UNREVIEWED_COLUMNS}
          />
        )}
        {coverage.unreviewedExports.length > 0 && (
          <Listing
            title={`Exports that contained unreviewed conversations (${coverage.unreviewedExportCount.toLocaleString()})`}
            more={coverage.unreviewedExportCount - coverage.unreviewedExports.length}
            data={coverage.unreviewedExports}
            columns={UNREVIEWED_EXPORT_COLUMNS}
            testId="unreviewed-export"
          />
        )}
      </Check>

      <Check title="All exports logged with user attribution" ok={attribution.ok} summary={attribution.summary} hint={attribution.hint} testId="check-exports">
        {attribution.unattributed.length > 0 && (
          <Listing
            title={`Exports without a user (${attribution.unattributedCount.toLocaleString()})`}
            more={attribution.unattributedCount - attribution.unattributed.length}
            data={attribution.unattributed}
            columns={UNATTRIBUTED_COLUMNS}
            testId="unattributed-export"
          />
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

function Listing<T extends { id: string }>({ title, data, columns, more, testId }: { title: string; data: T[]; columns: ColumnDef<T>[]; more: number; testId?: string }) {
  return (
    <div className="rounded-md border border-border">
      <h3 className="border-b border-border px-3 py-2 text-xs font-semibold">{title}</h3>
      <DataTable data={data} columns={columns} label={title} getRowId={(row) => row.id} variant="listing" scrollClassName="max-h-72 overflow-auto" rowProps={testId ? () => ({ 'data-testid': testId }) : undefined} />
      {more > 0 && <p className="border-t border-border px-3 py-1.5 text-xs text-muted">…and {more.toLocaleString()} more.</p>}
    </div>
  );
}
