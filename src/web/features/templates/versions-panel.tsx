import { useMutation, useQuery } from '@tanstack/react-query';
import { CheckCircle2, FlaskConical, RotateCcw } from 'lucide-react';
import { toast } from 'sonner';
import type { TemplateDetail } from '../../../contract/templates';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import { cn } from '../../lib/cn';
import { endpoints, queries } from '../../lib/endpoints';
import { formatDate } from '../../lib/format';
import { formatQuality, formatRate, toastError, useRefreshTemplates } from './use-templates';
import { VersionDiff } from './version-diff';

/**
 * Every saved version, newest first, with its author, note, date, usage and test mark; pick two
 * for a side-by-side diff (the URL keeps them), and activate any one (a newer draft, or an older
 * version to roll back).
 */
export function VersionsPanel({
  template,
  selected,
  compare,
  onSelect,
  canWrite,
}: {
  template: TemplateDetail;
  selected: number | undefined;
  compare: number | undefined;
  onSelect: (patch: { version?: number; compare?: number }) => void;
  canWrite: boolean;
}) {
  const { data, isLoading } = useQuery(queries.templateVersions(template.id));
  const refresh = useRefreshTemplates();
  const activate = useMutation({
    mutationFn: (version: number) => endpoints.templates.activate(template.id, version),
    onSuccess: (t, version) => {
      toast.success(version < template.currentVersion ? `Rolled back ${t.name} to v${version}` : `${t.name} v${version} is active: new generations use it`);
      refresh();
    },
    onError: toastError('Not activated'),
  });
  const items = data?.items ?? [];
  // By default the newest version is compared with the active one (or the one before it).
  const right = selected ?? items[0]?.version;
  const left = compare ?? (right !== undefined && right !== template.currentVersion ? template.currentVersion : (right ?? 1) - 1);
  const rightEntry = items.find((v) => v.version === right);
  const leftEntry = items.find((v) => v.version === left);
  return (
    <section className="space-y-4" aria-label="Versions">
      {isLoading && <Skeleton className="h-32 w-full" />}
      <ol className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label="Version history">
        {items.map((v) => {
          const isActive = v.version === template.currentVersion;
          return (
            <li key={v.version} className={cn('grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-3 px-3 py-2.5', v.version === right && 'bg-primary-soft/40')} data-testid={`version-${v.version}`}>
              <div className="flex flex-col gap-1 text-xs">
                <label className="flex items-center gap-1.5">
                  <input type="radio" name="diff-right" checked={v.version === right} onChange={() => onSelect({ version: v.version, compare: left === v.version ? undefined : left })} aria-label={`Show version ${v.version}`} />
                  show
                </label>
                <label className="flex items-center gap-1.5 text-muted">
                  <input type="radio" name="diff-left" checked={v.version === left} onChange={() => onSelect({ version: right, compare: v.version })} aria-label={`Compare with version ${v.version}`} />
                  compare
                </label>
              </div>
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold tabular-nums">v{v.version}</span>
                  {isActive && template.active && (
                    <span className="inline-flex items-center gap-1 rounded bg-success-soft px-1.5 py-0.5 text-xs text-success">
                      <CheckCircle2 className="h-3 w-3" aria-hidden /> active
                    </span>
                  )}
                  {isActive && !template.active && <span className="rounded bg-neutral-soft px-1.5 py-0.5 text-xs text-muted">current (template off)</span>}
                  {v.version > template.currentVersion && <span className="rounded bg-warning-soft px-1.5 py-0.5 text-xs text-warning">draft</span>}
                  {v.tested && (
                    <span className="inline-flex items-center gap-1 rounded bg-surface-muted px-1.5 py-0.5 text-xs text-muted" title="A test of this version succeeded">
                      <FlaskConical className="h-3 w-3" aria-hidden /> tested
                    </span>
                  )}
                  <span className="text-xs text-muted">
                    {formatDate(v.createdAt)} · {v.createdBy?.name ?? 'built in'}
                  </span>
                </p>
                <p className="truncate text-sm text-muted">{v.notes || <span className="italic">No note</span>}</p>
                <p className="text-xs text-muted">
                  {v.usage.generated ? `${v.usage.generated} conversations · quality ${formatQuality(v.usage.averageQuality)} · approval ${formatRate(v.usage.approvalRate)}` : 'Not used yet'}
                </p>
              </div>
              {canWrite && !isActive && (
                <Button size="sm" variant={v.version > template.currentVersion ? 'primary' : 'secondary'} loading={activate.isPending && activate.variables === v.version} onClick={() => activate.mutate(v.version)}>
                  {v.version > template.currentVersion ? 'Activate' : (
                    <>
                      <RotateCcw className="h-3.5 w-3.5" aria-hidden /> Roll back
                    </>
                  )}
                </Button>
              )}
              {canWrite && isActive && !template.active && (
                <Button size="sm" onClick={() => activate.mutate(v.version)} loading={activate.isPending}>
                  Reactivate
                </Button>
              )}
            </li>
          );
        })}
      </ol>
      {rightEntry && leftEntry && leftEntry.version !== rightEntry.version && (
        <VersionDiff before={leftEntry.body} after={rightEntry.body} beforeLabel={`v${leftEntry.version}${leftEntry.version === template.currentVersion ? ' (active)' : ''}`} afterLabel={`v${rightEntry.version}${rightEntry.version === template.currentVersion ? ' (active)' : ''}`} />
      )}
      {items.length === 1 && <p className="text-sm text-muted">Only one version so far. Edit the text and save to make a new one; then you can compare them here.</p>}
    </section>
  );
}
