import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { LineChart as LineIcon } from 'lucide-react';
import type { TemplateAnalyticsItem } from '../../../contract/template-analytics';
import { Field, Select } from '../../components/ui/filter-fields';
import { cn } from '../../lib/cn';
import { queries } from '../../lib/endpoints';
import { PLOT_MAX, type AnalyticsSearch, type SetAnalyticsSearch } from './analytics-search';
import { SERIES_COLOURS } from './figures';
import { QualityTrendChart } from './trend-chart';

/** Plotted by default: the three most used templates. */
const DEFAULT_PLOTTED = 3;

/** Quality over time for the templates the user picks (from those with generated conversations). */
export function TrendPanel({ items, search, setSearch }: { items: TemplateAnalyticsItem[]; search: AnalyticsSearch; setSearch: SetAnalyticsSearch }) {
  const used = items.filter((t) => t.usage.generated > 0).sort((a, b) => b.usage.generated - a.usage.generated);
  const plotted = search.plot ? used.filter((t) => search.plot!.includes(t.key)) : used.slice(0, DEFAULT_PLOTTED);
  const bucket = search.bucket ?? 'day';
  const trend = useQuery({ ...queries.templateTrend({ templateIds: plotted.map((t) => t.templateId), bucket }), enabled: plotted.length > 0, placeholderData: keepPreviousData });
  const toggle = (key: string) => {
    const keys = plotted.map((t) => t.key);
    const next = keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key].slice(0, PLOT_MAX);
    // The last plotted template stays: an empty selection would read as "the defaults" again.
    if (next.length) setSearch({ plot: next });
  };
  const series = plotted.length ? (trend.data?.series ?? []).filter((s) => s.version === null).map((s) => ({ id: s.key, label: s.name, points: s.points })) : [];
  return (
    <section className="rounded-lg border border-border bg-surface p-4 shadow-sm" aria-labelledby="trend-heading" data-testid="trend-panel">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="trend-heading" className="flex items-center gap-2 text-sm font-semibold">
            <LineIcon className="h-4 w-4 text-primary" aria-hidden /> Quality over time
          </h2>
          <p className="text-xs text-muted">Average quality score of the conversations generated each {bucket}. Choose up to {PLOT_MAX} templates to plot.</p>
        </div>
        <Field label="Group by" htmlFor="trend-bucket">
          <Select id="trend-bucket" value={bucket} onChange={(v) => setSearch({ bucket: v as 'day' | 'week' })}>
            <option value="day">Day</option>
            <option value="week">Week</option>
          </Select>
        </Field>
      </div>
      <div className="mb-3 flex flex-wrap gap-1.5" role="group" aria-label="Templates to plot">
        {used.map((t) => {
          const index = plotted.findIndex((p) => p.key === t.key);
          return (
            <button
              key={t.key}
              type="button"
              aria-pressed={index >= 0}
              onClick={() => toggle(t.key)}
              className={cn('inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs', index >= 0 ? 'border-primary bg-primary-soft text-text' : 'border-border text-muted hover:text-text')}
            >
              {index >= 0 && <span className="h-2 w-2 rounded-full" style={{ background: SERIES_COLOURS[index % SERIES_COLOURS.length] }} aria-hidden />}
              {t.name}
            </button>
          );
        })}
      </div>
      {plotted.length === 0 ? (
        <p className="py-10 text-center text-sm text-muted">Pick a template above to plot its quality over time.</p>
      ) : trend.error ? (
        <p role="alert" className="py-10 text-center text-sm text-danger">
          The trend could not be loaded. Reload the page to try again.
        </p>
      ) : (
        <QualityTrendChart series={series} label={`Average quality per ${bucket} for ${plotted.map((t) => t.name).join(', ')}`} />
      )}
    </section>
  );
}
