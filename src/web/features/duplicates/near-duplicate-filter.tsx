import { Copy } from 'lucide-react';
import { cn } from '../../lib/cn';

/** The quick filter "Near-duplicates": only conversations marked as a copy of an earlier one (`nearDuplicate=1`). */
export function NearDuplicateFilter({ value, onChange }: { value: '1' | undefined; onChange: (value: '1' | undefined) => void }) {
  const active = value === '1';
  return (
    <button
      type="button"
      aria-pressed={active}
      title="Only conversations that are near-duplicates of an earlier one"
      data-near-duplicate-filter
      onClick={() => onChange(active ? undefined : '1')}
      className={cn(
        'inline-flex h-7 items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium whitespace-nowrap transition-colors',
        active ? 'border-primary bg-primary text-white' : 'border-border bg-surface text-text hover:bg-surface-muted',
      )}
    >
      <Copy className="hidden h-3 w-3 @min-[82rem]:inline-block" aria-hidden />
      Near-duplicates
    </button>
  );
}
