import { Fragment, useState } from 'react';
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronDown, ChevronRight } from 'lucide-react';
import type { AnalyticsSort, SortOrder } from '../../../core/template-recommendations';
import type { TemplateAnalyticsItem, UsageFiguresView } from '../../../contract/template-analytics';
import { Checkbox } from '../../components/ui/checkbox';
import { cn } from '../../lib/cn';
import { formatDate } from '../../lib/format';
import { COMPARE_MAX, compareValue, type AnalyticsSearch, type SetAnalyticsSearch } from './analytics-search';
import { formatQuality, formatRate, templateHref, tierName } from './figures';

const SORTABLE: { sort: AnalyticsSort; label: string }[] = [
  { sort: 'usage', label: 'Conversations generated' },
  { sort: 'quality', label: 'Average quality' },
  { sort: 'approval', label: 'Approval rate' },
];

function SortHeader({ sort, label, search, setSearch }: { sort: AnalyticsSort; label: string; search: AnalyticsSearch; setSearch: SetAnalyticsSearch }) {
  const current = (search.sort ?? 'usage') === sort;
  const order: SortOrder = search.order ?? 'desc';
  const Icon = !current ? ArrowUpDown : order === 'desc' ? ArrowDown : ArrowUp;
  // A first click sorts best first (descending); a second click turns it round.
  const next = () => setSearch({ sort, order: current && order === 'desc' ? 'asc' : 'desc' });
  return (
    <th scope="col" className="border-b border-border px-3 py-2.5 text-right whitespace-nowrap" aria-sort={current ? (order === 'desc' ? 'descending' : 'ascending') : 'none'}>
      <button type="button" onClick={next} className={cn('inline-flex items-center gap-1 uppercase hover:text-text', current && 'text-text')}>
        {label}
        <Icon className="h-3.5 w-3.5" aria-hidden />
      </button>
    </th>
  );
}

function Figures({ usage }: { usage: UsageFiguresView }) {
  const reviewed = usage.approved + usage.rejected;
  return (
    <>
      <td className="px-3 py-2 text-right tabular-nums">
        {usage.generated.toLocaleString()}
        <span className="ml-1 text-xs text-muted">of {usage.planned.toLocaleString()}</span>
      </td>
      <td className={cn('px-3 py-2 text-right tabular-nums', usage.averageQuality === null && 'text-muted')}>{formatQuality(usage.averageQuality)}</td>
      <td className={cn('px-3 py-2 text-right tabular-nums', usage.approvalRate === null && 'text-muted')}>
        {formatRate(usage.approvalRate)}
        {reviewed > 0 && <span className="ml-1 text-xs text-muted">of {reviewed.toLocaleString()}</span>}
      </td>
    </>
  );
}

/** Templates with their figures; a row opens to its versions. Ticks choose what to compare. */
export function AnalyticsTable({ items, search, setSearch, toggleCompare }: { items: TemplateAnalyticsItem[]; search: AnalyticsSearch; setSearch: SetAnalyticsSearch; toggleCompare: (value: string) => void }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const compared = new Set(search.compare ?? []);
  const full = compared.size >= COMPARE_MAX;
  const toggleOpen = (id: string) => setOpen((prev) => new Set(prev.has(id) ? [...prev].filter((v) => v !== id) : [...prev, id]));
  const compareBox = (value: string, name: string) => (
    <Checkbox checked={compared.has(value)} onCheckedChange={() => toggleCompare(value)} label={`Compare ${name}`} className={cn(full && !compared.has(value) && 'pointer-events-none opacity-40')} />
  );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Template analytics">
        <thead className="bg-surface-muted text-left text-xs font-semibold tracking-wide text-muted uppercase">
          <tr>
            <th scope="col" className="w-10 border-b border-border px-3 py-2.5">
              <span className="sr-only">Compare</span>
            </th>
            <th scope="col" className="border-b border-border px-3 py-2.5">
              Template
            </th>
            <th scope="col" className="border-b border-border px-3 py-2.5 whitespace-nowrap">
              Tier
            </th>
            {SORTABLE.map((s) => (
              <SortHeader key={s.sort} {...s} search={search} setSearch={setSearch} />
            ))}
            <th scope="col" className="border-b border-border px-3 py-2.5 whitespace-nowrap">
              Last generated
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((t) => {
            const expanded = open.has(t.templateId);
            return (
              <Fragment key={t.templateId}>
                <tr className="border-b border-border" data-testid="analytics-row" data-key={t.key}>
                  <td className="px-3 py-2">{compareBox(t.key, t.name)}</td>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <button type="button" className="inline-flex items-center gap-1.5 text-left font-medium hover:text-primary" aria-expanded={expanded} onClick={() => toggleOpen(t.templateId)}>
                      {expanded ? <ChevronDown className="h-4 w-4 shrink-0" aria-hidden /> : <ChevronRight className="h-4 w-4 shrink-0" aria-hidden />}
                      {t.name}
                    </button>
                    <p className="ml-5.5 text-xs text-muted">
                      {t.key} · {t.active ? `v${t.currentVersion} active` : 'inactive'}{t.versions.length > 1 && ` · ${t.versions.length} versions`}
                    </p>
                  </th>
                  <td className="px-3 py-2 whitespace-nowrap text-muted">{tierName(t.tier)}</td>
                  <Figures usage={t.usage} />
                  <td className="px-3 py-2 whitespace-nowrap text-muted">{t.usage.lastGeneratedAt ? formatDate(t.usage.lastGeneratedAt) : 'Never'}</td>
                </tr>
                {expanded &&
                  t.versions.map((v) => (
                    <tr key={v.version} className="border-b border-border bg-surface-muted/50 text-muted" data-testid="analytics-version-row">
                      <td className="px-3 py-1.5">{compareBox(compareValue({ key: t.key, version: v.version }), `${t.name} version ${v.version}`)}</td>
                      <th scope="row" className="py-1.5 pr-3 pl-9 text-left font-normal">
                        <a href={templateHref(t.templateId, v.version)} className="text-text hover:text-primary hover:underline">
                          Version {v.version}
                        </a>
                        {v.version === t.currentVersion && <span className="ml-2 rounded bg-success-soft px-1.5 py-0.5 text-xs text-success">active</span>}
                        {v.notes && <span className="ml-2 text-xs">{v.notes}</span>}
                      </th>
                      <td className="px-3 py-1.5 text-xs whitespace-nowrap">{v.createdAt ? `Saved ${formatDate(v.createdAt)}` : ''}</td>
                      <Figures usage={v.usage} />
                      <td className="px-3 py-1.5 whitespace-nowrap">{v.usage.lastGeneratedAt ? formatDate(v.usage.lastGeneratedAt) : 'Never'}</td>
                    </tr>
                  ))}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
