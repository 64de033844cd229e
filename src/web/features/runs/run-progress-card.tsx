import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Check, Pause, Play, Square, X } from 'lucide-react';
import { toast } from 'sonner';
import { isChunkRunKind } from '../../../contract/chunk-runs';
import type { RunProgress } from '../../../contract/runs';
import { describeLimits } from '../../../core/describe-limits';
import { Button } from '../../components/ui/button';
import { ApiError } from '../../lib/api';
import { endpoints, queryKeys, type RunAction } from '../../lib/endpoints';
import { formatDuration, formatUsd } from '../../lib/format';
import { useLabels } from '../../lib/queries';

const STATUS_TEXT: Record<string, string> = {
  queued: 'Starting…',
  running: 'Generating',
  paused: 'Paused',
  cancelled: 'Cancelled',
  completed: 'Finished',
  interrupted: 'Interrupted',
};

function secondsUntil(iso: string | null) {
  return iso ? Math.max(0, Math.ceil((new Date(iso).getTime() - Date.now()) / 1000)) : 0;
}

function QueueCount({ label, value, tone }: { label: string; value: number; tone: string }) {
  return (
    <div className="min-w-0">
      <div className={`text-base font-semibold tabular-nums ${tone}`}>{value.toLocaleString()}</div>
      <div className="text-[11px] text-muted">{label}</div>
    </div>
  );
}

/**
 * One run's progress (US1.2.2, US2.1.1, US2.1.2, US12.1.1): bar and "42 of 100 – 42%",
 * what is being generated now, time left from the observed rate, succeeded and failed, the
 * queue, rate-limit pauses, spending, and the run's controls.
 */
