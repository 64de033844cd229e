import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { FileText, Search } from 'lucide-react';
import { toast } from 'sonner';
import type { TemplateSummary, TemplatesSearch } from '../../../contract/templates';
import { TIER_LABELS, TIERS, type Tier } from '../../../core/tiers';
import { EmptyState } from '../../components/ui/empty-state';
import { Input } from '../../components/ui/input';
import { Skeleton } from '../../components/ui/skeleton';
import { cn } from '../../lib/cn';
import { endpoints, queries } from '../../lib/endpoints';
import { timeAgo } from '../../lib/format';
import { useCatalog } from '../../lib/queries';
import { formatQuality, formatRate, toastError, useRefreshTemplates } from './use-templates';

const SELECT = 'h-9 rounded-md border border-border bg-surface px-2 text-sm text-text shadow-sm focus:border-primary focus:outline-none';

/** An on/off switch for a template: off, new plans skip it; on, it uses its active version. */
export function ActiveSwitch({ template, disabled }: { template: Pick<TemplateSummary, 'id' | 'name' | 'active' | 'currentVersion'>; disabled?: boolean }) {
  const refresh = useRefreshTemplates();
  const toggle = useMutation({
    mutationFn: () => (template.active ? endpoints.templates.deactivate(template.id) : endpoints.templates.activate(template.id, template.currentVersion)),
    onSuccess: (t) => {
      toast.success(t.active ? `${t.name} is active (v${t.currentVersion})` : `${t.name} is off: new plans skip it; planned conversations keep it`);
      refresh();
    },
    onError: toastError('Not changed'),
  });
  return (
    <button
      type="button"
      role="switch"
      aria-checked={template.active}
      aria-label={`${template.name} active`}
      disabled={disabled || toggle.isPending}
      onClick={(e) => {
        e.stopPropagation();
        toggle.mutate();
      }}
      className={cn('relative h-5 w-9 shrink-0 rounded-full transition-colors disabled:opacity-60', template.active ? 'bg-primary' : 'bg-border')}
    >
      <span className={cn('absolute top-0.5 left-0.5 h-4 w-4 rounded-full bg-white shadow transition-transform', template.active && 'translate-x-4')} />
    </button>
  );
}

export function VersionBadge({ template }: { template: Pick<TemplateSummary, 'currentVersion' | 'latestVersion' | 'hasDraft'> }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span className="tabular-nums">v{template.currentVersion}</span>
      {template.hasDraft && (
        <span className="rounded bg-warning-soft px-1.5 py-0.5 text-xs text-warning" title={`Version ${template.latestVersion} is saved but not active yet`}>
          draft v{template.latestVersion}
        </span>
      )}
    </span>
  );
}

/** The Templates list: tier, arc, versions, status, usage, quality, approval and last change; filtered by the URL. */
export function TemplatesList({ search, onSearch, canWrite }: { search: TemplatesSearch; onSearch: (patch: Partial<TemplatesSearch>) => void; canWrite: boolean }) {
  const query = { tier: search.tier, q: search.q || undefined, active: search.status ? (search.status === 'active' ? ('true' as const) : ('false' as const)) : undefined };
  const { data, isLoading, error } = useQuery(queries.templates(query));
  const { data: catalog } = useCatalog();
  const arcLabel = (key: string | null) => (key ? (catalog?.arcs.find((a) => a.key === key)?.label ?? key) : '—');
  const items = data?.items ?? [];
  const filtered = Boolean(search.tier || search.status || search.q);
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <div className="relative w-72">
          <Search className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-muted" aria-hidden />
          <Input aria-label="Search templates" placeholder="Search by name or description" className="pl-8" defaultValue={search.q ?? ''} onChange={(e) => onSearch({ q: e.target.value || undefined })} />
        </div>
        <select aria-label="Tier" className={SELECT} value={search.tier ?? ''} onChange={(e) => onSearch({ tier: (e.target.value || undefined) as Tier | undefined })}>
          <option value="">All tiers</option>
          {TIERS.map((t) => (
            <option key={t} value={t}>
              {TIER_LABELS[t]}
            </option>
          ))}
        </select>
        <select aria-label="Status" className={SELECT} value={search.status ?? ''} onChange={(e) => onSearch({ status: (e.target.value || undefined) as TemplatesSearch['status'] })}>
          <option value="">Active and inactive</option>
          <option value="active">Active only</option>
          <option value="inactive">Inactive only</option>
        </select>
        {data && <span className="text-sm text-muted">{items.length} template{items.length === 1 ? '' : 's'}</span>}
      </div>
      {isLoading && <Skeleton className="h-48 w-full" />}
      {error && <p className="rounded-md bg-danger-soft p-3 text-sm text-danger">{error.message}</p>}
      {data && !items.length && (
        <div className="rounded-lg border border-dashed border-border bg-surface">
          <EmptyState
            icon={FileText}
            title={filtered ? 'No template matches these filters' : 'No templates yet'}
            hint={filtered ? 'Clear the search or choose another tier or status.' : 'A template is the prompt a conversation is written from. Create one per tier, with {persona}, {emotion} and the other placeholders where the values go.'}
            testId="templates-empty"
          />
        </div>
      )}
      {items.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-border bg-surface shadow-sm">
          <table className="w-full text-sm" aria-label="Templates">
            <thead className="border-b border-border bg-surface-muted text-left text-xs font-semibold tracking-wide text-muted uppercase">
              <tr>
                <th className="px-3 py-2">Name</th>
                <th className="px-3 py-2">Tier</th>
                <th className="px-3 py-2">Arc</th>
                <th className="px-3 py-2">Version</th>
                <th className="px-3 py-2">Active</th>
                <th className="px-3 py-2 text-right">Used</th>
                <th className="px-3 py-2 text-right">Avg quality</th>
                <th className="px-3 py-2 text-right">Approval</th>
                <th className="px-3 py-2">Last changed</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {items.map((t) => (
                <tr key={t.id} data-testid={`template-row-${t.key}`} className={cn('hover:bg-surface-muted/60', !t.active && 'text-muted')}>
                  <td className="max-w-md px-3 py-2.5">
                    <Link to="/templates" search={{ id: t.id }} className="font-medium text-primary hover:underline">
                      {t.name}
                    </Link>
                    {t.description && <p className="line-clamp-1 text-xs text-muted">{t.description}</p>}
                  </td>
                  <td className="px-3 py-2.5 whitespace-nowrap">{TIER_LABELS[t.tier]}</td>
                  <td className="px-3 py-2.5 whitespace-nowrap">{arcLabel(t.arcKey)}</td>
                  <td className="px-3 py-2.5">
                    <VersionBadge template={t} />
                  </td>
                  <td className="px-3 py-2.5">
                    <ActiveSwitch template={t} disabled={!canWrite} />
                  </td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{t.usage.generated}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{formatQuality(t.usage.averageQuality)}</td>
                  <td className="px-3 py-2.5 text-right tabular-nums">{formatRate(t.usage.approvalRate)}</td>
                  <td className="px-3 py-2.5 whitespace-nowrap text-muted" title={t.updatedAt}>
                    {timeAgo(t.updatedAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
