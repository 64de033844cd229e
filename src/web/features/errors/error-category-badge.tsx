import { AlertOctagon, CloudAlert, RefreshCw, ServerCrash, Ban, UserRoundX } from 'lucide-react';
import { ERROR_CATEGORY_LABELS, type ErrorCategory } from '../../../core/error-guide';
import { Tooltip } from '../../components/ui/tooltip';
import { cn } from '../../lib/cn';

/** US11.3.1's colours: user errors red, system errors orange, API errors yellow. */
export const CATEGORY_STYLE: Record<ErrorCategory, { className: string; icon: typeof AlertOctagon; meaning: string }> = {
  user: {
    className: 'bg-danger-soft text-danger border-danger/25',
    icon: UserRoundX,
    meaning: 'Something in your data, templates or settings needs a change before this can work.',
  },
  system: {
    className: 'bg-orange-50 text-orange-700 border-orange-300/60 dark:bg-orange-950 dark:text-orange-300',
    icon: ServerCrash,
    meaning: 'convgen itself ran into a problem.',
  },
  api: {
    className: 'bg-warning-soft text-warning border-warning/30',
    icon: CloudAlert,
    meaning: 'The AI provider had a problem or refused the call.',
  },
};

export function ErrorCategoryBadge({ category, className }: { category: ErrorCategory; className?: string }) {
  const style = CATEGORY_STYLE[category];
  const Icon = style.icon;
  return (
    <Tooltip content={style.meaning}>
      <span data-category={category} className={cn('inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap', style.className, className)}>
        <Icon className="h-3.5 w-3.5" aria-hidden />
        {ERROR_CATEGORY_LABELS[category]}
      </span>
    </Tooltip>
  );
}

/** "Retryable" (trying again can help) or "Permanent" (fix the cause first). */
export function RetryabilityBadge({ retryable }: { retryable: boolean }) {
  const Icon = retryable ? RefreshCw : Ban;
  return (
    <Tooltip content={retryable ? 'A temporary problem: trying again can succeed.' : 'It will fail the same way until the cause is fixed.'}>
      <span
        data-retryable={retryable}
        className={cn('inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap', retryable ? 'border-info/25 bg-info-soft text-info' : 'border-border bg-neutral-soft text-muted')}
      >
        <Icon className="h-3.5 w-3.5" aria-hidden />
        {retryable ? 'Retryable' : 'Permanent'}
      </span>
    </Tooltip>
  );
}
