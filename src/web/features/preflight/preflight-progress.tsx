import type { PreflightProgress } from '../../../contract/preflight';
import { cn } from '../../lib/cn';

/**
 * What a running check is doing, with a bar: first the tokenizer's load (seconds; no count yet),
 * then "Counted 12,400 of 35,115". Before the server's first answer, the check is starting.
 */
export function PreflightProgressBar({ progress, modelLabel, compact = false }: { progress: PreflightProgress | null; modelLabel: string; compact?: boolean }) {
  // "done" shows briefly, between the server finishing and its answer arriving: a full bar.
  const counting = (progress?.phase === 'counting' || progress?.phase === 'done') && progress.total > 0;
  const ratio = counting ? progress.done / progress.total : 0;
  const message = progress?.message ?? `Starting the check with the ${modelLabel} tokenizer…`;
  return (
    <div className={cn('space-y-1', !compact && 'max-w-3xl')} data-testid="preflight-progress" aria-live="polite">
      <div className="flex items-center justify-between gap-2">
        <p className={cn('text-muted', compact ? 'text-xs' : 'text-sm')}>{message}</p>
        {counting && <span className="text-xs text-muted tabular-nums">{Math.floor(ratio * 100)} %</span>}
      </div>
      <div
        className="h-1.5 overflow-hidden rounded-full bg-surface-muted"
        role="progressbar"
        aria-label="Trainer preflight progress"
        aria-valuemin={0}
        aria-valuemax={counting ? progress.total : 100}
        aria-valuenow={counting ? progress.done : undefined}
        aria-valuetext={message}
      >
        {/* While the tokenizer loads there is nothing to count yet: a moving bar, not a stuck one. */}
        <div className={cn('h-full rounded-full bg-primary transition-all', !counting && 'w-1/4 animate-pulse')} style={counting ? { width: `${Math.round(ratio * 100)}%` } : undefined} />
      </div>
      {!compact && progress?.phase === 'loading' && <p className="text-xs text-muted">The first check after a while loads the tokenizer (a few seconds); it then stays loaded for the next checks.</p>}
      {!compact && counting && progress.countedNow < progress.done && (
        <p className="text-xs text-muted">{(progress.done - progress.countedNow).toLocaleString('en')} unchanged since they were last counted: their stored counts are reused.</p>
      )}
    </div>
  );
}
