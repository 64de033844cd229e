import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { Layers, Plus, Search, Sparkles } from 'lucide-react';
import { toast } from 'sonner';
import { SCENARIO_CATEGORIES, SCENARIO_CATEGORY_LABELS, SCENARIO_ORIGINS, SCENARIO_ORIGIN_LABELS, type ScenarioItem } from '../../contract/scenarios';
import { can } from '../../core/roles';
import { Button } from '../components/ui/button';
import { Dialog } from '../components/ui/dialog';
import { EmptyState } from '../components/ui/empty-state';
import { Input } from '../components/ui/input';
import { Skeleton } from '../components/ui/skeleton';
import { ApiError } from '../lib/api';
import { endpoints, queries, queryKeys } from '../lib/endpoints';
import { useLabels, useMe } from '../lib/queries';
import { GenerateDialog } from '../features/runs/generate-dialog';
import { DeriveScenariosButton } from '../features/scenarios/derive-scenarios-button';
import { DiversityPanel } from '../features/scenarios/diversity-panel';
import { ScenarioCard, type ScenarioActions } from '../features/scenarios/scenario-card';
import { ScenarioEditor } from '../features/scenarios/scenario-editor';
import type { ScenariosSearch } from '../features/scenarios/scenarios-search';

const PAGE_SIZE = 50;
const selectBox = 'h-9 rounded-md border border-border bg-surface px-2 text-sm';
const errorText = (err: unknown) => (err instanceof ApiError ? `${err.message} ${err.hint}` : String(err));

/**
 * Tier 2 — scenarios (US8.2.1, US8.2.2): the library (search, filters, create, edit, favourite,
 * duplicate, archive, delete), scenarios drawn from documents, "Generate All Tier 2" and the
 * diversity report. Filters and the open scenario live in the URL.
 */
