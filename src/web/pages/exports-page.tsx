import { useState } from 'react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { Download, FileDown, Filter, RotateCcw } from 'lucide-react';
import { toast } from 'sonner';
import type { ExportLogEntry, ExportRequestInput } from '../../contract/exports';
import { Button } from '../components/ui/button';
import { DataTable } from '../components/ui/data-table';
import { Dialog } from '../components/ui/dialog';
import { DateRange, Field, Select } from '../components/ui/filter-fields';
import { Input } from '../components/ui/input';
import { downloadExport } from '../features/export/download';
import { ExportDialog } from '../features/export/export-dialog';
import { FORMAT_CHOICES } from '../features/export/formats';
import { validateExportHistorySearch, type ExportHistorySearch } from '../features/export/history-search';
import { endpoints, queries } from '../lib/endpoints';
import { formatDate } from '../lib/format';
import { EmptyState } from '../components/ui/empty-state';

const formatLabel = (id: string) => FORMAT_CHOICES.find((f) => f.id === id)?.label ?? id;

/** "Approved · persona: anxious_investor · tier: template": an export's selection in a line. */
function describeSelection(request: Record<string, unknown>): string {
  const parts = [request.approvedOnly === false ? 'Any reviewed state' : 'Approved only'];
  const selection = request.selection as { filter?: Record<string, unknown>; conversationIds?: string[] } | undefined;
  if (selection?.conversationIds) parts.push(`${selection.conversationIds.length} picked conversations`);
  for (const [key, value] of Object.entries(selection?.filter ?? {})) parts.push(`${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  return parts.join(' · ');
}

const COLUMNS: ColumnDef<ExportLogEntry>[] = [
  { id: 'date', header: 'Date', meta: { className: 'whitespace-nowrap' }, cell: ({ row }) => formatDate(row.original.exportedAt) },
  { id: 'user', header: 'User', cell: ({ row }) => row.original.user?.name ?? <span className="text-muted">deleted user</span> },
  { id: 'format', header: 'Format', cell: ({ row }) => formatLabel(row.original.format) },
  { id: 'conversations', header: 'Conversations', meta: { className: 'tabular-nums' }, cell: ({ row }) => row.original.conversationCount.toLocaleString() },
  { id: 'selection', header: 'Selection', meta: { className: 'max-w-[28rem] truncate text-muted' }, cell: ({ row }) => <span title={describeSelection(row.original.request)}>{describeSelection(row.original.request)}</span> },
  { id: 'file', header: 'File', meta: { className: 'max-w-[18rem] truncate font-mono text-xs' }, cell: ({ row }) => <span title={row.original.fileName}>{row.original.fileName}</span> },
];

function Details({ entry, onClose, onChange }: { entry: ExportLogEntry; onClose: () => void; onChange: (request: ExportRequestInput) => void }) {
  const navigate = useNavigate();
  const filter = (entry.request.selection as { filter?: Record<string, unknown> } | undefined)?.filter;
  const stats = entry.metadata.statistics as { averageQuality?: number | null; byTier?: Record<string, number>; dateRange?: { from: string | null; to: string | null } } | undefined;
  const validation = entry.metadata.validation as { invalid?: number; byRule?: Record<string, number> } | undefined;
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={entry.fileName}
      description={`${formatLabel(entry.format)} · ${entry.conversationCount.toLocaleString()} conversations · ${formatDate(entry.exportedAt)} by ${entry.user?.name ?? 'a deleted user'}`}
      footer={
        <>
          {filter && (
            <Button
              onClick={() => {
                const search = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]));
                void navigate({ to: '/conversations', search });
              }}
            >
              <Filter className="h-4 w-4" aria-hidden /> Open this filter
            </Button>
          )}
          <Button onClick={() => onChange(entry.request as ExportRequestInput)}>Change and export</Button>
          <Button
            variant="primary"
            onClick={() => {
              downloadExport(entry.request as ExportRequestInput);
              toast.success('Exporting again with the same settings', { description: 'The new file reflects the conversations as they are now.' });
              onClose();
            }}
          >
            <RotateCcw className="h-4 w-4" aria-hidden /> Re-run export
          </Button>
        </>
      }
    >
      <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1.5 text-sm">
        <dt className="text-muted">Conversations</dt>
        <dd>{describeSelection(entry.request)}</dd>
        <dt className="text-muted">Status</dt>
        <dd>{String(entry.metadata.status ?? 'completed')}</dd>
        {stats?.averageQuality != null && (
          <>
            <dt className="text-muted">Average quality</dt>
            <dd>{stats.averageQuality}</dd>
          </>
        )}
        {stats?.byTier && (
          <>
            <dt className="text-muted">By tier</dt>
            <dd>{Object.entries(stats.byTier).map(([k, v]) => `${k} ${v}`).join(' · ')}</dd>
          </>
        )}
        {validation?.invalid ? (
          <>
            <dt className="text-muted">Left out</dt>
            <dd className="text-warning">
              {validation.invalid} ({Object.entries(validation.byRule ?? {}).map(([k, v]) => `${k.replace(/_/g, ' ')}: ${v}`).join(', ')})
            </dd>
          </>
        ) : null}
        <dt className="text-muted">Export id</dt>
        <dd className="font-mono text-xs">{entry.exportId}</dd>
      </dl>
      <details className="mt-3 text-xs">
        <summary className="cursor-pointer text-muted">The full request</summary>
        <pre className="mt-1 overflow-auto rounded bg-surface-muted p-2">{JSON.stringify(entry.request, null, 2)}</pre>
      </details>
    </Dialog>
  );
}

/** Who exported what, when, with which filter and format (US5.2.2, US9.3.3). */
export function ExportsPage() {
  const search = useSearch({ from: '/app/exports' });
  const navigate = useNavigate({ from: '/exports' });
  const set = (patch: Partial<ExportHistorySearch>) => void navigate({ search: (prev) => validateExportHistorySearch({ ...prev, page: undefined, ...patch }) });
  const query = { userId: search.userId, from: search.from, to: search.to, minCount: search.minCount, sort: search.sort ?? 'date', page: search.page ?? 1, pageSize: 50 };
  // A download ends on its own, with nothing to tell the page: the list refreshes itself.
  const history = useQuery({
    ...queries.exportHistory(query),
    placeholderData: keepPreviousData,
    refetchInterval: 3000,
  });
  const [open, setOpen] = useState<ExportLogEntry | null>(null);
  const [changing, setChanging] = useState<ExportRequestInput | null>(null);
  const { page: _page, pageSize: _size, ...csvQuery } = query;

  return (
    <section className="h-full overflow-y-auto p-5">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Exports</h1>
          <p className="text-sm text-muted">Every export with who made it, when, the format and the conversations it took. Open one to re-run it or to reopen its filter.</p>
        </div>
        <Link to="/preflight" className="ml-auto inline-flex h-9 items-center rounded-md border border-border bg-surface px-3.5 text-sm font-medium shadow-sm hover:bg-surface-muted" title="Token lengths of the approved conversations for the base model you fine-tune">
          Trainer preflight
        </Link>
        <a href={endpoints.exports.historyCsvUrl(csvQuery)} className="inline-flex h-9 items-center gap-2 rounded-md border border-border bg-surface px-3.5 text-sm font-medium shadow-sm hover:bg-surface-muted">
          <FileDown className="h-4 w-4" aria-hidden /> Download CSV
        </a>
      </div>
      <div className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface px-3 py-2.5 shadow-sm" role="search" aria-label="Export history filters">
        <Field label="User" htmlFor="exports-user">
          <Select id="exports-user" value={search.userId ?? ''} onChange={(v) => set({ userId: v || undefined })}>
            <option value="">Everyone</option>
            {(history.data?.exporters ?? []).map(({ id, name }) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <DateRange from={search.from} to={search.to} onChange={set} idPrefix="exports" />
        <Field label="At least (conversations)" htmlFor="exports-min-count">
          <Input id="exports-min-count" type="number" min={0} className="h-8 w-28" value={search.minCount ?? ''} onChange={(e) => set({ minCount: Number(e.target.value) || undefined })} />
        </Field>
        <Field label="Sort by" htmlFor="exports-sort">
          <Select id="exports-sort" value={search.sort ?? 'date'} onChange={(v) => set({ sort: v === 'user' ? 'user' : undefined })}>
            <option value="date">Date, newest first</option>
            <option value="user">User</option>
          </Select>
        </Field>
      </div>
      <div className="rounded-lg border border-border bg-surface shadow-sm">
        <DataTable
          data={history.data?.items}
          columns={COLUMNS}
          label="Export history"
          getRowId={(e) => e.id}
          loading={history.isLoading}
          onRowClick={setOpen}
          rowProps={(e) => ({ 'data-export': e.exportId })}
          empty={
            <EmptyState
              icon={Download}
              title={`No exports${search.userId || search.from || search.to || search.minCount ? ' match these filters' : ' yet'}.`}
              hint="Approve conversations, then press Export (Ctrl/⌘+E) on the Conversations page."
            />
          }
        />
        {history.data && history.data.total > 50 && (
          <div className="flex items-center justify-between border-t border-border px-4 py-2 text-xs text-muted">
            <span>
              {((query.page - 1) * 50 + 1).toLocaleString()}–{Math.min(query.page * 50, history.data.total).toLocaleString()} of {history.data.total.toLocaleString()}
            </span>
            <span className="flex gap-2">
              <Button size="sm" variant="ghost" disabled={query.page <= 1} onClick={() => set({ page: query.page - 1 })}>
                Previous
              </Button>
              <Button size="sm" variant="ghost" disabled={query.page * 50 >= history.data.total} onClick={() => set({ page: query.page + 1 })}>
                Next
              </Button>
            </span>
          </div>
        )}
      </div>
      {open && <Details entry={open} onClose={() => setOpen(null)} onChange={(request) => (setOpen(null), setChanging(request))} />}
      <ExportDialog open={changing !== null} onOpenChange={(o) => !o && setChanging(null)} viewFilter={{}} initial={changing ?? undefined} />
    </section>
  );
}
