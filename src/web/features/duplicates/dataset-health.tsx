import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DiversityResponse } from '../../../contract/dataset-health';
import { Skeleton } from '../../components/ui/skeleton';
import { queries } from '../../lib/endpoints';

type Group = DiversityResponse['byTier'][number];

const pct = (n: number) => `${Math.round(n * 100)} %`;

function Stat({ label, value, hint, testId, children }: { label: string; value: React.ReactNode; hint: string; testId?: string; children?: React.ReactNode }) {
  return (
    <div className="min-w-0 rounded-lg border border-border p-3" data-testid={testId}>
      <p className="text-xs text-muted">{label}</p>
      <p className="text-2xl font-semibold tabular-nums">{value}</p>
      <p className="text-xs text-muted">{hint}</p>
      {children}
    </div>
  );
}

/** distinct-1 and distinct-2 of each group as bars (0–100 %), with the numbers in a table below. */
function DiversityGroups({ title, groups, testId }: { title: string; groups: Group[]; testId: string }) {
  const data = groups.map((g) => ({ label: g.label, 'distinct-1': Math.round(g.distinct1 * 100), 'distinct-2': Math.round(g.distinct2 * 100) }));
  return (
    <div className="min-w-0 rounded-lg border border-border p-3" data-testid={testId}>
      <h3 className="mb-2 text-sm font-medium">{title}</h3>
      <ResponsiveContainer width="100%" height={Math.max(120, groups.length * 34 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ left: 0, right: 12, top: 0, bottom: 0 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} unit=" %" tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 11 }} interval={0} tickFormatter={(l: string) => (l.length > 20 ? `${l.slice(0, 19)}…` : l)} />
          <Tooltip formatter={(v) => `${v} %`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="distinct-1" fill="var(--primary)" isAnimationActive={false} />
          <Bar dataKey="distinct-2" fill="var(--success)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-xs tabular-nums">
          <thead className="text-muted">
            <tr>
              <th className="py-1 pr-2 text-left font-medium">Group</th>
              <th className="px-2 text-right font-medium">Read / with text</th>
              <th className="px-2 text-right font-medium">Vocabulary</th>
              <th className="px-2 text-right font-medium">Type-token</th>
              <th className="pl-2 text-right font-medium">Avg. words</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key} className="border-t border-border">
                <td className="max-w-48 truncate py-1 pr-2" title={g.label}>
                  {g.label}
                </td>
                <td className="px-2 text-right">
                  {g.conversations.toLocaleString()} / {g.total.toLocaleString()}
                </td>
                <td className="px-2 text-right">{g.vocabulary.toLocaleString()}</td>
                <td className="px-2 text-right">{pct(g.typeTokenRatio)}</td>
                <td className="pl-2 text-right">{g.averageWords}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Near-duplicates, diversity (distinct-n, vocabulary) per tier and persona, and the LLM judge's agreement with reviewers. */
export function DatasetHealth() {
  const dupes = useQuery(queries.nearDuplicates());
  const diversity = useQuery(queries.diversity());
  const agreement = useQuery(queries.judgeAgreement());
  const d = diversity.data;
  const a = agreement.data;
  return (
    <section aria-labelledby="dataset-health-title" data-testid="dataset-health">
      <h2 id="dataset-health-title" className="text-base font-semibold">
        Duplicates and diversity
      </h2>
      <p className="mb-3 max-w-3xl text-sm text-muted">
        Conversations that say nearly the same as an earlier one teach the model nothing new; low distinct-2 (the share of word pairs that are unique) means the wording keeps repeating.
      </p>
      <div className="mb-3 grid grid-cols-1 gap-2 sm:grid-cols-3">
        {dupes.data ? (
          <Stat
            label="Near-duplicates"
            value={dupes.data.count.toLocaleString()}
            hint={`At least ${pct(dupes.data.threshold)} similar to an earlier conversation${dupes.data.unchecked ? ` · ${dupes.data.unchecked.toLocaleString()} still being checked` : ''}.`}
            testId="near-duplicate-count"
          >
            {dupes.data.count > 0 && (
              <Link to="/conversations" search={{ nearDuplicate: '1' }} className="text-sm text-primary hover:underline">
                Show them in the table
              </Link>
            )}
          </Stat>
        ) : (
          <Skeleton className="h-24 w-full" />
        )}
        {d ? (
          <Stat label="Distinct-2 (all conversations)" value={d.overall.conversations ? pct(d.overall.distinct2) : '—'} hint={d.overall.conversations ? `Vocabulary ${d.overall.vocabulary.toLocaleString()} words, ${d.overall.averageWords} words per conversation on average.` : 'Generate conversations to measure their variety.'} />
        ) : (
          <Skeleton className="h-24 w-full" />
        )}
        {a ? (
          <Stat
            label="LLM judge agrees with reviewers"
            value={a.rate === null ? '—' : pct(a.rate)}
            hint={
              a.rate === null
                ? a.judged
                  ? 'Review some judged conversations to measure agreement.'
                  : a.enabled
                    ? 'No conversation has been judged yet: generate some.'
                    : 'The judge is off: turn it on in Settings → Quality, or judge one from its preview.'
                : `${a.agreeing} of ${a.compared} reviewed: judge ≥ ${a.threshold} approved, or below it rejected.`
            }
            testId="judge-agreement"
          />
        ) : (
          <Skeleton className="h-24 w-full" />
        )}
      </div>
      {d && d.overall.conversations > 0 ? (
        <>
          <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
            <DiversityGroups title="By tier" groups={d.byTier} testId="diversity-by-tier" />
            <DiversityGroups title="By persona" groups={d.byPersona} testId="diversity-by-persona" />
          </div>
          <p className="mt-2 text-xs text-muted">Measured on up to {d.samplePerGroup} conversations per group (a fixed sample), so groups of different sizes compare fairly.</p>
        </>
      ) : d ? (
        <p className="rounded-md border border-dashed border-border p-4 text-sm text-muted">No generated conversations yet. Generate some from the Conversations page and their diversity shows here.</p>
      ) : null}
    </section>
  );
}
