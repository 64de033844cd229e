import { Lock } from 'lucide-react';
import { cn } from '../lib/cn';
import { Tooltip } from './ui/tooltip';

/** What a seed is, wherever one is shown (US10.3.1). */
export const SEED_TOOLTIP = 'Seed — written by hand; kept as a benchmark, never regenerated or deleted in bulk';

/** The Seed badge: a lock and the word, with what it means on hover. */
export function SeedBadge({ className }: { className?: string }) {
  return (
    <Tooltip content={SEED_TOOLTIP}>
      <span
        data-testid="seed-badge"
        aria-label={SEED_TOOLTIP}
        className={cn('inline-flex items-center gap-1 rounded-full bg-primary-soft px-2 py-0.5 text-xs font-medium whitespace-nowrap text-primary', className)}
      >
        <Lock className="h-3 w-3" aria-hidden data-testid="seed-lock" />
        Seed
      </span>
    </Tooltip>
  );
}
