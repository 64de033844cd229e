import type { ArcItem } from '../../../contract/arcs';
import { Checkbox } from '../../components/ui/checkbox';
import { Input } from '../../components/ui/input';
import { cn } from '../../lib/cn';
import { useLabels } from '../../lib/queries';

/** One arc: enable, its percent, and what it is (description, start → end emotion, stages). */
export function ArcRow({ arc, enabled, percent, count, canWrite, onChange }: { arc: ArcItem; enabled: boolean; percent: number; count: number | null; canWrite: boolean; onChange: (next: { enabled: boolean; percent: number }) => void }) {
  const inputId = `arc-percent-${arc.key}`;
  const label = useLabels();
  return (
    <li className={cn('rounded-lg border border-border bg-surface p-4 shadow-sm', !enabled && 'opacity-70')} data-testid={`arc-${arc.key}`}>
      <div className="flex flex-wrap items-start gap-4">
        <label className="flex min-w-0 flex-1 items-start gap-3">
          {canWrite ? <Checkbox className="mt-1" checked={enabled} onCheckedChange={(on) => onChange({ enabled: on, percent })} label={`Use ${arc.label}`} /> : null}
          <span className="min-w-0">
            <span className="block font-semibold text-text">
              {arc.label} <span className="ml-1 text-sm font-normal text-muted">{label('emotion', arc.startEmotion)} → {label('emotion', arc.endEmotion)}</span>
              {!arc.builtIn && <span className="ml-2 rounded bg-surface-muted px-1.5 py-0.5 text-xs text-muted">added by your team</span>}
            </span>
            <span className="mt-1 block text-sm text-muted">{arc.description}</span>
          </span>
        </label>
        <div className="flex shrink-0 items-center gap-2">
          <label htmlFor={inputId} className="sr-only">
            {arc.label} percent
          </label>
          <Input
            id={inputId}
            type="number"
            min={0}
            max={100}
            step={1}
            inputMode="numeric"
            className="w-20 text-right tabular-nums"
            value={Number.isNaN(percent) ? '' : String(percent)}
            disabled={!canWrite || !enabled}
            onChange={(e) => onChange({ enabled, percent: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
          />
          <span className="text-sm text-muted">%</span>
          <span className="w-28 text-right text-sm text-muted tabular-nums">{!enabled ? 'not used' : count === null ? '—' : `${count} conversation${count === 1 ? '' : 's'}`}</span>
        </div>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-muted hover:text-text">
          {arc.stages.length} stages · {arc.minTurns}–{arc.maxTurns} turns
        </summary>
        <ol className="mt-1 list-decimal space-y-0.5 pl-9 text-text">
          {arc.stages.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      </details>
    </li>
  );
}
