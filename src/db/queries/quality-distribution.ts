import { sql } from 'drizzle-orm';
import type { QualityDistribution } from '../../contract/quality';
import { QUALITY_THRESHOLDS } from '../../core/quality';
import { byCriterionOrder } from '../../core/quality-level';
import { fillBuckets, suggestThreshold, thresholdOutcomes } from '../../core/quality-distribution';
import { queryRows, type Db } from '../client';
import { countOutdatedScores } from './quality-rescore';

// Reviewer decisions only: seeds are approved by construction, not by a reviewer.
const decided = sql`case when c.status in ('approved', 'rejected') then c.status else 'unreviewed' end`;

/** Scores against reviewers' decisions: buckets, per-criterion averages and what each threshold would catch. */
export async function getQualityDistribution(db: Db): Promise<QualityDistribution> {
  const [counts, criteria, outdated] = await Promise.all([
    queryRows<{ bucket: number; status: 'approved' | 'rejected' | 'unreviewed'; n: number }>(
      db,
      sql`select least(floor(c.quality_score), 9)::int as bucket, ${decided} as status, count(*)::int as n
          from conversations c where c.quality_score is not null and not c.is_seed and c.turn_count > 0 group by 1, 2`,
    ),
    queryRows<{ key: string; label: string; status: 'approved' | 'rejected'; average: number; n: number }>(
      db,
      sql`select b.key, max(b.value->>'label') as label, c.status, round(avg((b.value->>'score')::numeric), 1)::float8 as average, count(*)::int as n
          from conversations c cross join lateral jsonb_each(c.quality_breakdown->'breakdown') b
          where c.status in ('approved', 'rejected') and not c.is_seed and jsonb_typeof(c.quality_breakdown->'breakdown') = 'object'
          group by b.key, c.status`,
    ),
    countOutdatedScores(db),
  ]);
  const buckets = fillBuckets(counts);
  const totals = buckets.reduce(
    (t, b) => ({ scored: t.scored + b.approved + b.rejected + b.unreviewed, approved: t.approved + b.approved, rejected: t.rejected + b.rejected, unreviewed: t.unreviewed + b.unreviewed }),
    { scored: 0, approved: 0, rejected: 0, unreviewed: 0 },
  );
  const outcomes = thresholdOutcomes(buckets);
  const byKey = new Map<string, QualityDistribution['criteria'][number]>();
  for (const row of criteria) {
    const entry = byKey.get(row.key) ?? { key: row.key, label: row.label, approvedAverage: null, rejectedAverage: null, approvedCount: 0, rejectedCount: 0 };
    if (row.status === 'approved') Object.assign(entry, { approvedAverage: row.average, approvedCount: row.n });
    else Object.assign(entry, { rejectedAverage: row.average, rejectedCount: row.n });
    byKey.set(row.key, entry);
  }
  return {
    buckets: buckets.map((b) => ({ ...b, label: `${b.min}–${b.min + 1}` })),
    criteria: byCriterionOrder([...byKey.values()]),
    thresholds: outcomes,
    suggestion: suggestThreshold(outcomes, totals),
    currentThreshold: QUALITY_THRESHOLDS.medium,
    totals,
    outdated,
  };
}
