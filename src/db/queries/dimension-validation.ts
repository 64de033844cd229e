import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../core/errors';
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from '../../core/tiers';
import type { Db, Tx } from '../client';
import { dimensionValues } from '../schema';

/**
 * Refuses a conversation's dimension values unless each is an active value of the workspace's
 * catalog (US9.2.1), naming the field and the values it allows, so the caller can correct it.
 */
export async function assertKnownDimensionValues(db: Db | Tx, values: Partial<Record<Dimension, string>>): Promise<void> {
  const given = DIMENSIONS.filter((d) => values[d] !== undefined);
  if (!given.length) return;
  const rows = await db
    .select({ dimension: dimensionValues.dimension, key: dimensionValues.key, active: dimensionValues.active })
    .from(dimensionValues)
    .where(and(inArray(dimensionValues.dimension, given), eq(dimensionValues.active, true)));
  for (const dimension of given) {
    const allowed = rows.filter((r) => r.dimension === dimension).map((r) => r.key);
    const value = values[dimension] as string;
    if (allowed.includes(value)) continue;
    throw new AppError({
      code: 'unknown_dimension_value',
      status: 400,
      message: allowed.length
        ? `${DIMENSION_LABELS[dimension]} "${value}" is not in the workspace's catalog.`
        : `The workspace has no active ${DIMENSION_LABELS[dimension].toLowerCase()} values yet, so "${value}" cannot be used.`,
      hint: allowed.length
        ? `Use one of: ${allowed.slice(0, 20).join(', ')}${allowed.length > 20 ? ', …' : ''} — or add "${value}" on the Catalog page first.`
        : `Add ${DIMENSION_LABELS[dimension].toLowerCase()} values on the Catalog page first.`,
      details: { field: dimension, value, allowed },
    });
  }
}
