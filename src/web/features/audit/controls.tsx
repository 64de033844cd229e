import { Download, ShieldAlert } from 'lucide-react';
import { ApiError } from '../../lib/api';
import type { AuditSearch } from './audit-search';

export type SetAuditSearch = (patch: Partial<AuditSearch>) => void;

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
