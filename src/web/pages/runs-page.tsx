import type { ColumnDef } from '@tanstack/react-table';
import { PlayCircle } from 'lucide-react';
import type { RunProgress } from '../../contract/runs';
import { DataTable } from '../components/ui/data-table';
import { EmptyState } from '../components/ui/empty-state';
import { formatDate, formatUsd, runKindName } from '../lib/format';
import { useRecentRuns } from '../lib/queries';

const STATUS_TEXT: Record<string, string> = { queued: 'Queued', running: 'Running', paused: 'Paused', cancelled: 'Cancelled', completed: 'Completed', interrupted: 'Interrupted' };

function Progress({ run }: { run: RunProgress }) {
  const done = run.succeeded + run.failed;
  const pct = run.total ? Math.round((done / run.total) * 100) : 0;
  return (
    <div className="flex items-center gap-2">
      <div className="h-1.5 w-28 rounded-full bg-surface-muted">
        <div className="h-1.5 rounded-full bg-primary" style={{ width: `${pct}%` }} />
      </div>
      <span className="text-xs text-muted tabular-nums">
        {done} of {run.total} – {pct}%
      </span>
    </div>
  );
}

const COLUMNS: ColumnDef<RunProgress>[] = [
  { id: 'started', header: 'Started', meta: { className: 'whitespace-nowrap' }, cell: ({ row }) => formatDate(row.original.createdAt) },
  { id: 'kind', header: 'Kind', cell: ({ row }) => runKindName(row.original.kind) },
  { id: 'status', header: 'Status', cell: ({ row }) => STATUS_TEXT[row.original.status] ?? row.original.status },
  { id: 'progress', header: 'Progress', cell: ({ row }) => <Progress run={row.original} /> },
  { id: 'succeeded', header: 'Succeeded', meta: { className: 'tabular-nums' }, cell: ({ row }) => row.original.succeeded },
  { id: 'failed', header: 'Failed', meta: { className: 'tabular-nums' }, cell: ({ row }) => row.original.failed },
  { id: 'spent', header: 'Spent', meta: { className: 'tabular-nums' }, cell: ({ row }) => formatUsd(row.original.spentUsd) },
  { id: 'model', header: 'Model', meta: { className: 'font-mono text-xs' }, cell: ({ row }) => row.original.model },
];

/** Recent generation runs with their progress; refreshes itself while any run is active. */
export function RunsPage() {
  const { data, isLoading } = useRecentRuns();
  return (
    <section className="h-full overflow-y-auto p-5">
      <h1 className="text-xl font-semibold">Runs</h1>
      <p className="mb-4 text-sm text-muted">Every generation is a run stored in the database, so it keeps going when you close the browser.</p>
      <div className="rounded-lg border border-border bg-surface shadow-sm">
        <DataTable
          data={data?.items}
          columns={COLUMNS}
          label="Runs"
          getRowId={(run) => run.id}
          loading={isLoading}
          empty={<EmptyState icon={PlayCircle} title="No runs yet." hint="Click Generate on a conversation to start your first run." />}
        />
      </div>
    </section>
  );
}
