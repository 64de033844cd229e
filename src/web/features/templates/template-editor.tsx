import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { CheckCircle2, FlaskConical, Save, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import type { TemplateDetail } from '../../../contract/templates';
import { unknownPlaceholders } from '../../../core/prompt-parameters';
import { TIER_LABELS } from '../../../core/tiers';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Input, Label } from '../../components/ui/input';
import { ApiError } from '../../lib/api';
import { endpoints } from '../../lib/endpoints';
import { BodyEditor } from './body-editor';
import { PromptPreview } from './prompt-preview';
import { TemplateFormFields, type TemplateMeta } from './template-form-fields';
import { TestDialog } from './test-dialog';
import { ActiveSwitch, VersionBadge } from './templates-list';
import { formatQuality, formatRate, toastError, useRefreshTemplates } from './use-templates';

const metaOf = (t: TemplateDetail): TemplateMeta => ({ name: t.name, description: t.description, tier: t.tier, arcKey: t.arcKey, applicablePersonas: t.applicablePersonas, applicableEmotions: t.applicableEmotions });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The template editor: metadata, the body with highlighted placeholders and a live preview.
 * Saving a changed body makes a new draft version (with a note); generation keeps the active
 * version until the draft is activated. The body edited is the newest version (the draft, if any).
 */
