import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { BulkSelection } from '../contract/bulk';
import { exportBalance, type BalanceDimension, type ExportBalance } from '../core/export-balance';
import type { Db } from '../db/client';
import { conversations, dimensionValues } from '../db/schema';
import { getSettings } from '../settings/workspace-settings';

/** A filter on tier, persona or emotion means the user chose that spread on purpose (an export by tier or persona). */
function restrictedBy(selection: BulkSelection | undefined): Partial<Record<BalanceDimension, boolean>> {
  if (!selection || !('filter' in selection)) return {};
  const filter = selection.filter as Record<string, unknown>;
  const set = (key: string) => Array.isArray(filter[key]) && (filter[key] as unknown[]).length > 0;
  return { tier: set('tier'), persona: set('persona'), emotion: set('emotion') };
}

/**
 * The whole export's spread by tier, persona and emotion (one grouped count, so it covers every
 * conversation however many the preview validates), weighed against the plan's tier split and
 * the catalog.
 */
export async function exportBalanceOf(db: Db, where: SQL | undefined, selection: BulkSelection | undefined): Promise<ExportBalance> {
  const rows = await db
    .select({ tier: conversations.tier, persona: conversations.persona, emotion: conversations.emotion, count: sql<number>`count(*)::int` })
    .from(conversations)
    .where(where)
    .groupBy(conversations.tier, conversations.persona, conversations.emotion);
  const counts: Record<BalanceDimension, Record<string, number>> = { tier: {}, persona: {}, emotion: {} };
  for (const row of rows) {
    for (const dimension of ['tier', 'persona', 'emotion'] as const) counts[dimension][row[dimension]] = (counts[dimension][row[dimension]] ?? 0) + row.count;
  }
  const values = await db
    .select({ dimension: dimensionValues.dimension, key: dimensionValues.key, label: dimensionValues.label })
    .from(dimensionValues)
    .where(and(eq(dimensionValues.active, true), sql`${dimensionValues.dimension} in ('persona', 'emotion')`))
    .orderBy(dimensionValues.sortOrder, dimensionValues.label);
  const catalog = { persona: new Map<string, string>(), emotion: new Map<string, string>() };
  for (const v of values) catalog[v.dimension as 'persona' | 'emotion'].set(v.key, v.label);
  const { planning } = await getSettings(db);
  return exportBalance({ counts, tierSplit: planning.tierSplit, catalog, restricted: restrictedBy(selection) });
}
