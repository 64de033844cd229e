import type { ColumnDef } from '@tanstack/react-table';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { PlayCircle, X } from 'lucide-react';
import type { RunProgress } from '../../contract/runs';
import { can } from '../../core/roles';
import { Button } from '../components/ui/button';
import { DataTable } from '../components/ui/data-table';
import { EmptyState } from '../components/ui/empty-state';
import { RunLog } from '../features/runs/run-log';
import { RunProgressCard } from '../features/runs/run-progress-card';
import { queries } from '../lib/endpoints';
import { formatDate, formatUsd, runKindName } from '../lib/format';
import { useMe, useRecentRuns } from '../lib/queries';

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
  {
    id: 'log',
    header: 'Log',
    meta: { className: 'tabular-nums whitespace-nowrap' },
    cell: ({ row }) => (row.original.eventCount ? <span className="text-warning">{row.original.eventCount.toLocaleString()} to read</span> : <span className="text-muted">—</span>),
  },
  { id: 'model', header: 'Model', meta: { className: 'font-mono text-xs' }, cell: ({ row }) => row.original.model },
];

/** The open run: its progress and controls, and its log. Read on its own, so a run older than the list still opens from a link. */
function RunDetails({ runId, onClose }: { runId: string; onClose: () => void }) {
  const run = useQuery({ ...queries.run(runId), refetchInterval: (q) => (q.state.data && ['running', 'queued'].includes(q.state.data.status) ? 2000 : false) });
  const { data: me } = useMe();
  if (run.error) return <p className="mt-4 rounded-md bg-danger-soft p-3 text-sm text-danger">Could not open this run: {run.error.message} It may have been deleted; choose another run above.</p>;
  if (!run.data) return <p className="mt-4 text-sm text-muted">Opening the run…</p>;
  return (
    <div className="mt-5 space-y-5" data-testid="run-details">
      <div className="rounded-lg border border-border bg-surface p-4 shadow-sm">
        <div className="mb-3 flex items-center justify-between gap-2">
          <h2 className="text-base font-semibold">
            {runKindName(run.data.kind)} run started {formatDate(run.data.createdAt)}
          </h2>
          <Button size="icon" variant="ghost" onClick={onClose} aria-label="Close the run's details">
            <X className="h-4 w-4" />
          </Button>
        </div>
        <RunProgressCard run={run.data} canManage={Boolean(me && can(me.role, 'runs:manage'))} linkToLog={false} />
      </div>
      <RunLog run={run.data} />
    </div>
  );
}

/** Recent generation runs with their progress; refreshes itself while any run is active. A click opens a run's details and log. */
export function RunsPage() {
  const { data, isLoading } = useRecentRuns();
  const { run: openRun } = useSearch({ from: '/app/runs' });
  const navigate = useNavigate({ from: '/runs' });
  const open = (run?: string) => void navigate({ search: run ? { run } : {} });
  return (
    <section className="h-full overflow-y-auto p-5">
      <h1 className="text-xl font-semibold">Runs</h1>
      <p className="mb-4 text-sm text-muted">Every generation is a run stored in the database, so it keeps going when you close the browser. Click a run to see its progress and its log.</p>
      <div className="rounded-lg border border-border bg-surface shadow-sm">
        <DataTable
          data={data?.items}
          columns={COLUMNS}
          label="Runs"
          getRowId={(run) => run.id}
          loading={isLoading}
          onRowClick={(run) => open(run.id)}
          rowProps={(run) => ({ 'data-run': run.id, 'aria-current': run.id === openRun ? 'true' : undefined, className: run.id === openRun ? 'bg-primary-soft' : undefined })}
          empty={<EmptyState icon={PlayCircle} title="No runs yet." hint="Click Generate on a conversation to start your first run." />}
        />
      </div>
      {openRun && <RunDetails runId={openRun} onClose={() => open()} />}
    </section>
  );
}
