import { PlayCircle } from 'lucide-react';
import { Skeleton } from '../components/ui/skeleton';
import { formatDate, formatUsd } from '../lib/format';
import { useRecentRuns } from '../lib/queries';

const STATUS_TEXT: Record<string, string> = { queued: 'Queued', running: 'Running', paused: 'Paused', cancelled: 'Cancelled', completed: 'Completed', interrupted: 'Interrupted' };

/** Recent generation runs with their progress; refreshes itself while any run is active. */
export function RunsPage() {
  const { data, isLoading } = useRecentRuns();
  return (
    <section className="h-full overflow-y-auto p-5">
      <h1 className="text-xl font-semibold">Runs</h1>
      <p className="mb-4 text-sm text-muted">Every generation is a run stored in the database, so it keeps going when you close the browser.</p>
      <div className="rounded-lg border border-border bg-surface shadow-sm">
        <table className="w-full text-sm" aria-label="Runs">
          <thead className="bg-surface-muted text-left text-xs font-semibold tracking-wide text-muted uppercase">
            <tr>
              {['Started', 'Kind', 'Status', 'Progress', 'Succeeded', 'Failed', 'Spent', 'Model'].map((h) => (
                <th key={h} className="border-b border-border px-3 py-2.5">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {isLoading &&
              Array.from({ length: 4 }, (_, i) => (
                <tr key={i}>
                  <td colSpan={8} className="px-3 py-3">
                    <Skeleton className="w-full" />
                  </td>
                </tr>
              ))}
            {data?.items.map((run) => {
              const done = run.succeeded + run.failed;
              const pct = run.total ? Math.round((done / run.total) * 100) : 0;
              return (
                <tr key={run.id} className="border-b border-border">
                  <td className="px-3 py-2 whitespace-nowrap">{formatDate(run.createdAt)}</td>
                  <td className="px-3 py-2 capitalize">{run.kind}</td>
                  <td className="px-3 py-2">{STATUS_TEXT[run.status] ?? run.status}</td>
                  <td className="px-3 py-2">
                    <div className="flex items-center gap-2">
                      <div className="h-1.5 w-28 rounded-full bg-surface-muted">
                        <div className="h-1.5 rounded-full bg-primary" style={{ width: `${pct}%` }} />
                      </div>
                      <span className="text-xs text-muted tabular-nums">
                        {done} of {run.total} – {pct}%
                      </span>
                    </div>
                  </td>
                  <td className="px-3 py-2 tabular-nums">{run.succeeded}</td>
                  <td className="px-3 py-2 tabular-nums">{run.failed}</td>
                  <td className="px-3 py-2 tabular-nums">{formatUsd(run.spentUsd)}</td>
                  <td className="px-3 py-2 font-mono text-xs">{run.model}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {data && data.items.length === 0 && (
          <div className="flex flex-col items-center gap-2 py-14 text-center">
            <PlayCircle className="h-9 w-9 text-muted" aria-hidden />
            <p className="font-medium">No runs yet.</p>
            <p className="text-sm text-muted">Click Generate on a conversation to start your first run.</p>
          </div>
        )}
      </div>
    </section>
  );
}
