import { STATUS_LABELS } from '../../../core/statuses';
import type { TierSection } from '../../../contract/tiers';

const STATUS_ORDER = ['not_generated', 'generating', 'generated', 'approved', 'rejected', 'failed'] as const;

/** "Tier 1: 12 of 40 generated" with a bar and the count per status. */
export function TierProgress({ section, number }: { section: TierSection; number: number }) {
  const pct = section.total ? Math.round((section.generated / section.total) * 100) : 0;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium text-text" data-testid={`tier-progress-${section.tier}`}>
          Tier {number}: {section.generated} of {section.total} generated
        </p>
        <p className="text-sm text-muted">
          {section.total} slot{section.total === 1 ? '' : 's'} · target {section.target}
        </p>
      </div>
      <div className="h-2 w-full rounded-full bg-surface-muted" role="progressbar" aria-valuemin={0} aria-valuemax={section.total} aria-valuenow={section.generated} aria-label={`Tier ${number} generated`}>
        <div className="h-2 rounded-full bg-primary transition-[width]" style={{ width: `${pct}%` }} />
      </div>
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {STATUS_ORDER.map((s) => (
          <div key={s} className="flex gap-1">
            <dt className="text-muted">{STATUS_LABELS[s]}</dt>
            <dd className="font-medium tabular-nums">{section.byStatus[s]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
