import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { ArrowLeft, BarChart3, Plus } from 'lucide-react';
import type { TemplatesSearch } from '../../contract/templates';
import { can } from '../../core/roles';
import { Button } from '../components/ui/button';
import { Skeleton } from '../components/ui/skeleton';
import { NewTemplateDialog } from '../features/templates/new-template-dialog';
import { TemplateEditor } from '../features/templates/template-editor';
import { TemplatesList } from '../features/templates/templates-list';
import { VersionsPanel } from '../features/templates/versions-panel';
import { queries } from '../lib/endpoints';
import { useMe } from '../lib/queries';

function OpenTemplate({ search, canWrite, canTest }: { search: TemplatesSearch; canWrite: boolean; canTest: boolean }) {
  const navigate = useNavigate({ from: '/templates' });
  const { data: template, error, isLoading } = useQuery(queries.template(search.id as string));
  return (
    <div className="space-y-6">
      <Link to="/templates" search={{ tier: search.tier, status: search.status, q: search.q }} className="inline-flex items-center gap-1 text-sm text-primary hover:underline">
        <ArrowLeft className="h-4 w-4" aria-hidden /> All templates
      </Link>
      {isLoading && <Skeleton className="h-96 w-full" />}
      {error && <p className="rounded-md bg-danger-soft p-3 text-sm text-danger">{error.message}</p>}
      {template && (
        <>
          {/* Keyed by version and change time, so a save or an activation starts the editor from the saved text. */}
          <TemplateEditor key={`${template.id}:${template.latestVersion}:${template.updatedAt}`} template={template} canWrite={canWrite} canTest={canTest} onDeleted={() => void navigate({ search: {} })} />
          <section>
            <h2 className="mb-1 text-base font-semibold">Versions</h2>
            <p className="mb-3 text-sm text-muted">Every save is a version. Pick one to show and one to compare with for a side-by-side diff; activate a newer draft, or roll back to an older version.</p>
            <VersionsPanel template={template} selected={search.version} compare={search.compare} canWrite={canWrite} onSelect={(patch) => void navigate({ search: (s) => ({ ...s, ...patch }), replace: true })} />
          </section>
        </>
      )}
    </div>
  );
}

/** Prompt templates (US7.1.1): the list, the editor with versions and diffs, and Test template. */
export function TemplatesPage() {
  const search = useSearch({ from: '/app/templates' });
  const navigate = useNavigate({ from: '/templates' });
  const { data: me } = useMe();
  const canWrite = Boolean(me && can(me.role, 'catalog:write'));
  const canTest = Boolean(me && can(me.role, 'conversations:generate'));
  const [creating, setCreating] = useState(false);
  return (
    <section className="p-5">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Templates</h1>
          <p className="max-w-3xl text-sm text-muted">
            The prompts conversations are written from, one or more per tier. Each save is a new version; generation uses the active version, so you can edit, test and compare before switching.
          </p>
        </div>
        <div className="flex gap-2">
          <Link to="/templates/analytics" className="inline-flex h-9 items-center gap-2 rounded-md border border-border bg-surface px-3.5 text-sm font-medium shadow-sm hover:bg-surface-muted">
            <BarChart3 className="h-4 w-4" aria-hidden /> Analytics
          </Link>
          {canWrite && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              <Plus className="h-4 w-4" aria-hidden /> New template
            </Button>
          )}
        </div>
      </div>
      {search.id ? (
        <OpenTemplate key={search.id} search={search} canWrite={canWrite} canTest={canTest} />
      ) : (
        <TemplatesList search={search} canWrite={canWrite} onSearch={(patch) => void navigate({ search: (s) => ({ ...s, ...patch }), replace: true })} />
      )}
      {creating && (
        <NewTemplateDialog
          open
          onOpenChange={setCreating}
          onCreated={(t) => {
            setCreating(false);
            void navigate({ search: { id: t.id } });
          }}
        />
      )}
    </section>
  );
}
