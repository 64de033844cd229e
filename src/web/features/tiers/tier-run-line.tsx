import { Loader2 } from 'lucide-react';
import type { RunProgress } from '../../../contract/runs';

/** "Generating Tier 1: 12 of 40 complete" while the tier's run is going; its outcome once it ends. */
export function TierRunLine({ run, number, active, onDismiss }: { run: RunProgress; number: number; active: boolean; onDismiss: () => void }) {
  const done = run.succeeded + run.failed;
  if (active) {
    return (
      <p className="flex items-center gap-2 rounded-md bg-primary/10 p-2 text-sm font-medium text-primary" role="status" data-testid={`tier-run-${number}`}>
        <Loader2 className="h-4 w-4 animate-spin" aria-hidden />
        {run.status === 'paused' ? `Tier ${number} run paused: ${done} of ${run.total} complete` : `Generating Tier ${number}: ${done} of ${run.total} complete`}
        {run.failed > 0 && <span className="text-danger">({run.failed} failed)</span>}
      </p>
    );
  }
  return (
    <p className="flex flex-wrap items-center gap-2 rounded-md bg-surface-muted p-2 text-sm" role="status" data-testid={`tier-run-${number}`}>
      Tier {number} run {run.status}: {run.succeeded} of {run.total} generated{run.failed ? `, ${run.failed} failed` : ''}.
      <button type="button" className="text-primary underline" onClick={onDismiss}>
        Dismiss
      </button>
    </p>
  );
}