export function ScenariosPage() {
  const search = useSearch({ from: '/app/scenarios' }) as ScenariosSearch;
  const navigate = useNavigate({ from: '/scenarios' });
  const setSearch = (change: Partial<ScenariosSearch>) => void navigate({ search: (prev: ScenariosSearch) => ({ ...prev, page: undefined, ...change }), replace: true });
  const client = useQueryClient();
  const { data: me } = useMe();
  const canWrite = Boolean(me && can(me.role, 'catalog:write'));
  const canRun = Boolean(me && can(me.role, 'runs:manage'));
  const label = useLabels();
  const [editing, setEditing] = useState<ScenarioItem | null>(null);
  const [editorOpen, setEditorOpen] = useState(false);
  const [deleting, setDeleting] = useState<ScenarioItem | null>(null);
  const [generateOpen, setGenerateOpen] = useState(false);

  const query = {
    q: search.q,
    category: search.category,
    tag: search.tag,
    favorite: search.favorite === 'true' ? true : undefined,
    archived: search.archived === 'true' ? true : undefined,
    origin: search.origin,
    document: search.document,
    page: search.page ?? 1,
    pageSize: PAGE_SIZE,
  };
  const list = useQuery(queries.scenarios(query));
  const anyAtAll = useQuery(queries.scenarios({ pageSize: 1 }));
  const archivedCount = useQuery(queries.scenarios({ pageSize: 1, archived: true }));
  const documents = useQuery(queries.documents({}));
  const filtered = Boolean(search.q || search.category || search.tag || search.favorite || search.archived === 'true' || search.origin || search.document);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const emptyWorkspace = anyAtAll.data?.total === 0 && archivedCount.data?.total === 0;

  const refresh = () => void client.invalidateQueries({ queryKey: queryKeys.scenarios.all });
  const update = useMutation({
    mutationFn: ({ s, patch }: { s: ScenarioItem; patch: { favorite?: boolean; archived?: boolean } }) => endpoints.scenarios.update(s.id, patch),
    onSuccess: (saved, { patch }) => {
      refresh();
      if (patch.archived !== undefined) toast.success(patch.archived ? `Archived “${saved.title}”` : `“${saved.title}” is back in the library`, { description: patch.archived ? 'It is no longer used for new conversations; find it under “Archived”.' : undefined });
    },
    onError: (err) => toast.error('Could not change the scenario', { description: errorText(err) }),
  });
  const duplicate = useMutation({
    mutationFn: (s: ScenarioItem) => endpoints.scenarios.duplicate(s.id),
    onSuccess: (copy) => {
      refresh();
      toast.success(`Made “${copy.title}”`, { description: 'Edit it to make your variation.' });
      setSearch({ scenario: copy.id, archived: undefined, favorite: undefined });
    },
    onError: (err) => toast.error('Could not duplicate the scenario', { description: errorText(err) }),
  });
  const remove = useMutation({
    mutationFn: (s: ScenarioItem) => endpoints.scenarios.remove(s.id),
    onSuccess: (_r, s) => {
      refresh();
      setDeleting(null);
      toast.success(`Deleted “${s.title}”`);
    },
    onError: (err) => toast.error('Could not delete the scenario', { description: errorText(err) }),
  });
  const actions: ScenarioActions = {
    edit: (s) => {
      setEditing(s);
      setEditorOpen(true);
    },
    duplicate: (s) => duplicate.mutate(s),
    favorite: (s) => update.mutate({ s, patch: { favorite: !s.favorite } }),
    archive: (s) => update.mutate({ s, patch: { archived: !s.archived } }),
    remove: (s) => setDeleting(s),
  };
  const write = () => {
    setEditing(null);
    setEditorOpen(true);
  };
  const hasDocuments = (documents.data?.items.length ?? 0) > 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <section className="h-full overflow-y-auto p-5">
      <header className="mb-4 flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <h1 className="text-xl font-semibold">Scenarios</h1>
          <p className="text-sm text-muted">Tier 2: real-world situations — a customer’s problem, the recommended action and the outcome — that conversations are built on. Draw them from your documents or write them, then generate.</p>
        </div>
        {!emptyWorkspace && (
          <div className="flex flex-wrap items-center gap-2">
            {canRun && hasDocuments && <DeriveScenariosButton />}
            {canWrite && (
              <Button variant="secondary" onClick={write} data-testid="new-scenario">
                <Plus className="h-4 w-4" aria-hidden /> Write a scenario
              </Button>
            )}
            {canRun && (
              <Button variant="primary" onClick={() => setGenerateOpen(true)} data-testid="generate-tier-2">
                <Layers className="h-4 w-4" aria-hidden /> Generate All Tier 2
              </Button>
            )}
          </div>
        )}
      </header>

      {emptyWorkspace ? (
        <EmptyState
          icon={Sparkles}
          title="No scenarios yet"
          hint="A scenario is a situation a real customer brings — say, an inheritance windfall or a career change — with the problem, the action your material recommends and the outcome. Conversations of tier 2 are built on them. Draw them from your documents, or write one yourself."
          testId="scenarios-empty"
        >
          <div className="mt-2 flex flex-wrap justify-center gap-2">
            {canRun && (hasDocuments ? <DeriveScenariosButton variant="primary" /> : <Link to="/documents" className="inline-flex h-9 items-center rounded-md bg-primary px-3.5 text-sm font-medium text-white">Upload documents first</Link>)}
            {canWrite && (
              <Button variant="secondary" onClick={write}>
                <Plus className="h-4 w-4" aria-hidden /> Write one
              </Button>
            )}
          </div>
        </EmptyState>
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-center gap-2">
            <div className="relative">
              <Search className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-muted" aria-hidden />
              <Input className="w-72 pl-8" placeholder="Search title, problem, solution, tags" aria-label="Search scenarios" value={search.q ?? ''} onChange={(e) => setSearch({ q: e.target.value || undefined })} />
            </div>
            <select className={selectBox} aria-label="Filter by category" value={search.category ?? ''} onChange={(e) => setSearch({ category: (e.target.value || undefined) as ScenariosSearch['category'] })}>
              <option value="">All categories</option>
              {SCENARIO_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {SCENARIO_CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
            <select className={selectBox} aria-label="Filter by origin" value={search.origin ?? ''} onChange={(e) => setSearch({ origin: (e.target.value || undefined) as ScenariosSearch['origin'] })}>
              <option value="">Any origin</option>
              {SCENARIO_ORIGINS.map((o) => (
                <option key={o} value={o}>
                  {SCENARIO_ORIGIN_LABELS[o]}
                </option>
              ))}
            </select>
            <select className={`${selectBox} max-w-56`} aria-label="Filter by source document" value={search.document ?? ''} onChange={(e) => setSearch({ document: e.target.value || undefined })}>
              <option value="">Any document</option>
              {(documents.data?.items ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
            <Input className="w-32" placeholder="Tag" aria-label="Filter by tag" value={search.tag ?? ''} onChange={(e) => setSearch({ tag: e.target.value.trim().toLowerCase() || undefined })} />
            <label className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" className="h-4 w-4" checked={search.favorite === 'true'} onChange={(e) => setSearch({ favorite: e.target.checked ? 'true' : undefined })} /> Favourites
            </label>
            <label className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" className="h-4 w-4" checked={search.archived === 'true'} onChange={(e) => setSearch({ archived: e.target.checked ? 'true' : undefined })} /> Archived
            </label>
            <span className="ml-auto text-sm text-muted" data-testid="scenario-count">
              {total.toLocaleString()} scenario{total === 1 ? '' : 's'}
            </span>
          </div>

          {list.isLoading && <Skeleton className="h-40" />}
          {list.error && <p className="text-danger">{errorText(list.error)}</p>}
          {list.data && items.length === 0 && (
            <EmptyState icon={Search} title={filtered ? 'No scenario matches' : 'No active scenarios'} hint={filtered ? 'Change the search or clear the filters.' : 'Every scenario is archived. Tick “Archived” to see them, or write a new one.'} />
          )}
          <ul className="space-y-2" aria-label="Scenarios">
            {items.map((s) => (
              <ScenarioCard key={s.id} scenario={s} open={search.scenario === s.id} onToggle={() => void navigate({ search: (prev: ScenariosSearch) => ({ ...prev, scenario: prev.scenario === s.id ? undefined : s.id }), replace: true })} actions={actions} canWrite={canWrite} label={label} />
            ))}
          </ul>
          {pages > 1 && (
            <div className="mt-3 flex items-center justify-end gap-2 text-sm">
              <Button size="sm" disabled={(search.page ?? 1) <= 1} onClick={() => setSearch({ page: (search.page ?? 1) - 1 })}>
                Previous
              </Button>
              <span>
                Page {search.page ?? 1} of {pages}
              </span>
              <Button size="sm" disabled={(search.page ?? 1) >= pages} onClick={() => setSearch({ page: (search.page ?? 1) + 1 })}>
                Next
              </Button>
            </div>
          )}
          <DiversityPanel onOpen={(id) => setSearch({ scenario: id, q: undefined, category: undefined, tag: undefined, favorite: undefined, archived: undefined, origin: undefined, document: undefined })} />
        </>
      )}

      <ScenarioEditor scenario={editing} open={editorOpen} onOpenChange={setEditorOpen} />
      <GenerateDialog selector={{ tier: 'scenario' }} title="Generate All Tier 2" open={generateOpen} onOpenChange={setGenerateOpen} requireAcknowledgement />
      <Dialog
        open={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title={`Delete “${deleting?.title ?? ''}”?`}
        description={deleting && deleting.usage.conversations > 0 ? `${deleting.usage.conversations} conversations use it, so it cannot be deleted. Archive it instead: they keep it, and no new ones are planned from it.` : 'It is removed from the library for good. No conversation uses it.'}
        footer={
          <>
            <Button variant="secondary" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            {deleting && deleting.usage.conversations > 0 ? (
              <Button
                variant="primary"
                onClick={() => {
                  update.mutate({ s: deleting, patch: { archived: true } });
                  setDeleting(null);
                }}
              >
                Archive instead
              </Button>
            ) : (
              <Button variant="danger" onClick={() => deleting && remove.mutate(deleting)} loading={remove.isPending} data-testid="confirm-delete-scenario">
                Delete
              </Button>
            )}
          </>
        }
      >
        {null}
      </Dialog>
    </section>
  );
}
