import { Lock } from 'lucide-react';
import { cn } from '../../lib/cn';

export type SeedFilterValue = 'only' | 'exclude' | undefined;

const CHOICES: { value: SeedFilterValue; label: string; title: string }[] = [
  { value: 'only', label: 'Seeds', title: 'Only seed conversations: the hand-written benchmarks, with how generated ones compare' },
  { value: 'exclude', label: 'No seeds', title: 'Everything but the seeds: only what the generator wrote' },
];

/**
 * The quick filter for seed conversations (US10.3.1): "Seeds" shows the seed section, "No seeds"
 * leaves them out. A second click on the active one shows everything again.
 */
export function SeedFilter({ value, onChange }: { value: SeedFilterValue; onChange: (value: SeedFilterValue) => void }) {
  return (
    <div className="flex items-center gap-1.5" role="group" aria-label="Seed conversations">
      {CHOICES.map((choice) => {
        const active = value === choice.value;
        return (
          <button
            key={choice.label}
            type="button"
            aria-pressed={active}
            title={choice.title}
            data-seed-filter={choice.value}
            onClick={() => onChange(active ? undefined : choice.value)}
            className={cn(
              'inline-flex h-7 items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium whitespace-nowrap transition-colors',
              active ? 'border-primary bg-primary text-white' : 'border-border bg-surface text-text hover:bg-surface-muted',
            )}
          >
            {choice.value === 'only' && <Lock className="hidden h-3 w-3 @min-[82rem]:inline-block" aria-hidden />}
            {choice.label}
          </button>
        );
      })}
    </div>
  );
}
