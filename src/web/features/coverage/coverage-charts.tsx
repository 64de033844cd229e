import { Link } from '@tanstack/react-router';
import { BarChart3 } from 'lucide-react';
import { COVERAGE_SCOPES, SCOPE_LABELS } from '../../../core/coverage';
import { EmptyState } from '../../components/ui/empty-state';
import { Skeleton } from '../../components/ui/skeleton';
import { ApiError } from '../../lib/api';
import { ArcPie, PersonaChart, TierChart } from './breakdown-charts';
import { Heatmap } from './heatmap';
import { CategoryChart, ChunkCoverage } from './source-coverage';
import { useCoverage, useCoverageScope } from './use-coverage';

const SCOPE_TEXT = { generated: 'Generated and approved conversations', approved: 'Approved conversations', all: 'Every planned slot' } as const;

function ScopePicker() {
  const [scope, setScope] = useCoverageScope();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-muted">Count</span>
      <select value={scope} onChange={(e) => setScope(e.target.value as typeof scope)} className="h-9 rounded-md border border-border bg-surface px-2 text-sm" aria-label="What the figures count">
        {COVERAGE_SCOPES.map((s) => (
          <option key={s} value={s}>
            {SCOPE_LABELS[s]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Coverage charts (US3.2.1): personas, arcs, tiers, persona × emotion heatmap, categories and chunks, each downloadable as CSV and PNG. */
export function CoverageCharts() {
  const { data: report, error, isLoading, scope } = useCoverage();
  if (isLoading) return <Skeleton className="h-96 w-full" />;
  if (error) return <p className="rounded-md bg-danger-soft p-3 text-sm text-danger">{error instanceof ApiError ? `${error.message} ${error.hint}` : String(error)}</p>;
  if (!report) return null;
  if (report.slots === 0) {
    return (
      <div className="rounded-xl border border-border bg-surface shadow-sm" data-testid="coverage-empty">
        <EmptyState icon={BarChart3} title="Nothing to chart yet." hint="Coverage shows how your conversations are spread over personas, emotions, arcs, tiers and documents. Plan some conversations first, then generate them.">
          <Link to="/conversations" search={{ plan: 1 }} className="inline-flex h-9 items-center rounded-md bg-primary px-3.5 text-sm font-medium text-white hover:bg-primary-hover">
            Plan conversations
          </Link>
        </EmptyState>
      </div>
    );
  }
  const scopeText = SCOPE_TEXT[scope];
  return (
    <div className="space-y-4" data-testid="coverage-charts">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm" data-testid="coverage-total">
          <span className="text-lg font-semibold tabular-nums">{report.total.toLocaleString()}</span> {scopeText.toLowerCase()} counted
          {scope !== 'all' && <span className="text-muted"> of {report.slots.toLocaleString()} planned slots</span>}
          {report.gaps.length > 0 && <span className="text-muted"> · {report.gaps.length} persona × emotion gap{report.gaps.length === 1 ? '' : 's'} under {report.minPerCombination}</span>}
        </p>
        <ScopePicker />
      </div>
      {report.total === 0 && (
        <p className="rounded-md bg-surface-muted p-3 text-sm">
          {scope === 'approved' ? 'No conversation is approved yet: review some on the Conversations page, or count generated ones too.' : 'No conversation has been generated yet: generate the planned ones, or count every planned slot.'}
        </p>
      )}
      <Heatmap report={report} scope={scope} />
      <div className="grid gap-4 xl:grid-cols-3">
        <PersonaChart report={report} scopeText={scopeText} />
        <ArcPie report={report} />
        <TierChart report={report} />
      </div>
      <div className="grid gap-4 xl:grid-cols-[2fr_3fr]">
        <CategoryChart report={report} scopeText={scopeText} />
        <ChunkCoverage report={report} />
      </div>
    </div>
  );
}
