import { and, asc, count, eq } from 'drizzle-orm';
import type { CatalogItem } from '../../contract/dimension-catalog';
import type { Dimension } from '../../core/tiers';
import type { Db, Tx } from '../client';
import { conversations, dimensionValues } from '../schema';

/** How many conversations carry each value of a dimension. */
export async function usageCounts(db: Db | Tx, dimension: Dimension): Promise<Map<string, number>> {
  const column = conversations[dimension];
  const rows = await db.select({ key: column, n: count() }).from(conversations).groupBy(column);
  return new Map(rows.map((r) => [r.key, r.n]));
}

export async function usageCount(db: Db | Tx, dimension: Dimension, key: string): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(conversations).where(eq(conversations[dimension], key));
  return n;
}

/** Every value of a dimension, inactive ones too, in the team's order, with its usage. */
export async function listCatalogValues(db: Db | Tx, dimension: Dimension): Promise<CatalogItem[]> {
  const [rows, usage] = await Promise.all([
    db.select().from(dimensionValues).where(eq(dimensionValues.dimension, dimension)).orderBy(asc(dimensionValues.sortOrder), asc(dimensionValues.id)),
    usageCounts(db, dimension),
  ]);
  return rows.map((v) => ({
    key: v.key,
    label: v.label,
    description: v.description,
    guidance: v.guidance,
    attributes: v.attributes,
    active: v.active,
    sortOrder: v.sortOrder,
    usageCount: usage.get(v.key) ?? 0,
  }));
}

export async function findCatalogValue(db: Db | Tx, dimension: Dimension, key: string) {
  const [row] = await db.select().from(dimensionValues).where(and(eq(dimensionValues.dimension, dimension), eq(dimensionValues.key, key)));
  return row;
}