export function TemplateEditor({ template, canWrite, canTest, onDeleted }: { template: TemplateDetail; canWrite: boolean; canTest: boolean; onDeleted: () => void }) {
  const newest = template.draft ?? { version: template.currentVersion, body: template.body };
  const [meta, setMeta] = useState<TemplateMeta>(metaOf(template));
  const [body, setBody] = useState(newest.body);
  const [notes, setNotes] = useState('');
  const [testing, setTesting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const refresh = useRefreshTemplates();
  const bodyChanged = body !== newest.body;
  const metaChanged = !same(meta, metaOf(template));
  const unknown = unknownPlaceholders(body);

  const save = useMutation({
    mutationFn: () => {
      const original = metaOf(template);
      const changes = Object.fromEntries(Object.entries(meta).filter(([k, v]) => !same(v, original[k as keyof TemplateMeta])));
      return endpoints.templates.update(template.id, { ...changes, ...(bodyChanged ? { body, notes: notes.trim() || undefined } : {}) });
    },
    onSuccess: (result) => {
      setError(null);
      setNotes('');
      toast.success(result.savedVersion ? `Saved as draft v${result.savedVersion}: activate it when it is ready` : 'Saved');
      refresh();
    },
    onError: (err) => setError(err instanceof ApiError ? err : null),
  });
  const activate = useMutation({
    mutationFn: () => endpoints.templates.activate(template.id, newest.version),
    onSuccess: (t) => {
      toast.success(`${t.name} v${t.currentVersion} is active: new generations use it`);
      refresh();
    },
    onError: toastError('Not activated'),
  });
  const remove = useMutation({
    mutationFn: () => endpoints.templates.remove(template.id),
    onSuccess: () => {
      toast.success(`Deleted ${template.name}`);
      refresh();
      onDeleted();
    },
    onError: toastError('Not deleted'),
  });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="text-lg font-semibold">{template.name}</h2>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
            <span>{TIER_LABELS[template.tier]} tier</span>
            <VersionBadge template={template} />
            <span className="inline-flex items-center gap-1.5">
              <ActiveSwitch template={template} disabled={!canWrite} /> {template.active ? 'Active' : 'Off'}
            </span>
            <span>
              {template.usage.generated} conversations · quality {formatQuality(template.usage.averageQuality)} · approval {formatRate(template.usage.approvalRate)}
            </span>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canTest && (
            <Button onClick={() => setTesting(true)} disabled={bodyChanged} title={bodyChanged ? 'Save first: a test sends a saved version' : undefined}>
              <FlaskConical className="h-4 w-4" aria-hidden /> Test template
            </Button>
          )}
          {canWrite && template.hasDraft && !bodyChanged && (
            <Button variant="success" loading={activate.isPending} onClick={() => activate.mutate()}>
              <CheckCircle2 className="h-4 w-4" aria-hidden /> Activate v{newest.version}
            </Button>
          )}
          {canWrite && (
            <Button variant="ghost" onClick={() => setDeleting(true)} aria-label={`Delete ${template.name}`}>
              <Trash2 className="h-4 w-4" aria-hidden /> Delete
            </Button>
          )}
        </div>
      </div>

      <div className="grid gap-4 2xl:grid-cols-[20rem_minmax(0,1fr)_minmax(0,0.8fr)] xl:grid-cols-[18rem_minmax(0,1fr)]">
        <div className="rounded-lg border border-border bg-surface p-3">
          <TemplateFormFields meta={meta} onChange={(p) => setMeta({ ...meta, ...p })} disabled={!canWrite} errorField={typeof error?.details.field === 'string' ? error.details.field : null} />
        </div>
        <div className="min-w-0 space-y-2">
          <p className="text-sm text-muted">
            Editing {template.draft ? `draft v${newest.version}` : `v${newest.version}${template.active ? ' (active)' : ''}`}. Saving a changed text makes v{Math.max(template.latestVersion, newest.version) + 1}, a draft: conversations keep using v{template.currentVersion} until you activate it.
          </p>
          <BodyEditor value={body} onChange={setBody} readOnly={!canWrite} />
          {canWrite && (
            <form
              className="flex flex-wrap items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                save.mutate();
              }}
            >
              <div className="min-w-56 flex-1">
                <Label htmlFor="version-note">Note for this version</Label>
                <Input id="version-note" value={notes} maxLength={500} disabled={!bodyChanged} placeholder={bodyChanged ? 'What changed and why' : 'Change the text to save a new version'} onChange={(e) => setNotes(e.target.value)} />
              </div>
              <Button type="submit" variant="primary" loading={save.isPending} disabled={(!bodyChanged && !metaChanged) || unknown.length > 0 || !meta.name.trim() || !body.trim()}>
                <Save className="h-4 w-4" aria-hidden /> {bodyChanged ? 'Save as draft' : 'Save'}
              </Button>
              {(bodyChanged || metaChanged) && (
                <Button
                  variant="ghost"
                  onClick={() => {
                    setBody(newest.body);
                    setMeta(metaOf(template));
                    setError(null);
                  }}
                >
                  Discard changes
                </Button>
              )}
            </form>
          )}
          {error && (
            <div role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm">
              <p className="font-medium text-danger">{error.message}</p>
              {error.hint && <p className="mt-0.5 text-muted">{error.hint}</p>}
            </div>
          )}
        </div>
        <div className="min-h-[24rem] min-w-0 xl:col-span-2 2xl:col-span-1">
          <PromptPreview body={body} tier={meta.tier} arcKey={meta.arcKey} />
        </div>
      </div>

      {testing && <TestDialog template={template} version={newest.version} open onOpenChange={setTesting} />}
      {deleting && (
        <Dialog
          open
          onOpenChange={setDeleting}
          title={template.conversationCount ? `${template.name} is in use` : `Delete ${template.name}?`}
          description={
            template.conversationCount
              ? `${template.conversationCount} conversation${template.conversationCount === 1 ? ' was' : 's were'} planned or made with this template, so it cannot be deleted: they would lose the record of their prompt. Turn it off instead; new plans then skip it.`
              : `No conversation uses it. Its ${template.latestVersion} version${template.latestVersion === 1 ? '' : 's'} and tests are deleted with it, and this cannot be undone.`
          }
          footer={
            <>
              <Button variant="ghost" onClick={() => setDeleting(false)}>
                Cancel
              </Button>
              {template.conversationCount ? (
                template.active && (
                  <Button
                    variant="primary"
                    onClick={() =>
                      void endpoints.templates.deactivate(template.id).then(() => {
                        toast.success(`${template.name} is off`);
                        setDeleting(false);
                        refresh();
                      }, toastError('Not changed'))
                    }
                  >
                    Turn it off
                  </Button>
                )
              ) : (
                <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
                  Delete
                </Button>
              )}
            </>
          }
        />
      )}
    </div>
  );
}
