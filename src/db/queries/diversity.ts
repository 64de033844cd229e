import { sql } from 'drizzle-orm';
import type { DiversityResponse } from '../../contract/dataset-health';
import { DiversityCounter } from '../../core/diversity';
import { conversationText } from '../../core/minhash';
import { TIER_LABELS, type Tier } from '../../core/tiers';
import { queryRows, type Db } from '../client';

/**
 * Conversations read per group. Distinct-n falls as a group's text grows, so groups are compared
 * on samples of the same size; a fixed pseudo-random sample (ordered by a hash of the id) keeps
 * the figures stable between loads and the read small at 100,000 conversations.
 */
export const DIVERSITY_SAMPLE = 200;

type Row = { tier: string; persona: string; persona_label: string; in_tier: boolean; in_persona: boolean; in_all: boolean; turns: string };

export async function getDiversity(db: Db, sample = DIVERSITY_SAMPLE): Promise<DiversityResponse> {
  const totals = await queryRows<{ tier: string; persona: string; n: number }>(db, sql`select tier, persona, count(*)::int as n from conversations where turn_count > 0 group by tier, persona`);
  const rows = await queryRows<Row>(
    db,
    sql`with ranked as (
      select c.id, c.tier, c.persona,
        row_number() over (partition by c.tier order by md5(c.id::text)) as rt,
        row_number() over (partition by c.persona order by md5(c.id::text)) as rp,
        row_number() over (order by md5(c.id::text)) as ra
      from conversations c where c.turn_count > 0)
    select r.tier, r.persona, coalesce((select v.label from dimension_values v where v.dimension = 'persona' and v.key = r.persona), r.persona) as persona_label,
      r.rt <= ${sample} as in_tier, r.rp <= ${sample} as in_persona, r.ra <= ${sample} as in_all, t.turns
    from ranked r join conversation_transcripts t on t.conversation_id = r.id
    where r.rt <= ${sample} or r.rp <= ${sample} or r.ra <= ${sample}`,
  );
  const overall = new DiversityCounter();
  const tiers = new Map<string, DiversityCounter>();
  const personas = new Map<string, { label: string; counter: DiversityCounter }>();
  for (const row of rows) {
    const text = conversationText(JSON.parse(row.turns) as { content: string }[]);
    if (row.in_all) overall.add(text);
    if (row.in_tier) (tiers.get(row.tier) ?? tiers.set(row.tier, new DiversityCounter()).get(row.tier)!).add(text);
    if (row.in_persona) {
      const entry = personas.get(row.persona) ?? personas.set(row.persona, { label: row.persona_label, counter: new DiversityCounter() }).get(row.persona)!;
      entry.counter.add(text);
    }
  }
  const totalOf = (pick: (t: { tier: string; persona: string }) => boolean) => totals.filter(pick).reduce((n, t) => n + t.n, 0);
  return {
    samplePerGroup: sample,
    overall: { ...overall.stats(), total: totalOf(() => true) },
    byTier: [...tiers].map(([key, c]) => ({ key, label: TIER_LABELS[key as Tier] ?? key, total: totalOf((t) => t.tier === key), ...c.stats() })).sort((a, b) => a.key.localeCompare(b.key)),
    byPersona: [...personas].map(([key, p]) => ({ key, label: p.label, total: totalOf((t) => t.persona === key), ...p.counter.stats() })).sort((a, b) => a.label.localeCompare(b.label)),
  };
}
