import { sql } from 'drizzle-orm';
import type { SeedComparison, SeedComparisonGroup, SeedMetrics } from '../../contract/seeds';
import { belowSeedBaseline, SEED_BASELINE_MARGIN } from '../../core/seed-template';
import { TIERS, type Tier } from '../../core/tiers';
import { queryRows, type Db } from '../client';

const round = (n: number | null, digits = 1) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);
const gapOf = (a: number | null, b: number | null) => (a === null || b === null ? null : round(a - b));

interface Row {
  tier: Tier;
  seed: boolean;
  n: number;
  quality: number | null;
  turns: number | null;
  words: number | null;
}

function metrics(rows: Row[]): SeedMetrics {
  const count = rows.reduce((s, r) => s + r.n, 0);
  // Averages of groups weighted by their sizes: the average over all their conversations.
  const weighted = (pick: (r: Row) => number | null) => {
    const withValue = rows.filter((r) => pick(r) !== null && r.n > 0);
    const n = withValue.reduce((s, r) => s + r.n, 0);
    return n ? withValue.reduce((s, r) => s + (pick(r) as number) * r.n, 0) / n : null;
  };
  return { count, averageQuality: round(weighted((r) => r.quality)), averageTurns: round(weighted((r) => r.turns)), averageTurnWords: round(weighted((r) => r.words), 0) };
}

function group(rows: Row[]): SeedComparisonGroup {
  const seeds = metrics(rows.filter((r) => r.seed));
  const generated = metrics(rows.filter((r) => !r.seed));
  return {
    seeds,
    generated,
    gap: { quality: gapOf(generated.averageQuality, seeds.averageQuality), turns: gapOf(generated.averageTurns, seeds.averageTurns), turnWords: gapOf(generated.averageTurnWords, seeds.averageTurnWords) },
  };
}

/** "Generated conversations score 0.8 below your seeds on average", or what to do first. */
export function comparisonSummary(overall: SeedComparisonGroup): string {
  const { seeds, generated, gap } = overall;
  if (!seeds.count) return 'No seed conversations yet: import a few hand-written conversations to compare the generated ones with.';
  if (!generated.count || gap.quality === null) return `${seeds.count} seed conversation${seeds.count === 1 ? '' : 's'}, and nothing generated yet to compare with them.`;
  const size = Math.abs(gap.quality).toFixed(1);
  const lead =
    gap.quality === 0
      ? 'Generated conversations score the same as your seeds on average'
      : `Generated conversations score ${size} ${gap.quality < 0 ? 'below' : 'above'} your seeds on average`;
  const verdict = gap.quality < -SEED_BASELINE_MARGIN ? ` — more than ${SEED_BASELINE_MARGIN} point below: look at the weakest ones and adjust the templates.` : gap.quality < 0 ? ' — within the 1-point margin.' : '.';
  return `${lead} (${generated.averageQuality} against ${seeds.averageQuality})${verdict}`;
}

/**
 * Seeds against generated conversations (US10.3.1, US10.3.2): count, average quality, turns
 * and words per turn, overall and per tier, and each seed with the conversations planned from
 * it. Generated means written by the generator and scored: generated, approved or rejected.
 */
export async function seedComparison(db: Db): Promise<SeedComparison> {
  const rows = await queryRows<Row>(
    db,
    sql`select c.tier as "tier", c.is_seed as "seed", count(*)::int as "n",
               avg(c.quality_score)::float8 as "quality", avg(c.turn_count)::float8 as "turns",
               avg(w.words)::float8 as "words"
        from conversations c
        left join lateral (
          -- Spaces plus one: words without splitting every turn into an array (a 100,000-row table has a million turns).
          select avg(length(trim(t.content)) - length(replace(trim(t.content), ' ', '')) + 1)::float8 as words
          from conversation_turns t where t.conversation_id = c.id
        ) w on true
        where c.status in ('generated', 'approved', 'rejected') and c.quality_score is not null
        group by 1, 2`,
  );
  const byTier = Object.fromEntries(TIERS.map((tier) => [tier, group(rows.filter((r) => r.tier === tier))])) as SeedComparison['byTier'];
  const overall = group(rows);
  const seedRows = await queryRows<{ id: string; conversation_id: string; title: string; tier: Tier; quality_score: number | null; variations: number; generated: number; average: number | null; scores: number[] | null }>(
    db,
    sql`select s.id, s.conversation_id, s.title, s.tier, s.quality_score,
               count(v.id)::int as "variations",
               (count(v.id) filter (where v.quality_score is not null))::int as "generated",
               avg(v.quality_score)::float8 as "average",
               array_remove(array_agg(v.quality_score), null) as "scores"
        from conversations s
        left join conversations v on v.metadata->>'seedId' = s.conversation_id and not v.is_seed
        where s.is_seed
        group by s.id
        order by s.conversation_id`,
  );
  return {
    overall,
    byTier,
    seeds: seedRows.map((r) => ({
      id: r.id,
      conversationId: r.conversation_id,
      title: r.title,
      tier: r.tier,
      qualityScore: r.quality_score,
      variations: r.variations,
      generated: r.generated,
      averageQuality: round(r.average),
      belowBaseline: (r.scores ?? []).filter((s) => belowSeedBaseline(Number(s), r.quality_score)).length,
    })),
    summary: comparisonSummary(overall),
  };
}
