import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { CatalogImportResult } from '../../../contract/dimension-catalog';
import { DIMENSIONS, DIMENSION_LABELS } from '../../../core/tiers';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { ApiError } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';

const EXAMPLE = `dimension,key,label,description,guidance,active
persona,,First-Time Buyer,Buying a first home,"Asks basic questions, worries about hidden costs",true
topic,,Returns and Refunds,Sending a product back,,`;

/** Imports a CSV or JSON file of catalog values, all or nothing; shows what changed or the first problem's line and field. */
export function ImportDialog({ open, onOpenChange, onImported }: { open: boolean; onOpenChange: (open: boolean) => void; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: async (f: File) => endpoints.catalogValues.import(await f.text(), /\.json$/i.test(f.name) || f.type === 'application/json' ? 'json' : 'csv'),
    onSuccess: onImported,
  });
  const error = run.error instanceof ApiError ? run.error : run.error ? new ApiError(0, 'unknown', String(run.error), '', false, {}) : null;
  const where = error ? (typeof error.details.line === 'number' ? `Line ${error.details.line}` : typeof error.details.index === 'number' ? `Item ${error.details.index + 1}` : null) : null;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          run.reset();
          setFile(null);
        }
        onOpenChange(next);
      }}
      title="Import catalog values"
      description="A CSV or JSON file adds new values and updates existing ones (matched by key, or by label when there is no key). If any line has a problem, nothing is imported."
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            {run.isSuccess ? 'Close' : 'Cancel'}
          </Button>
          {!run.isSuccess && (
            <Button variant="primary" disabled={!file} loading={run.isPending} onClick={() => file && run.mutate(file)}>
              Import
            </Button>
          )}
        </>
      }
    >
      <div className="space-y-4">
        <div>
          <label htmlFor="catalog-import-file" className="mb-1.5 block text-sm font-medium">
            File (.csv or .json)
          </label>
          <input
            id="catalog-import-file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-surface-muted"
            onChange={(e) => {
              run.reset();
              setFile(e.target.files?.[0] ?? null);
            }}
          />
        </div>
        <details className="text-sm">
          <summary className="cursor-pointer text-muted">What the file looks like</summary>
          <p className="mt-2 text-muted">Columns: dimension ({DIMENSIONS.join(', ')}), key (optional: derived from the label), label, description, guidance, active (true or false). JSON: a list of objects with the same fields.</p>
          <pre className="mt-2 overflow-x-auto rounded-md bg-surface-muted p-2 text-xs">{EXAMPLE}</pre>
        </details>
        {run.isSuccess && <ImportSummary result={run.data} />}
        {error && (
          <div role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2" data-testid="import-error">
            <p className="font-medium text-danger">Nothing was imported.</p>
            <p className="mt-1">{error.message}</p>
            {where && !error.message.startsWith(where) && (
              <p className="mt-1 text-muted">
                {where}
                {typeof error.details.field === 'string' ? ` · field “${error.details.field}”` : ''}
              </p>
            )}
            {error.hint && <p className="mt-1 text-muted">{error.hint}</p>}
          </div>
        )}
      </div>
    </Dialog>
  );
}

function ImportSummary({ result }: { result: CatalogImportResult }) {
  const changed = DIMENSIONS.filter((d) => result.added[d] || result.updated[d]);
  return (
    <div role="status" className="rounded-md border border-success/30 bg-success-soft px-3 py-2" data-testid="import-result">
      <p className="font-medium">Imported {result.total} value{result.total === 1 ? '' : 's'}.</p>
      <ul className="mt-1 text-muted">
        {changed.map((d) => (
          <li key={d}>
            {DIMENSION_LABELS[d]}: {result.added[d]} added, {result.updated[d]} updated
          </li>
        ))}
      </ul>
    </div>
  );
}
