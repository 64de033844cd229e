import { useQuery } from '@tanstack/react-query';
import { Columns3, X } from 'lucide-react';
import type { TemplateAnalyticsItem, UsageFiguresView } from '../../../contract/template-analytics';
import { Button } from '../../components/ui/button';
import { queries } from '../../lib/endpoints';
import { COMPARE_MAX, COMPARE_MIN, parseCompareEntry, type AnalyticsSearch } from './analytics-search';
import { formatQuality, formatRate, SERIES_COLOURS, templateHref, tierName } from './figures';
import { QualityTrendChart } from './trend-chart';

interface Compared {
  value: string;
  label: string;
  template: TemplateAnalyticsItem;
  version: number | null;
  usage: UsageFiguresView;
}

function resolve(values: string[], items: TemplateAnalyticsItem[]): Compared[] {
  const out: Compared[] = [];
  for (const value of values) {
    const { key, version } = parseCompareEntry(value);
    const template = items.find((t) => t.key === key);
    if (!template) continue;
    if (version === null) {
      out.push({ value, label: template.name, template, version, usage: template.usage });
      continue;
    }
    const v = template.versions.find((x) => x.version === version);
    if (v) out.push({ value, label: `${template.name} v${version}`, template, version, usage: v.usage });
  }
  return out;
}

function Figure({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">
        {value}
        {sub && <span className="ml-1 text-xs font-normal text-muted">{sub}</span>}
      </dd>
    </div>
  );
}

/** Two to four templates or versions side by side: usage, quality, approval and their trends. */
export function Comparison({ items, search, toggleCompare, clear }: { items: TemplateAnalyticsItem[]; search: AnalyticsSearch; toggleCompare: (value: string) => void; clear: () => void }) {
  const compared = resolve(search.compare ?? [], items);
  const ids = [...new Set(compared.map((c) => c.template.templateId))];
  const byVersion = compared.some((c) => c.version !== null);
  const bucket = search.bucket ?? 'day';
  const trend = useQuery({ ...queries.templateTrend({ templateIds: ids, bucket, byVersion }), enabled: compared.length >= COMPARE_MIN });
  const series = compared.map((c) => ({
    id: c.value,
    label: c.label,
    points: trend.data?.series.find((s) => s.templateId === c.template.templateId && s.version === c.version)?.points ?? [],
  }));
  return (
    <section className="rounded-lg border border-border bg-surface p-4 shadow-sm" aria-labelledby="comparison-heading" data-testid="comparison">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="comparison-heading" className="flex items-center gap-2 text-sm font-semibold">
            <Columns3 className="h-4 w-4 text-primary" aria-hidden /> Side by side
          </h2>
          <p className="text-xs text-muted">
            Tick {COMPARE_MIN} to {COMPARE_MAX} templates in the table (or versions, once a template is opened) to compare them.
          </p>
        </div>
        {compared.length > 0 && (
          <Button size="sm" variant="ghost" onClick={clear}>
            Clear comparison
          </Button>
        )}
      </div>
      {compared.length < COMPARE_MIN ? (
        <p className="py-6 text-center text-sm text-muted">{compared.length === 0 ? 'Nothing chosen yet.' : `${compared[0].label} is chosen: tick one more to compare.`}</p>
      ) : (
        <>
          <div className="grid gap-3" style={{ gridTemplateColumns: `repeat(${compared.length}, minmax(0, 1fr))` }}>
            {compared.map((c, i) => (
              <article key={c.value} className="rounded-md border border-border p-3" data-testid="compared-entry" style={{ borderTopWidth: 3, borderTopColor: SERIES_COLOURS[i % SERIES_COLOURS.length] }}>
                <div className="mb-2 flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <a href={templateHref(c.template.templateId, c.version ?? undefined)} className="block truncate font-medium hover:text-primary hover:underline">
                      {c.label}
                    </a>
                    <p className="text-xs text-muted">{tierName(c.template.tier)}</p>
                  </div>
                  <button type="button" className="text-muted hover:text-text" aria-label={`Remove ${c.label} from the comparison`} onClick={() => toggleCompare(c.value)}>
                    <X className="h-4 w-4" aria-hidden />
                  </button>
                </div>
                <dl className="grid grid-cols-2 gap-2">
                  <Figure label="Generated" value={c.usage.generated.toLocaleString()} sub={`of ${c.usage.planned.toLocaleString()} planned`} />
                  <Figure label="Average quality" value={formatQuality(c.usage.averageQuality)} />
                  <Figure label="Approval rate" value={formatRate(c.usage.approvalRate)} sub={`${c.usage.approved} ✓ ${c.usage.rejected} ✗`} />
                  <Figure label="Awaiting review" value={Math.max(0, c.usage.generated - c.usage.approved - c.usage.rejected).toLocaleString()} />
                </dl>
              </article>
            ))}
          </div>
          <div className="mt-4">
            <QualityTrendChart series={series} height={220} label={`Average quality per ${bucket} for ${compared.map((c) => c.label).join(', ')}`} />
          </div>
        </>
      )}
    </section>
  );
}
