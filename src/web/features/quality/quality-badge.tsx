import { qualityLevel } from '../../../core/quality-level';
import { Tooltip } from '../../components/ui/tooltip';
import { cn } from '../../lib/cn';

const LEVEL_STYLE = {
  high: { className: 'bg-success-soft text-success', icon: '✓✓', label: 'High quality' },
  medium: { className: 'bg-warning-soft text-warning', icon: '✓', label: 'Medium quality' },
  low: { className: 'bg-danger-soft text-danger', icon: '⚠', label: 'Low quality: flagged for review' },
} as const;

/** Red below 6, yellow 6–7, green 8–10 (US4.3.1). */
export function QualityBadge({ score, breakdown }: { score: number | null; breakdown?: string }) {
  if (score === null) return <span className="text-muted">—</span>;
  const style = LEVEL_STYLE[qualityLevel(score)];
  return (
    <Tooltip content={breakdown ?? style.label}>
      <span className={cn('inline-flex min-w-14 items-center justify-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-semibold tabular-nums', style.className)}>
        <span aria-hidden>{style.icon}</span>
        {score.toFixed(1)}
      </span>
    </Tooltip>
  );
}
