import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { TemplateDetail } from '../../../contract/templates';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { ApiError } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';
import { TemplateFormFields, type TemplateMeta } from './template-form-fields';
import { useRefreshTemplates } from './use-templates';

/** A starting text with the usual placeholders, so a new template renders at once and is edited from there. */
const STARTER = `Write one realistic conversation of 8 to 16 turns.

- User persona: {persona}{persona_description? ({persona_description})}
- The user starts feeling {emotion}.
- Topic: {topic}
- What the user wants: {intent}
- Assistant tone: {tone}
{chunk_content?
Ground the conversation in this excerpt from our material:
{chunk_content}}`;

/** "New template": name, tier and the rest; version 1 is the starter text, edited next in the editor. */
export function NewTemplateDialog({ open, onOpenChange, onCreated }: { open: boolean; onOpenChange: (open: boolean) => void; onCreated: (t: TemplateDetail) => void }) {
  const [meta, setMeta] = useState<TemplateMeta>({ name: '', description: '', tier: 'template', arcKey: null, applicablePersonas: [], applicableEmotions: [] });
  const [error, setError] = useState<ApiError | null>(null);
  const refresh = useRefreshTemplates();
  const create = useMutation({
    mutationFn: () => endpoints.templates.create({ ...meta, body: STARTER, notes: 'First version' }),
    onSuccess: (t) => {
      toast.success(`Created ${t.name}${t.active ? '' : ' (inactive until a test succeeds)'}`);
      refresh();
      onCreated(t);
    },
    onError: (err) => setError(err instanceof ApiError ? err : null),
  });
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="New template"
      description="Name it and choose its tier. It starts with a text that uses the usual placeholders; edit it in the editor next."
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" form="new-template-form" type="submit" loading={create.isPending} disabled={!meta.name.trim()}>
            Create and edit
          </Button>
        </>
      }
    >
      <form
        id="new-template-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (meta.name.trim()) create.mutate();
        }}
      >
        <TemplateFormFields meta={meta} onChange={(p) => setMeta({ ...meta, ...p })} errorField={typeof error?.details.field === 'string' ? error.details.field : null} />
        {error && (
          <div role="alert" className="mt-3 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm">
            <p className="font-medium text-danger">{error.message}</p>
            {error.hint && <p className="mt-0.5 text-muted">{error.hint}</p>}
          </div>
        )}
      </form>
    </Dialog>
  );
}