export function RunProgressCard({ run, canManage, linkToLog = true }: { run: RunProgress; canManage: boolean; /** Off where the run's log is already on the page. */ linkToLog?: boolean }) {
  const client = useQueryClient();
  const label = useLabels();
  const control = useMutation({
    mutationFn: (action: RunAction) => endpoints.runs.control(run.id, action),
    onSuccess: (_, action) => {
      void client.invalidateQueries({ queryKey: queryKeys.runs.all });
      void client.invalidateQueries({ queryKey: queryKeys.conversations.all });
      toast.success(action === 'cancel' ? 'Run cancelled' : action === 'pause' ? 'Run paused' : 'Run resumed', {
        description: action === 'cancel' ? 'Conversations not yet generated go back to where they were.' : undefined,
      });
    },
    onError: (err) => toast.error('Could not change the run', { description: err instanceof ApiError ? `${err.message} ${err.hint}` : String(err) }),
  });
  const done = run.succeeded + run.failed;
  const pct = run.total ? Math.round((done / run.total) * 100) : 0;
  const active = run.status === 'running' || run.status === 'queued';
  const throttled = secondsUntil(run.throttledUntil);
  const allowed = run.providerLimits && describeLimits(run.providerLimits);

  return (
    <div className="space-y-3" data-testid="run-progress" data-run={run.id} data-status={run.status}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium text-text" aria-live="polite">
          {STATUS_TEXT[run.status] ?? run.status}: <span className="tabular-nums">{done.toLocaleString()} of {run.total.toLocaleString()} – {pct}%</span>
          {active && run.etaSeconds !== null && run.etaSeconds > 0 && <span className="font-normal text-muted"> · ~{formatDuration(run.etaSeconds)} remaining</span>}
        </p>
        {canManage && (
          <div className="flex gap-1.5">
            {active && (
              <Button size="sm" onClick={() => control.mutate('pause')} disabled={control.isPending}>
                <Pause className="h-3.5 w-3.5" aria-hidden /> Pause
              </Button>
            )}
            {(run.status === 'paused' || run.status === 'interrupted') && (
              <Button size="sm" variant="primary" onClick={() => control.mutate('resume')} disabled={control.isPending}>
                <Play className="h-3.5 w-3.5" aria-hidden /> {run.status === 'interrupted' ? 'Resume Generation' : 'Resume'}
              </Button>
            )}
            {(active || run.status === 'paused' || run.status === 'interrupted') && (
              <Button size="sm" variant="danger" onClick={() => control.mutate('cancel')} disabled={control.isPending}>
                <Square className="h-3.5 w-3.5" aria-hidden /> Cancel
              </Button>
            )}
          </div>
        )}
      </div>
      <div className="h-2.5 overflow-hidden rounded-full bg-surface-muted" role="progressbar" aria-valuemin={0} aria-valuemax={run.total} aria-valuenow={done} aria-label="Run progress">
        <div className="flex h-2.5">
          <div className="bg-success transition-all" style={{ width: `${run.total ? (run.succeeded / run.total) * 100 : 0}%` }} />
          <div className="bg-danger transition-all" style={{ width: `${run.total ? (run.failed / run.total) * 100 : 0}%` }} />
        </div>
      </div>
      {run.status === 'interrupted' && <p className="text-sm text-warning">convgen stopped while this run was going. Nothing was lost: Resume Generation picks up where it left off.</p>}
      {run.error && <p className="text-sm text-warning">{run.error}</p>}
      {run.eventCount > 0 && (
        <p className="text-sm text-warning" data-testid="run-log-note">
          {run.eventCount === 1 ? 'One conversation was' : `${run.eventCount.toLocaleString()} conversations were`} generated but not judged.{' '}
          {linkToLog ? (
            <>
              <Link to="/runs" search={{ run: run.id }} className="font-medium underline underline-offset-2">
                See the run log
              </Link>{' '}
              for why and what to do.
            </>
          ) : (
            'The run log below says why and what to do.'
          )}
        </p>
      )}
      {throttled > 0 && active && (
        <p className="rounded-md bg-warning-soft px-2.5 py-1.5 text-sm text-warning" data-testid="throttled">
          Rate limit: pausing for {throttled} s… The provider asked us to slow down; the run continues by itself.
        </p>
      )}
      <div className="grid grid-cols-4 gap-3 rounded-md border border-border px-3 py-2" aria-label="Queue">
        <QueueCount label="waiting" value={run.pending} tone="text-text" />
        <QueueCount label="in progress" value={run.inProgress} tone="text-info" />
        <QueueCount label="succeeded" value={run.succeeded} tone="text-success" />
        <QueueCount label="failed" value={run.failed} tone="text-danger" />
      </div>
      {run.current.length > 0 && (
        <ul className="space-y-0.5 text-xs text-muted" aria-label="Generating now">
          {run.current.map((c) => (
            <li key={c.id} className="truncate">
              {isChunkRunKind(run.kind) ? (
                <>
                  {run.kind === 'chunk_dimensions' ? 'Analysing' : 'Drawing scenarios from'}: <span className="text-text">{c.label}</span>
                </>
              ) : (
                <>
                  Generating: <span className="text-text">{[label('persona', c.persona), label('emotion', c.emotion), label('topic', c.topic)].join(' + ')}</span> <span className="font-mono">({c.conversationId})</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {run.recent.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Just finished">
          {run.recent.map((r) => (
            <li
              key={r.id}
              title={r.error ?? 'Generated'}
              className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-mono text-[11px] ${r.status === 'succeeded' ? 'bg-success-soft text-success' : 'bg-danger-soft text-danger'}`}
            >
              {r.status === 'succeeded' ? <Check className="h-3 w-3" aria-label="succeeded" /> : <X className="h-3 w-3" aria-label="failed" />}
              {r.conversationId}
            </li>
          ))}
        </ul>
      )}
      <p className="text-xs text-muted">
        Spent {formatUsd(run.spentUsd)}
        {run.spendingLimitUsd !== null && ` of a ${formatUsd(run.spendingLimitUsd)} limit`}
        {run.estimatedCostUsd !== null && ` · estimated ${formatUsd(run.estimatedCostUsd)}`} · {run.model}
        {allowed && (
          <span data-testid="provider-allows" title="The limits the provider announces on its answers; convgen paces the run to stay under them.">
            {' '}
            · provider allows {allowed}
          </span>
        )}
      </p>
    </div>
  );
}
