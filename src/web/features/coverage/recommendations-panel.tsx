import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { Lightbulb, Sparkles, X } from 'lucide-react';
import { toast } from 'sonner';
import { can } from '../../../core/roles';
import type { PlanRecommendedResult } from '../../../contract/coverage';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import { useMe } from '../../lib/queries';
import { GenerateDialog } from '../runs/generate-dialog';
import { DismissedList } from './dismissed-list';
import { RecommendationItem } from './recommendation-item';
import { useCoverage } from './use-coverage';
import { useRecommendationActions } from './use-recommendation-actions';

const CONFIDENCE_BOUNDS = [6, 7, 8, 9];

/**
 * "Coverage Recommendations" (US3.2.2, US10.2.2): the five combinations to generate next, with
 * their count, target and reason; dismiss one or all (and restore them); Generate Recommended
 * plans their missing slots and opens the usual estimate and confirmation for exactly those;
 * "Generate from chunks with confidence > 8" does the same from the best material.
 */
export function RecommendationsPanel() {
  const { data: report, isLoading, scope } = useCoverage();
  const { data: me } = useMe();
  const canGenerate = Boolean(me && can(me.role, 'conversations:generate'));
  const [confidence, setConfidence] = useState('');
  const [planned, setPlanned] = useState<PlanRecommendedResult | null>(null);
  const actions = useRecommendationActions((result) => {
    for (const w of result.warnings) toast.warning(w);
    setPlanned(result);
  });
  if (isLoading) return <Skeleton className="h-48 w-full" />;
  if (!report) return null;
  const recs = report.recommendations;
  const chunkRec = report.chunkRecommendation;
  const noPersonas = !report.byPersona.some((p) => p.active) || !report.byEmotion.some((e) => e.active);
  const bound = confidence === '' ? undefined : Number(confidence);
  return (
    <section aria-labelledby="coverage-recommendations" className="rounded-xl border border-border bg-surface p-4 shadow-sm" data-testid="recommendations-panel">
      <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id="coverage-recommendations" className="flex items-center gap-2 text-base font-semibold">
            <Lightbulb className="h-4 w-4 text-primary" aria-hidden /> Coverage Recommendations
          </h2>
          <p className="text-sm text-muted">
            The persona × emotion combinations with the fewest conversations, and what to generate next. Each should have {report.minPerCombination}–{report.targetPerCombination} (change this in Settings → Coverage).
          </p>
        </div>
        {canGenerate && recs.length > 0 && (
          <div className="flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-1.5 text-sm">
              <span className="text-muted">From chunks with confidence above</span>
              <select value={confidence} onChange={(e) => setConfidence(e.target.value)} className="h-9 rounded-md border border-border bg-surface px-2 text-sm" aria-label="Only chunks with confidence above">
                <option value="">any</option>
                {CONFIDENCE_BOUNDS.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </label>
            <Button onClick={() => actions.dismissAll.mutate()} loading={actions.dismissAll.isPending}>
              Dismiss all
            </Button>
            <Button variant="primary" onClick={() => actions.plan.mutate({ scope, ...(bound === undefined ? {} : { chunkConfidenceAbove: bound }) })} loading={actions.plan.isPending && !actions.plan.variables?.keys}>
              <Sparkles className="h-4 w-4" aria-hidden /> Generate Recommended
            </Button>
          </div>
        )}
      </div>

      {noPersonas ? (
        <p className="rounded-md bg-surface-muted p-3 text-sm">
          There are no personas or emotions to combine yet. <Link to="/catalog" className="text-primary hover:underline">Add them on the Catalog page</Link>, then plan conversations.
        </p>
      ) : recs.length === 0 ? (
        <p className="rounded-md bg-surface-muted p-3 text-sm" data-testid="no-recommendations">
          {report.recommendationCount === 0 && report.gaps.length === 0
            ? `Every persona × emotion combination has at least ${report.minPerCombination} conversations: nothing to recommend.`
            : 'Every recommendation is dismissed. Restore them below to see them again.'}
        </p>
      ) : (
        <ol className="space-y-2">
          {recs.map((rec) => (
            <RecommendationItem key={rec.key} rec={rec} canDismiss={canGenerate} dismissing={actions.dismiss.isPending && actions.dismiss.variables === rec.key} onDismiss={() => actions.dismiss.mutate(rec.key)} />
          ))}
        </ol>
      )}
      {recs.length > 0 && report.recommendationCount > recs.length && <p className="mt-2 text-xs text-muted">{report.recommendationCount - recs.length} more combinations are under the minimum; they move up as these fill.</p>}

      {chunkRec && (
        <div className="mt-3 flex flex-wrap items-start gap-3 rounded-lg border border-success/40 bg-success-soft p-3" data-testid="chunk-recommendation">
          <div className="min-w-0 flex-1">
            <p className="font-medium">{chunkRec.title}</p>
            <p className="text-sm">{chunkRec.reason}</p>
          </div>
          {canGenerate && (
            <div className="flex gap-1.5">
              <Button onClick={() => actions.plan.mutate({ scope, keys: [chunkRec.key] })} loading={actions.plan.isPending && Boolean(actions.plan.variables?.keys)}>
                Plan {chunkRec.toPlan} and generate
              </Button>
              <Button variant="ghost" size="icon" onClick={() => actions.dismiss.mutate(chunkRec.key)} aria-label="Dismiss the chunk recommendation" title="Dismiss">
                <X className="h-4 w-4" aria-hidden />
              </Button>
            </div>
          )}
        </div>
      )}

      <DismissedList dismissed={report.dismissed} canRestore={canGenerate} onRestore={(key) => actions.restore.mutate(key)} onRestoreAll={() => actions.restoreAll.mutate()} />

      {planned && (
        <GenerateDialog
          title={`Generate the ${planned.conversationIds.length} recommended conversation${planned.conversationIds.length === 1 ? '' : 's'}?`}
          selector={{ conversationIds: planned.conversationIds }}
          open
          onOpenChange={(open) => {
            if (!open) setPlanned(null);
          }}
        />
      )}
    </section>
  );
}
