import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { ChevronDown, ChevronUp, Loader2 } from 'lucide-react';
import { toast } from 'sonner';
import type { RunProgress } from '../../../contract/runs';
import { can } from '../../../core/roles';
import { queryKeys } from '../../lib/endpoints';
import { useMe, useRecentRuns } from '../../lib/queries';
import { useLocalState } from '../../lib/use-local-state';
import { RunProgressCard } from './run-progress-card';

const OPEN = new Set(['queued', 'running', 'paused', 'interrupted']);

/**
 * "Generation in Progress" (US1.3.2): shown above the table whenever a bulk run is going, paused
 * or interrupted — read from the database on every load, so it is there after a reload or a
 * closed browser. Collapsible; when a run ends it says how it went and the table refreshes.
 * Single-conversation runs are followed by their row instead.
 */
export function ProgressPanel() {
  const { data } = useRecentRuns();
  const { data: me } = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useLocalState('convgen.progress-collapsed', false);
  const runs = (data?.items ?? []).filter((r) => r.kind !== 'single' && OPEN.has(r.status));
  const seen = useRef(new Map<string, RunProgress['status']>());
  const [, force] = useState(0);

  // A run that was open and is now over: say so once, and refresh what it changed.
  useEffect(() => {
    if (!data) return;
    for (const run of data.items) {
      const before = seen.current.get(run.id);
      if (before && OPEN.has(before) && !OPEN.has(run.status)) {
        const text = `${run.succeeded.toLocaleString()} succeeded, ${run.failed.toLocaleString()} failed`;
        // Conversations generated but left unjudged are in the run's log, which the toast opens.
        const log = run.eventCount
          ? { description: `${run.eventCount.toLocaleString()} generated but not judged: the run log says why.`, action: { label: 'Open the run log', onClick: () => void navigate({ to: '/runs', search: { run: run.id } }) } }
          : {};
        if (run.status === 'completed') (run.failed || run.eventCount ? toast.warning : toast.success)(`Generation finished: ${text}`, { duration: 10_000, ...log });
        else if (run.status === 'cancelled') toast.info(`Run cancelled: ${text}`);
        void client.invalidateQueries({ queryKey: queryKeys.conversations.all });
        force((n) => n + 1);
      }
      seen.current.set(run.id, run.status);
    }
  }, [data, client, navigate]);

  if (!runs.length) return null;
  const canManage = Boolean(me && can(me.role, 'runs:manage'));
  const totals = runs.reduce((t, r) => ({ done: t.done + r.succeeded + r.failed, total: t.total + r.total }), { done: 0, total: 0 });
  const anyActive = runs.some((r) => r.status === 'running' || r.status === 'queued');
  return (
    <section className="rounded-lg border border-info/30 bg-info-soft/40 shadow-sm" aria-label="Generation in progress" data-testid="progress-panel">
      <button type="button" className="flex w-full items-center justify-between gap-3 px-4 py-2.5 text-left" onClick={() => setCollapsed(!collapsed)} aria-expanded={!collapsed}>
        <span className="flex items-center gap-2 text-sm font-semibold text-text">
          {anyActive && <Loader2 className="h-4 w-4 animate-spin text-info" aria-hidden />}
          {anyActive ? 'Generation in progress' : runs.some((r) => r.status === 'interrupted') ? 'Generation interrupted' : 'Generation paused'}
          <span className="font-normal text-muted tabular-nums">
            {totals.done.toLocaleString()} of {totals.total.toLocaleString()}
            {runs.length > 1 && ` in ${runs.length} runs`}
          </span>
        </span>
        <span className="flex items-center gap-1 text-xs text-muted">
          {collapsed ? 'Show details' : 'Hide'}
          {collapsed ? <ChevronDown className="h-4 w-4" aria-hidden /> : <ChevronUp className="h-4 w-4" aria-hidden />}
        </span>
      </button>
      {!collapsed && (
        <div className="space-y-4 border-t border-info/20 px-4 py-3">
          {runs.map((run) => (
            <RunProgressCard key={run.id} run={run} canManage={canManage} />
          ))}
        </div>
      )}
    </section>
  );
}
