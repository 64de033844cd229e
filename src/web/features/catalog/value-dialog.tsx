import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { CatalogItem } from '../../../contract/dimension-catalog';
import { DIMENSION_LABELS, type Dimension } from '../../../core/tiers';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Input, Label } from '../../components/ui/input';
import { ApiError } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';
import { DIMENSION_HELP } from './dimension-help';

const TEXTAREA = 'w-full rounded-md border border-border bg-surface px-3 py-2 text-sm text-text shadow-sm placeholder:text-muted focus:border-primary focus:outline-none focus:ring-2 focus:ring-primary/20';

/** Add a value (no `item`) or edit one: label, description and the guidance that goes into prompts. */
export function ValueDialog({ dimension, item, open, onOpenChange, onSaved }: { dimension: Dimension; item: CatalogItem | null; open: boolean; onOpenChange: (open: boolean) => void; onSaved: () => void }) {
  const [label, setLabel] = useState(item?.label ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [guidance, setGuidance] = useState(item?.guidance ?? '');
  const [error, setError] = useState<{ field: string | null; message: string; hint: string } | null>(null);
  const name = DIMENSION_LABELS[dimension].toLowerCase();
  const example = DIMENSION_HELP[dimension].example;
  const save = useMutation({
    mutationFn: () => (item ? endpoints.catalogValues.update(dimension, item.key, { label, description, guidance }) : endpoints.catalogValues.create(dimension, { label, description, guidance })),
    onSuccess: (saved) => {
      toast.success(item ? `Saved ${saved.label}` : `Added the ${name} ${saved.label}`);
      onSaved();
      onOpenChange(false);
    },
    onError: (err) => setError(err instanceof ApiError ? { field: typeof err.details.field === 'string' ? err.details.field : null, message: err.message, hint: err.hint } : { field: null, message: String(err), hint: '' }),
  });
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={item ? `Edit ${item.label}` : `Add a ${name}`}
      description={item ? `Key ${item.key} stays the same, so conversations that use it keep it.` : DIMENSION_HELP[dimension].purpose}
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" loading={save.isPending} disabled={!label.trim()} form="catalog-value-form" type="submit">
            {item ? 'Save' : `Add ${name}`}
          </Button>
        </>
      }
    >
      <form
        id="catalog-value-form"
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (label.trim()) save.mutate();
        }}
      >
        <div>
          <Label htmlFor="catalog-label">Label</Label>
          <Input id="catalog-label" value={label} onChange={(e) => setLabel(e.target.value)} placeholder={example.label} maxLength={80} autoFocus aria-invalid={Boolean(fieldError('label')) || undefined} />
          {fieldError('label') && <p className="mt-1 text-xs text-danger">{fieldError('label')}</p>}
        </div>
        <div>
          <Label htmlFor="catalog-description">Description</Label>
          <textarea id="catalog-description" className={TEXTAREA} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} placeholder={example.description} maxLength={1000} />
          <p className="mt-1 text-xs text-muted">For people: shown in the catalog, filters and tooltips.</p>
        </div>
        <div>
          <Label htmlFor="catalog-guidance">Guidance for the prompt</Label>
          <textarea id="catalog-guidance" className={TEXTAREA} rows={4} value={guidance} onChange={(e) => setGuidance(e.target.value)} placeholder={example.guidance} maxLength={4000} />
          <p className="mt-1 text-xs text-muted">For the model: this text goes into every prompt that uses this {name}. Say how it should show in the conversation.</p>
        </div>
        {error && !error.field?.match(/^label$/) && (
          <div role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm">
            <p className="font-medium text-danger">{error.message}</p>
            {error.hint && <p className="mt-0.5 text-muted">{error.hint}</p>}
          </div>
        )}
        {error?.field === 'label' && error.hint && <p className="text-xs text-muted">{error.hint}</p>}
      </form>
    </Dialog>
  );
}
