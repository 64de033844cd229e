import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowDown, ArrowUp, Pencil, Plus, Tags, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import type { CatalogItem } from '../../../contract/dimension-catalog';
import { DIMENSION_LABELS, type Dimension } from '../../../core/tiers';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { Skeleton } from '../../components/ui/skeleton';
import { cn } from '../../lib/cn';
import { endpoints, queries, queryKeys } from '../../lib/endpoints';
import { DIMENSION_HELP } from './dimension-help';
import { ValueDialog } from './value-dialog';

/** After any catalog change: this page, the labels and filters elsewhere, and the first-run checklist. */
export function useRefreshCatalog() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: queryKeys.catalogValues.all });
    void client.invalidateQueries({ queryKey: queryKeys.catalog() });
    void client.invalidateQueries({ queryKey: queryKeys.checklist() });
  };
}

/** One dimension's values: order, active switch, usage, edit and delete. */
export function CatalogList({ dimension, canWrite }: { dimension: Dimension; canWrite: boolean }) {
  const { data, isLoading } = useQuery(queries.catalogValues(dimension));
  const refresh = useRefreshCatalog();
  const [editing, setEditing] = useState<CatalogItem | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CatalogItem | null>(null);
  const name = DIMENSION_LABELS[dimension].toLowerCase();
  const help = DIMENSION_HELP[dimension];
  const onError = (title: string) => (err: Error) => toast.error(title, { description: err.message });

  const toggle = useMutation({
    mutationFn: (item: CatalogItem) => endpoints.catalogValues.update(dimension, item.key, { active: !item.active }),
    onSuccess: (item) => {
      toast.success(item.active ? `${item.label} is active again` : `${item.label} is deactivated: it stays on existing conversations but is not offered for new ones`);
      refresh();
    },
    onError: onError('Not changed'),
  });
  const move = useMutation({
    mutationFn: (keys: string[]) => endpoints.catalogValues.reorder(dimension, keys),
    onSuccess: refresh,
    onError: onError('Not moved'),
  });
  const remove = useMutation({
    mutationFn: (item: CatalogItem) => endpoints.catalogValues.remove(dimension, item.key),
    onSuccess: (_r, item) => {
      toast.success(`Deleted ${item.label}`);
      setDeleting(null);
      refresh();
    },
    onError: onError('Not deleted'),
  });

  const items = data?.items ?? [];
  const moveBy = (index: number, delta: -1 | 1) => {
    const keys = items.map((i) => i.key);
    [keys[index], keys[index + delta]] = [keys[index + delta], keys[index]];
    move.mutate(keys);
  };

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <p className="max-w-3xl text-sm text-muted">{help.purpose}</p>
        {canWrite && (
          <Button variant="primary" onClick={() => setEditing('new')}>
            <Plus className="h-4 w-4" aria-hidden /> Add {name}
          </Button>
        )}
      </div>
      {isLoading && <Skeleton className="h-32 w-full" />}
      {data && !items.length && (
        <div className="rounded-lg border border-dashed border-border bg-surface">
          <EmptyState icon={Tags} title={`No ${help.plural.toLowerCase()} yet`} hint={`${help.purpose} For example: “${help.example.label}” — ${help.example.description}`} testId={`catalog-empty-${dimension}`}>
            {canWrite ? (
              <Button variant="primary" className="mt-2" onClick={() => setEditing('new')}>
                <Plus className="h-4 w-4" aria-hidden /> Add your first {name}
              </Button>
            ) : (
              <p className="text-sm text-muted">Ask an admin or a generator to add some.</p>
            )}
          </EmptyState>
        </div>
      )}
      {items.length > 0 && (
        <ol className="divide-y divide-border rounded-lg border border-border bg-surface shadow-sm" aria-label={help.plural}>
          {items.map((item, index) => (
            <li key={item.key} className={cn('grid grid-cols-[auto_minmax(0,1fr)_auto] items-start gap-3 px-3 py-3', !item.active && 'bg-surface-muted/60')} data-testid={`catalog-row-${item.key}`}>
              <div className="flex flex-col gap-0.5 pt-0.5">
                {canWrite && (
                  <>
                    <Button size="icon" variant="ghost" className="h-6 w-6" aria-label={`Move ${item.label} up`} disabled={index === 0 || move.isPending} onClick={() => moveBy(index, -1)}>
                      <ArrowUp className="h-3.5 w-3.5" />
                    </Button>
                    <Button size="icon" variant="ghost" className="h-6 w-6" aria-label={`Move ${item.label} down`} disabled={index === items.length - 1 || move.isPending} onClick={() => moveBy(index, 1)}>
                      <ArrowDown className="h-3.5 w-3.5" />
                    </Button>
                  </>
                )}
              </div>
              <div className="min-w-0">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <span className={cn('font-medium', !item.active && 'text-muted')}>{item.label}</span>
                  <code className="text-xs text-muted">{item.key}</code>
                  {!item.active && <span className="rounded bg-neutral-soft px-1.5 py-0.5 text-xs text-muted">Inactive</span>}
                </p>
                {item.description && <p className="mt-0.5 text-sm text-muted">{item.description}</p>}
                {item.guidance ? (
                  <p className="mt-1 line-clamp-2 text-sm">
                    <span className="text-xs font-medium tracking-wide text-muted uppercase">Prompt guidance </span>
                    {item.guidance}
                  </p>
                ) : (
                  <p className="mt-1 text-xs text-muted italic">No prompt guidance: the model sees only the label{item.description ? ' and description' : ''}.</p>
                )}
              </div>
              <div className="flex items-center gap-3">
                <span className="text-right text-xs whitespace-nowrap text-muted" title="Conversations that use this value">
                  {item.usageCount ? `${item.usageCount} conversation${item.usageCount === 1 ? '' : 's'}` : 'Not used yet'}
                </span>
                <label className="flex items-center gap-1.5 text-xs text-muted">
                  <button
                    type="button"
                    role="switch"
                    aria-checked={item.active}
                    aria-label={`${item.label} active`}
                    disabled={!canWrite || toggle.isPending}
                    onClick={() => toggle.mutate(item)}
                    className={cn('relative h-5 w-9 rounded-full transition-colors disabled:opacity-60', item.active ? 'bg-primary' : 'bg-border')}
                  >
                    <span className={cn('absolute top-0.5 left-0.5 h-4 w-4 rounded-full bg-white shadow transition-transform', item.active && 'translate-x-4')} />
                  </button>
                  Active
                </label>
                {canWrite && (
                  <>
                    <Button size="icon" variant="ghost" aria-label={`Edit ${item.label}`} onClick={() => setEditing(item)}>
                      <Pencil className="h-4 w-4" />
                    </Button>
                    <Button size="icon" variant="ghost" aria-label={`Delete ${item.label}`} onClick={() => setDeleting(item)}>
                      <Trash2 className="h-4 w-4" />
                    </Button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {editing && <ValueDialog key={editing === 'new' ? 'new' : editing.key} dimension={dimension} item={editing === 'new' ? null : editing} open onOpenChange={(open) => !open && setEditing(null)} onSaved={refresh} />}
      {deleting && (
        <Dialog
          open
          onOpenChange={(open) => !open && setDeleting(null)}
          title={deleting.usageCount ? `${deleting.label} is in use` : `Delete ${deleting.label}?`}
          description={
            deleting.usageCount
              ? `${deleting.usageCount} conversation${deleting.usageCount === 1 ? ' uses' : 's use'} this ${name}, so it cannot be deleted. Deactivate it instead: those conversations keep it, and new plans no longer use it.`
              : `No conversation uses this ${name}. Deleting it cannot be undone.`
          }
          footer={
            <>
              <Button variant="ghost" onClick={() => setDeleting(null)}>
                Cancel
              </Button>
              {deleting.usageCount ? (
                deleting.active && (
                  <Button variant="primary" loading={toggle.isPending} onClick={() => toggle.mutate(deleting, { onSuccess: () => setDeleting(null) })}>
                    Deactivate
                  </Button>
                )
              ) : (
                <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate(deleting)}>
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
