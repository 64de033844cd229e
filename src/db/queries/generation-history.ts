import { sql } from 'drizzle-orm';
import type { TierHistory } from '../../core/estimate';
import type { Tier } from '../../core/tiers';
import { queryRows, type Db } from '../client';

/** Averages of the last 500 successful calls per tier for a model: the basis of estimates. */
export async function tierHistory(db: Db, model: string): Promise<Partial<Record<Tier, TierHistory>>> {
  const rows = await queryRows<{ tier: Tier; samples: number; avg_cost: number; avg_seconds: number }>(
    db,
    sql`select tier, count(*)::int as samples, avg(cost_usd)::float8 as avg_cost, (avg(duration_ms) / 1000.0)::float8 as avg_seconds
        from (select c.tier, l.cost_usd, l.duration_ms from generation_logs l join conversations c on c.id = l.conversation_id
              where l.status = 'success' and l.model = ${model} order by l.created_at desc limit 500) recent
        group by tier`,
  );
  return Object.fromEntries(rows.map((r) => [r.tier, { samples: r.samples, avgCostUsd: r.avg_cost, avgSeconds: r.avg_seconds }]));
}
