import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Gauge } from 'lucide-react';
import { toast } from 'sonner';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { can } from '../../../core/roles';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { Skeleton } from '../../components/ui/skeleton';
import { endpoints, queries, queryKeys } from '../../lib/endpoints';
import { useMe } from '../../lib/queries';
import { CriterionAverages } from './criterion-averages';

const COLORS = { approved: '#16a34a', rejected: '#dc2626', unreviewed: '#94a3b8' };

/** Re-scoring with the current criteria, for admins; everyone sees while it runs. */
function Rescore({ outdated }: { outdated: number }) {
  const { data: me } = useMe();
  const client = useQueryClient();
  const rescore = useMutation({
    mutationFn: () => endpoints.qualityInsight.rescore(),
    onSuccess: () => {
      toast.success('Re-scoring every conversation with the current criteria', { description: 'It runs in the background; this chart updates when you reload it.' });
      void client.invalidateQueries({ queryKey: queryKeys.qualityInsight.all });
    },
    onError: (err) => toast.error(`Re-scoring did not start: ${err.message}`, { description: 'Try again in a moment.' }),
  });
  return (
    <div className="flex items-center gap-3 text-xs text-muted">
      {outdated > 0 && <span>{outdated.toLocaleString()} conversation{outdated === 1 ? ' is' : 's are'} still scored by older criteria and being re-scored.</span>}
      {can(me?.role ?? 'viewer', 'settings:write') && (
        <Button size="sm" variant="secondary" loading={rescore.isPending} onClick={() => rescore.mutate()}>
          Re-score all
        </Button>
      )}
    </div>
  );
}

/** Quality scores against reviewers' decisions, so the review threshold can be tuned. */
export function ScoreDistribution() {
  const { data, isLoading, error } = useQuery(queries.qualityDistribution());
  return (
    <section className="rounded-xl border border-border bg-surface p-4" aria-labelledby="quality-distribution-title" data-testid="quality-distribution">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="quality-distribution-title" className="text-base font-semibold">
            Quality score vs reviewers' decisions
          </h2>
          <p className="text-sm text-muted">
            Each bar counts conversations with that score, coloured by what reviewers decided: if rejections pile up at low scores, the score is doing its job.
          </p>
        </div>
        {data && <Rescore outdated={data.outdated} />}
      </div>
      {isLoading && <Skeleton className="mt-4 h-64 w-full" />}
      {error && <p className="mt-4 rounded-md bg-danger-soft p-3 text-sm text-danger">{error.message} Reload the page to try again.</p>}
      {data && data.totals.scored === 0 && (
        <EmptyState icon={Gauge} title="No scored conversations yet" hint="Generate conversations and review some of them: this chart then shows how the quality score matches your reviewers' decisions." />
      )}
      {data && data.totals.scored > 0 && (
        <>
          <p className="mt-3 text-sm" data-testid="threshold-sentence">
            {data.suggestion
              ? `${data.suggestion.sentence} Today conversations below ${data.currentThreshold} are flagged for review.`
              : `Approve and reject a few conversations to see which score threshold would catch the rejections (${data.totals.approved} approved, ${data.totals.rejected} rejected so far).`}
          </p>
          <div className="mt-3 grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <div className="h-64 min-w-0" role="img" aria-label={`Scores of ${data.totals.scored} conversations: ${data.totals.approved} approved, ${data.totals.rejected} rejected, ${data.totals.unreviewed} not reviewed`}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data.buckets} margin={{ top: 8, right: 8, bottom: 12, left: -16 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 12 }} label={{ value: 'Quality score', position: 'insideBottom', offset: -2, fontSize: 12 }} height={36} />
                  <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                  <Tooltip />
                  <Legend verticalAlign="top" height={28} />
                  <Bar dataKey="approved" name="Approved" stackId="decision" fill={COLORS.approved} />
                  <Bar dataKey="rejected" name="Rejected" stackId="decision" fill={COLORS.rejected} />
                  <Bar dataKey="unreviewed" name="Not reviewed" stackId="decision" fill={COLORS.unreviewed} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <CriterionAverages criteria={data.criteria} />
          </div>
        </>
      )}
    </section>
  );
}
