import { ErrorBoundary } from '../components/error-boundary';
import { CoverageCharts } from '../features/coverage/coverage-charts';
import { RecommendationsPanel } from '../features/coverage/recommendations-panel';
import { DatasetHealth } from '../features/duplicates/dataset-health';
import { ScoreDistribution } from '../features/quality/score-distribution';

/** The dataset as a whole (US3.2.1, US3.2.2): where it is thin, how good and varied it is, and what to generate next. */
export function CoveragePage() {
  return (
    <section className="h-full overflow-y-auto p-5">
      <div className="mb-4">
        <h1 className="text-xl font-semibold">Coverage</h1>
        <p className="max-w-3xl text-sm text-muted">
          How the whole dataset is spread over personas, emotions, arcs, tiers and documents, where it is thin, and how good and varied it is. Fill a gap in one click.
        </p>
      </div>
      <div className="flex flex-col gap-6">
        <ErrorBoundary section="coverage-recommendations" label="Recommendations">
          <RecommendationsPanel />
        </ErrorBoundary>
        <ErrorBoundary section="coverage-charts" label="The coverage charts">
          <CoverageCharts />
        </ErrorBoundary>
        <ErrorBoundary section="quality-distribution" label="The quality distribution">
          <ScoreDistribution />
        </ErrorBoundary>
        <ErrorBoundary section="dataset-health" label="Duplicates and diversity">
          <DatasetHealth />
        </ErrorBoundary>
      </div>
    </section>
  );
}
