import { useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { SettingsPatch } from '../../../contract/settings';
import { Button } from '../../components/ui/button';
import { ApiError } from '../../lib/api';
import { endpoints, queries, queryKeys } from '../../lib/endpoints';

/** The settings page's form parts: cards, fields, per-section state and the save call. */
export type Errors = Record<string, string>;

export const SELECT_CLASS = 'h-9 w-full rounded-md border border-border bg-surface px-2.5 text-sm text-text shadow-sm focus:border-primary focus:outline-none focus:ring-2 focus:ring-primary/20';

/** The field an API validation error names ("generation.maxTokens"), if any. */
export function errorField(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const field = error.details.field;
  return typeof field === 'string' && field ? field : null;
}

export function useSave(onFieldError: (errors: Errors) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => endpoints.settings.update(patch),
    onSuccess: (data, _patch) => {
      client.setQueryData(queries.settings().queryKey, data);
      void client.invalidateQueries({ queryKey: queryKeys.settings.history.all });
      void client.invalidateQueries({ queryKey: queryKeys.settings.rateLimits() });
      void client.invalidateQueries({ queryKey: queryKeys.provider() });
      onFieldError({});
    },
    onError: (error) => {
      const field = errorField(error);
      onFieldError(field ? { [field]: error.message } : {});
      toast.error('Not saved', { description: error.message });
    },
  });
}

export function Card({ id, title, description, children, footer }: { id: string; title: string; description: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col rounded-lg border border-border bg-surface shadow-sm">
      <header className="border-b border-border px-4 py-3">
        <h2 id={`${id}-heading`} className="text-[15px] font-semibold">
          {title}
        </h2>
        <p className="mt-0.5 text-sm text-muted">{description}</p>
      </header>
      <div className="flex-1 space-y-4 px-4 py-4">{children}</div>
      {footer && <footer className="flex items-center justify-end gap-2 border-t border-border px-4 py-3">{footer}</footer>}
    </section>
  );
}

export function Field({ id, label, help, error, children }: { id: string; label: string; help?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-text">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      )}
      {help && (
        <p id={`${id}-help`} className="mt-1 text-xs text-muted">
          {help}
        </p>
      )}
    </div>
  );
}

export const described = (id: string, error?: string) => ({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error ${id}-help` : `${id}-help` });
export const num = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** One section's form: string drafts, the field errors from the last save, and Save sending only this section. */
export function useSectionForm<T extends Record<string, string | boolean>>(initial: T) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const save = useSave(setErrors);
  const set = <K extends keyof T>(key: K, value: T[K]) => setValues((prev) => ({ ...prev, [key]: value }));
  return { values, set, errors, save };
}

export function SaveButton({ pending, onClick, label = 'Save' }: { pending: boolean; onClick: () => void; label?: string }) {
  return (
    <Button variant="primary" loading={pending} onClick={onClick}>
      {label}
    </Button>
  );
}

export const saved = (title: string) => () => toast.success(`${title} saved`);
