import type { ReactNode } from 'react';
import { Input } from './input';

/** A labelled control in a page's filter bar (errors, review log, activity report, exports). */
export function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-xs font-medium text-muted">
        {label}
      </label>
      {children}
    </div>
  );
}

export function Select({ id, value, onChange, children }: { id: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className="h-8 max-w-64 rounded-md border border-border bg-surface px-2 text-sm text-text shadow-sm focus:border-primary focus:ring-2 focus:ring-primary/20 focus:outline-none"
    >
      {children}
    </select>
  );
}

/** From and To as local dates, each bounding the other; an emptied field clears its bound. */
export function DateRange({ from, to, onChange, idPrefix }: { from?: string; to?: string; onChange: (patch: { from?: string; to?: string }) => void; idPrefix: string }) {
  return (
    <>
      <Field label="From" htmlFor={`${idPrefix}-from`}>
        <Input id={`${idPrefix}-from`} type="date" className="h-8 w-36" value={from ?? ''} max={to} onChange={(e) => onChange({ from: e.target.value || undefined })} />
      </Field>
      <Field label="To" htmlFor={`${idPrefix}-to`}>
        <Input id={`${idPrefix}-to`} type="date" className="h-8 w-36" value={to ?? ''} min={from} onChange={(e) => onChange({ to: e.target.value || undefined })} />
      </Field>
    </>
  );
}
