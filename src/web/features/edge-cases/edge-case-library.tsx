import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { toast } from 'sonner';
import type { EdgeCaseItem, EdgeCaseListQuery } from '../../../contract/edge-cases';
import { EDGE_CASE_CATEGORIES, EDGE_CASE_CATEGORY_LABELS, type EdgeCaseCategory } from '../../../core/edge-case-categories';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { endpoints, queries, queryKeys } from '../../lib/endpoints';
import { errorText } from './api-error-text';
import { EdgeCaseForm } from './edge-case-form';

const categoryLabel = (c: string) => EDGE_CASE_CATEGORY_LABELS[c as EdgeCaseCategory] ?? c;

/** The edge-case library (US8.3.1): each definition with its adversarial prompt, expected behaviour and usage. */
export function EdgeCaseLibrary({ canWrite }: { canWrite: boolean }) {
  const client = useQueryClient();
  const [query, setQuery] = useState<EdgeCaseListQuery>({});
  const [editing, setEditing] = useState<EdgeCaseItem | 'new' | null>(null);
  const list = useQuery(queries.edgeCases(query));
  const refresh = () => void client.invalidateQueries({ queryKey: queryKeys.edgeCases.all });
  const archive = useMutation({
    mutationFn: (e: EdgeCaseItem) => endpoints.edgeCases.update(e.id, { archived: !e.archived }),
    onSuccess: (e) => {
      toast.success(e.archived ? `Archived “${e.title}”: new plans no longer draw it` : `Restored “${e.title}”`);
      refresh();
    },
    onError: (err) => toast.error('Could not change it', { description: errorText(err) }),
  });
  const remove = useMutation({
    mutationFn: (e: EdgeCaseItem) => endpoints.edgeCases.remove(e.id),
    onSuccess: () => {
      toast.success('Edge case deleted');
      refresh();
    },
    onError: (err) => toast.error('Could not delete it', { description: errorText(err) }),
  });
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="edge-library" className="rounded-xl border border-border bg-surface p-4">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="edge-library" className="text-base font-semibold">
            Library
          </h2>
          <p className="text-sm text-muted">The boundaries edge-case conversations test. Archive one to stop planning it; delete only what no conversation uses.</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Input aria-label="Search edge cases" placeholder="Search…" className="w-48" value={query.q ?? ''} onChange={(e) => setQuery((q) => ({ ...q, q: e.target.value || undefined }))} />
          <select
            aria-label="Category"
            className="h-9 rounded-md border border-border bg-surface px-2 text-sm"
            value={query.category ?? ''}
            onChange={(e) => setQuery((q) => ({ ...q, category: (e.target.value || undefined) as EdgeCaseCategory | undefined }))}
          >
            <option value="">All categories</option>
            {EDGE_CASE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {EDGE_CASE_CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
          <label className="flex items-center gap-1.5 text-sm text-muted">
            <input type="checkbox" checked={query.archived === 'all'} onChange={(e) => setQuery((q) => ({ ...q, archived: e.target.checked ? 'all' : undefined }))} />
            Show archived
          </label>
          {canWrite && (
            <Button variant="primary" onClick={() => setEditing('new')}>
              <Plus className="h-4 w-4" aria-hidden /> New edge case
            </Button>
          )}
        </div>
      </div>
      {list.error && <p className="text-sm text-danger">{errorText(list.error)}</p>}
      {list.isPending ? (
        <p className="text-sm text-muted">Loading the library…</p>
      ) : items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-4 text-sm text-muted">
          No edge case matches. Clear the search, show archived ones, or add your own with “New edge case”.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[900px] text-left text-sm" aria-label="Edge cases">
            <thead className="text-[11px] tracking-wide text-muted uppercase">
              <tr className="border-b border-border">
                <th className="min-w-[180px] py-2 pr-3">Edge case</th>
                <th className="py-2 pr-3">Category</th>
                <th className="w-[28%] py-2 pr-3">Adversarial prompt</th>
                <th className="w-[28%] py-2 pr-3">Expected behaviour</th>
                <th className="py-2 pr-3 text-right">Used</th>
                <th className="py-2 pr-3 text-right">Approved</th>
                <th className="py-2 pr-3 text-right">Below bar</th>
                {canWrite && <th className="py-2" aria-label="Actions" />}
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} data-edge-case={e.title} className="border-b border-border align-top last:border-0">
                  <td className="py-2 pr-3">
                    <div className="font-medium text-text">{e.title}</div>
                    <div className="text-xs text-muted">
                      {e.origin === 'default' ? 'Built in' : e.origin === 'demo' ? 'Demo' : e.origin === 'suggested' ? 'From a suggestion' : 'Your own'}
                      {e.archived && ' · archived'}
                    </div>
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">{categoryLabel(e.category)}</td>
                  <td className="py-2 pr-3 text-muted italic">“{e.adversarialPrompt}”</td>
                  <td className="py-2 pr-3 text-muted">{e.expectedBehavior || '—'}</td>
                  <td className="py-2 pr-3 text-right tabular-nums" title={`${e.usage.generated} generated of ${e.usage.conversations} planned`}>
                    {e.usage.conversations}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{e.usage.approved}</td>
                  <td className={`py-2 pr-3 text-right tabular-nums ${e.usage.belowBar ? 'font-semibold text-warning' : ''}`}>{e.usage.belowBar}</td>
                  {canWrite && (
                    <td className="py-2 whitespace-nowrap">
                      <Button size="sm" variant="ghost" onClick={() => setEditing(e)}>
                        Edit
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => archive.mutate(e)}>
                        {e.archived ? 'Restore' : 'Archive'}
                      </Button>
                      {e.usage.conversations === 0 && (
                        <Button size="sm" variant="ghost" onClick={() => window.confirm(`Delete “${e.title}” for good?`) && remove.mutate(e)}>
                          Delete
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && <EdgeCaseForm key={editing === 'new' ? 'new' : editing.id} open onOpenChange={(o) => !o && setEditing(null)} editing={editing === 'new' ? null : editing} />}
    </section>
  );
}
