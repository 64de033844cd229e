import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { ArrowLeft, BarChart3, Download } from 'lucide-react';
import { TIERS, type Tier } from '../../core/tiers';
import { EmptyState } from '../components/ui/empty-state';
import { Field, Select } from '../components/ui/filter-fields';
import { Skeleton } from '../components/ui/skeleton';
import { ApiError } from '../lib/api';
import { endpoints, queries } from '../lib/endpoints';
import { analyticsApiQuery, toggleCompare, type AnalyticsSearch } from '../features/template-analytics/analytics-search';
import { AnalyticsTable } from '../features/template-analytics/analytics-table';
import { Comparison } from '../features/template-analytics/comparison';
import { tierName } from '../features/template-analytics/figures';
import { Performers } from '../features/template-analytics/performers';
import { Recommendations } from '../features/template-analytics/recommendations';
import { TrendPanel } from '../features/template-analytics/trend-panel';

const THRESHOLDS = [5, 6, 7, 8, 9];

/**
 * Template usage analytics (US7.1.2): which templates and versions make the best conversations,
 * sortable and filtered, with the top and bottom performers, advice, a trend chart, a side-by-side
 * comparison and a CSV. Sort, filters, plotted and compared templates live in the URL.
 */
export function TemplateAnalyticsPage() {
  const search = useSearch({ from: '/app/templates/analytics' });
  const navigate = useNavigate({ from: '/templates/analytics' });
  const setSearch = (patch: Partial<AnalyticsSearch>) => void navigate({ search: (prev: AnalyticsSearch) => ({ ...prev, ...patch }), replace: true });
  const query = analyticsApiQuery(search);
  const analytics = useQuery({ ...queries.templateAnalytics(query), placeholderData: keepPreviousData });
  const data = analytics.data;
  const filtered = Boolean(search.tier || search.minQuality !== undefined);
  const compare = (value: string) => setSearch({ compare: toggleCompare(search.compare, value) });

  return (
    <section className="flex h-full flex-col overflow-y-auto p-5" aria-labelledby="analytics-heading">
      <header className="mb-4 flex items-end justify-between gap-3">
        <div className="min-w-0">
          <Link to="/templates" className="mb-1 inline-flex items-center gap-1 text-xs text-muted hover:text-primary">
            <ArrowLeft className="h-3.5 w-3.5" aria-hidden /> Templates
          </Link>
          <h1 id="analytics-heading" className="text-xl font-semibold">
            Template analytics
          </h1>
          <p className="text-sm text-muted">Conversations made, quality and approval per template and version: keep the best, roll back the rest.</p>
        </div>
        {data?.anyGenerated && (
          <a href={endpoints.templateAnalytics.csvUrl(query)} download className="inline-flex h-9 shrink-0 items-center gap-2 rounded-md border border-border bg-surface px-3.5 text-sm font-medium text-text shadow-sm hover:bg-surface-muted" data-testid="analytics-csv">
            <Download className="h-4 w-4" aria-hidden /> Export CSV
          </a>
        )}
      </header>

      {analytics.error ? (
        <p role="alert" className="rounded-lg border border-border bg-surface px-4 py-6 text-center text-danger">
          {analytics.error instanceof ApiError ? `${analytics.error.message} ${analytics.error.hint}` : 'The analytics could not be loaded. Reload the page to try again.'}
        </p>
      ) : !data ? (
        <div className="space-y-3" aria-busy>
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      ) : !data.anyGenerated ? (
        <div className="rounded-lg border border-border bg-surface shadow-sm">
          <EmptyState
            icon={BarChart3}
            testId="analytics-empty"
            title="No template has made a conversation yet."
            hint={`Analytics appear once conversations are generated and reviewed: each template's usage, quality and approval rate, and advice once a template has ${data.evidence.minScored} or more conversations. ${data.totalTemplates} template${data.totalTemplates === 1 ? ' is' : 's are'} ready.`}
          >
            <Link to="/conversations" className="mt-1 text-sm font-medium text-primary hover:underline">
              Go to Conversations to generate some
            </Link>
          </EmptyState>
        </div>
      ) : (
        <div className="space-y-4">
          <Recommendations items={data.recommendations} evidence={data.evidence} />
          <Performers top={data.top} bottom={data.bottom} minScored={data.evidence.minScored} />

          <div className="rounded-lg border border-border bg-surface shadow-sm">
            <div className="flex flex-wrap items-end gap-3 border-b border-border px-3 py-2.5" role="search" aria-label="Filter templates">
              <Field label="Tier" htmlFor="analytics-tier">
                <Select id="analytics-tier" value={search.tier ?? ''} onChange={(v) => setSearch({ tier: v ? (v as Tier) : undefined })}>
                  <option value="">All tiers</option>
                  {TIERS.map((t) => (
                    <option key={t} value={t}>
                      {tierName(t)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Minimum quality" htmlFor="analytics-quality">
                <Select id="analytics-quality" value={search.minQuality === undefined ? '' : String(search.minQuality)} onChange={(v) => setSearch({ minQuality: v ? Number(v) : undefined })}>
                  <option value="">Any</option>
                  {THRESHOLDS.map((q) => (
                    <option key={q} value={q}>
                      {q} or more
                    </option>
                  ))}
                </Select>
              </Field>
              <p className="mb-1.5 text-xs text-muted" data-testid="analytics-count">
                {data.items.length} of {data.totalTemplates} templates{filtered ? ' match' : ''}. Click a column to sort, a template to see its versions.
              </p>
            </div>
            {data.items.length === 0 ? (
              <EmptyState icon={BarChart3} title="No template matches these filters." hint="Lower the quality threshold or pick another tier: a template with no scored conversation has no average to pass a threshold." />
            ) : (
              <AnalyticsTable items={data.items} search={search} setSearch={setSearch} toggleCompare={compare} />
            )}
          </div>

          <Comparison items={data.items} search={search} toggleCompare={compare} clear={() => setSearch({ compare: undefined })} />
          <TrendPanel items={data.items} search={search} setSearch={setSearch} />
        </div>
      )}
    </section>
  );
}
