import { and, eq, inArray, not, or, sql, type SQL } from 'drizzle-orm';
import type { Selector } from '../../contract/runs';
import { ACTIVE_ITEM_STATUSES } from '../../core/run-statuses';
import { conversationLifecycle } from '../../core/statuses';
import type { Db } from '../client';
import { conversations } from '../schema';
import { statusList } from '../status-sql';
import { conversationWhere } from './conversation-filter';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a selector names, before the rules about what may be generated. Bulk review and delete
 * use it too, so a selection means the same conversations everywhere.
 */
export function selectedWhere(selector: Selector): SQL | undefined {
  if (selector.conversationIds) {
    const ids = selector.conversationIds.filter((id) => UUID.test(id));
    const humanIds = selector.conversationIds.filter((id) => !UUID.test(id));
    return or(ids.length ? inArray(conversations.id, ids) : undefined, humanIds.length ? inArray(conversations.conversationId, humanIds) : undefined);
  }
  if (selector.filter) return conversationWhere(selector.filter);
  if (selector.tier) return eq(conversations.tier, selector.tier);
  return undefined;
}

const WITHOUT_TEXT = ['not_generated', 'failed'] as const;

/**
 * The conversations a run generates: never seeds, never one already generating; and only
 * those without text (not generated or failed) unless `regenerate` is asked for, so a bulk
 * action never overwrites reviewed work by accident.
 */
export function generatableWhere(selector: Selector): SQL | undefined {
  const statuses = selector.regenerate ? conversationLifecycle.sources('claim') : WITHOUT_TEXT;
  return and(
    selectedWhere(selector),
    eq(conversations.isSeed, false),
    inArray(conversations.status, statuses),
    not(sql`exists (select 1 from run_items ri where ri.conversation_id = ${conversations.id} and ri.status in (${statusList(ACTIVE_ITEM_STATUSES)}))`),
  );
}

/** How many conversations the selector names in all (and how many are seeds, never generated), and how many of them will be generated, per tier. */
export async function countSelection(db: Db, selector: Selector) {
  const named = await db
    .select({ n: sql<number>`count(*)::int`, seeds: sql<number>`(count(*) filter (where ${conversations.isSeed}))::int` })
    .from(conversations)
    .where(selectedWhere(selector));
  const byTier = await db
    .select({ tier: conversations.tier, n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(generatableWhere(selector))
    .groupBy(conversations.tier);
  const tiers = { template: 0, scenario: 0, edge_case: 0 } as Record<string, number>;
  for (const row of byTier) tiers[row.tier] = row.n;
  const count = byTier.reduce((n, r) => n + r.n, 0);
  return { named: named[0].n, seeds: named[0].seeds, count, byTier: tiers as { template: number; scenario: number; edge_case: number } };
}
