import { useQuery } from '@tanstack/react-query';
import { ErrorBoundary } from '../components/error-boundary';
import { CoverageCharts } from '../features/coverage/coverage-charts';
import { RecommendationsPanel } from '../features/coverage/recommendations-panel';
import { useCoverageScope } from '../features/coverage/use-coverage';
import { DatasetHealth } from '../features/duplicates/dataset-health';
import { ScoreDistribution } from '../features/quality/score-distribution';
import { queries } from '../lib/endpoints';
import { useAfterPaint } from '../lib/use-after-paint';

/** The dataset as a whole (US3.2.1, US3.2.2): where it is thin, how good and varied it is, and what to generate next. */
export function CoveragePage() {
  // The quality and health sections sit below the coverage charts: they load once the charts are drawn.
  const [scope] = useCoverageScope();
  const coverage = useQuery(queries.coverage(scope));
  const belowTheFold = useAfterPaint(!coverage.isLoading);
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
        {belowTheFold && (
          <>
            <ErrorBoundary section="quality-distribution" label="The quality distribution">
              <ScoreDistribution />
            </ErrorBoundary>
            <ErrorBoundary section="dataset-health" label="Duplicates and diversity">
              <DatasetHealth />
            </ErrorBoundary>
          </>
        )}
      </div>
    </section>
  );
}
