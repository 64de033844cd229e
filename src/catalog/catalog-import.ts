import { eq, max } from 'drizzle-orm';
import type { CatalogImportResult } from '../contract/dimension-catalog';
import type { CatalogImportRow } from '../core/catalog-import';
import { sameLabel } from '../core/catalog-key';
import { AppError } from '../core/errors';
import { DIMENSIONS, type Dimension } from '../core/tiers';
import type { Db } from '../db/client';
import { conversations, dimensionValues } from '../db/schema';
import { searchTextSql } from '../db/search-text-sql';
import { forgetCatalogLabels } from '../generation/slot-context';
import { keyForNewValue } from './catalog-values';

const zero = () => Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>;

/**
 * Applies checked import rows in one transaction: a row whose key (or, without a key, whose
 * label) matches an existing value updates it, any other row adds a value. All or nothing: the
 * first conflict names its line or item and nothing is kept.
 */
export async function importCatalog(db: Db, rows: CatalogImportRow[]): Promise<CatalogImportResult> {
  const result = await db.transaction(async (tx) => {
    const added = zero();
    const updated = zero();
    for (const dimension of DIMENSIONS) {
      const mine = rows.filter((r) => r.dimension === dimension);
      if (!mine.length) continue;
      const existing = await tx.select().from(dimensionValues).where(eq(dimensionValues.dimension, dimension));
      const taken = new Set(existing.map((v) => v.key));
      const [{ last }] = await tx.select({ last: max(dimensionValues.sortOrder) }).from(dimensionValues).where(eq(dimensionValues.dimension, dimension));
      let next = (last ?? -1) + 1;
      for (const row of mine) {
        const target = row.key ? existing.find((v) => v.key === row.key) : existing.find((v) => sameLabel(v.label, row.label));
        const clash = existing.find((v) => v !== target && sameLabel(v.label, row.label));
        if (clash) {
          throw new AppError({
            code: 'duplicate_catalog_value',
            status: 409,
            message: `${row.where[0].toUpperCase()}${row.where.slice(1)}, label: there is already a ${dimension} labelled "${clash.label}" (key ${clash.key}).`,
            hint: `Give the row the key ${clash.key} to update that value, or choose another label. Nothing was imported.`,
            details: { ...row.position, field: 'label', existing: { key: clash.key, label: clash.label } },
          });
        }
        if (target) {
          await tx
            .update(dimensionValues)
            .set({ label: row.label, description: row.description, guidance: row.guidance, active: row.active })
            .where(eq(dimensionValues.id, target.id));
          if (target.label !== row.label) await tx.update(conversations).set({ searchText: searchTextSql() }).where(eq(conversations[dimension], target.key));
          target.label = row.label;
          updated[dimension] += 1;
        } else {
          const key = row.key ?? keyForNewValue(dimension, row.label, taken);
          taken.add(key);
          const [inserted] = await tx
            .insert(dimensionValues)
            .values({ dimension, key, label: row.label, description: row.description ?? '', guidance: row.guidance ?? '', active: row.active ?? true, sortOrder: next++ })
            .returning();
          existing.push(inserted);
          added[dimension] += 1;
        }
      }
    }
    return { added, updated, total: rows.length };
  });
  forgetCatalogLabels(db);
  return result;
}
