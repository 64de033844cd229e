import { cn } from '../../lib/cn';

/** A grey placeholder with a shimmer, the same size as what it stands in for. */
export function Skeleton({ className }: { className?: string }) {
  return <div className={cn('skeleton h-4', className)} aria-hidden />;
}
