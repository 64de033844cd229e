import type { ReactNode } from 'react';
import { Checkbox } from '../../components/ui/checkbox';

/**
 * "All" or a chosen few, as checkboxes: `chosen` null means every option (the default, and
 * what the request leaves out).
 */
export function ChoiceList({
  legend,
  options,
  chosen,
  onChange,
  empty,
}: {
  legend: string;
  options: { key: string; label: string; note?: string }[];
  chosen: string[] | null;
  onChange: (chosen: string[] | null) => void;
  empty: ReactNode;
}) {
  const isOn = (key: string) => chosen === null || chosen.includes(key);
  const toggle = (key: string, on: boolean) => {
    const next = (chosen ?? options.map((o) => o.key)).filter((k) => k !== key).concat(on ? [key] : []);
    onChange(next.length === options.length ? null : next);
  };
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1.5 text-sm font-medium text-text">
        {legend} <span className="font-normal text-muted">({chosen === null ? 'all' : `${chosen.length} of ${options.length}`})</span>
      </legend>
      {options.length === 0 ? (
        <p className="text-xs text-muted">{empty}</p>
      ) : (
        <ul className="max-h-36 space-y-1 overflow-y-auto rounded-md border border-border p-2">
          {options.map((o) => (
            <li key={o.key} className="flex items-center gap-2 text-sm">
              <Checkbox checked={isOn(o.key)} onCheckedChange={(on) => toggle(o.key, on)} label={o.label} />
              <span className="truncate">{o.label}</span>
              {o.note && <span className="ml-auto shrink-0 text-xs text-muted">{o.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
