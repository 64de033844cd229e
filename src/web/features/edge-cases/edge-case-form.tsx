import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { EdgeCaseItem } from '../../../contract/edge-cases';
import { EDGE_CASE_CATEGORIES, EDGE_CASE_CATEGORY_LABELS, type EdgeCaseCategory } from '../../../core/edge-case-categories';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Input, Label } from '../../components/ui/input';
import { endpoints, queryKeys } from '../../lib/endpoints';
import { errorText } from './api-error-text';

const FIELDS = [
  ['description', 'Conditions to test', 'What the user is like and what they push for.'],
  ['adversarialPrompt', 'Adversarial prompt', 'What the user says to push the boundary.'],
  ['expectedBehavior', 'Expected behaviour', 'What a good answer does.'],
] as const;

type Values = Record<'title' | 'category' | (typeof FIELDS)[number][0], string>;

/** Create or edit one edge-case definition (US8.3.2 "custom edge case definition"). */
export function EdgeCaseForm({ open, onOpenChange, editing }: { open: boolean; onOpenChange: (open: boolean) => void; editing: EdgeCaseItem | null }) {
  const client = useQueryClient();
  const [values, setValues] = useState<Values>(() => ({
    title: editing?.title ?? '',
    category: editing?.category ?? 'boundary_testing',
    description: editing?.description ?? '',
    adversarialPrompt: editing?.adversarialPrompt ?? '',
    expectedBehavior: editing?.expectedBehavior ?? '',
  }));
  const save = useMutation({
    mutationFn: () => {
      const body = { ...values, category: values.category as EdgeCaseCategory };
      return editing ? endpoints.edgeCases.update(editing.id, body) : endpoints.edgeCases.create(body);
    },
    onSuccess: (saved) => {
      toast.success(editing ? `Saved “${saved.title}”` : `Added “${saved.title}”`);
      void client.invalidateQueries({ queryKey: queryKeys.edgeCases.all });
      onOpenChange(false);
    },
  });
  const set = (key: keyof Values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={editing ? `Edit “${editing.title}”` : 'New edge case'}
      description="Describe the boundary to test: the conditions, what the user says, and what a good answer does."
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" loading={save.isPending} onClick={() => save.mutate()}>
            {editing ? 'Save' : 'Add edge case'}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <div>
          <Label htmlFor="edge-title">Title</Label>
          <Input id="edge-title" value={values.title} onChange={(e) => set('title', e.target.value)} />
        </div>
        <div>
          <Label htmlFor="edge-category">Category</Label>
          <select id="edge-category" className="h-9 w-full rounded-md border border-border bg-surface px-2 text-sm" value={values.category} onChange={(e) => set('category', e.target.value)}>
            {EDGE_CASE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {EDGE_CASE_CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        {FIELDS.map(([key, label, hint]) => (
          <div key={key}>
            <Label htmlFor={`edge-${key}`}>{label}</Label>
            <textarea
              id={`edge-${key}`}
              rows={3}
              placeholder={hint}
              className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm focus:border-primary focus:outline-none"
              value={values[key]}
              onChange={(e) => set(key, e.target.value)}
            />
          </div>
        ))}
        {save.error && (
          <p role="alert" className="text-sm text-danger">
            {errorText(save.error)}
          </p>
        )}
      </div>
    </Dialog>
  );
}
