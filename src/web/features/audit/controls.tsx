import type { ReactNode } from 'react';
import { Download, ShieldAlert } from 'lucide-react';
import { Input } from '../../components/ui/input';
import { ApiError } from '../../lib/api';
import type { AuditSearch } from './audit-search';

export type SetAuditSearch = (patch: Partial<AuditSearch>) => void;

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

/** From and To, local dates, shared by the review log and the activity report. */
export function DateRange({ search, setSearch, idPrefix }: { search: AuditSearch; setSearch: SetAuditSearch; idPrefix: string }) {
  return (
    <>
      <Field label="From" htmlFor={`${idPrefix}-from`}>
        <Input id={`${idPrefix}-from`} type="date" className="h-8 w-36" value={search.from ?? ''} max={search.to} onChange={(e) => setSearch({ from: e.target.value || undefined })} />
      </Field>
      <Field label="To" htmlFor={`${idPrefix}-to`}>
        <Input id={`${idPrefix}-to`} type="date" className="h-8 w-36" value={search.to ?? ''} min={search.from} onChange={(e) => setSearch({ to: e.target.value || undefined })} />
      </Field>
    </>
  );
}

export function CsvLink({ href, testId, label = 'Download CSV' }: { href: string; testId: string; label?: string }) {
  return (
    <a href={href} download className="inline-flex h-9 items-center gap-2 rounded-md border border-border bg-surface px-3.5 text-sm font-medium text-text shadow-sm hover:bg-surface-muted" data-testid={testId}>
      <Download className="h-4 w-4" aria-hidden /> {label}
    </a>
  );
}

/** A failed load in words: a role without audit access gets told who has it. */
export function LoadError({ error, what }: { error: unknown; what: string }) {
  if (error instanceof ApiError && error.status === 403) {
    return (
      <div className="flex flex-col items-center gap-2 py-12 text-center" role="alert">
        <ShieldAlert className="h-9 w-9 text-muted" aria-hidden />
        <p className="font-medium">{error.message}</p>
        <p className="text-sm text-muted">Admins and reviewers can read the audit trail and reports. {error.hint}</p>
      </div>
    );
  }
  return (
    <p role="alert" className="px-4 py-6 text-center text-danger">
      {error instanceof ApiError ? `${error.message} ${error.hint}` : `${what} could not be loaded.`}
    </p>
  );
}

export const TABLE_HEAD = 'bg-surface-muted text-left text-xs font-semibold tracking-wide text-muted uppercase';
export const TH = 'border-b border-border px-3 py-2.5 whitespace-nowrap';
