import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { CatalogItem, CreateCatalogValue, UpdateCatalogValue } from '../contract/dimension-catalog';
import { keyFromLabel, sameLabel, uniqueKey } from '../core/catalog-key';
import { AppError, notFound } from '../core/errors';
import { DIMENSION_LABELS, type Dimension } from '../core/tiers';
import type { Db, Tx } from '../db/client';
import { findCatalogValue, listCatalogValues, usageCount } from '../db/queries/catalog-values';
import { conversations, dimensionValues } from '../db/schema';
import { searchTextSql } from '../db/search-text-sql';
import { forgetCatalogLabels } from '../generation/slot-context';

const name = (dimension: Dimension) => DIMENSION_LABELS[dimension].toLowerCase();

function duplicate(dimension: Dimension, existing: { key: string; label: string }, field: 'label' | 'key'): AppError {
  return new AppError({
    code: 'duplicate_catalog_value',
    status: 409,
    message: `There is already a ${name(dimension)} ${field === 'label' ? `labelled "${existing.label}"` : `with the key "${existing.key}"`} (key ${existing.key}).`,
    hint: `Edit the existing ${name(dimension)} "${existing.label}" instead, or choose another ${field}.`,
    details: { field, existing: { key: existing.key, label: existing.label } },
  });
}

async function valuesOf(tx: Db | Tx, dimension: Dimension) {
  return tx.select({ key: dimensionValues.key, label: dimensionValues.label, id: dimensionValues.id }).from(dimensionValues).where(eq(dimensionValues.dimension, dimension));
}

/** The key a new value gets: the one asked for, else derived from the label and made unique. */
export function keyForNewValue(dimension: Dimension, label: string, taken: ReadonlySet<string>): string {
  return uniqueKey(keyFromLabel(label) || `${dimension}_value`, taken);
}

async function present(db: Db | Tx, dimension: Dimension, key: string): Promise<CatalogItem> {
  const item = (await listCatalogValues(db, dimension)).find((v) => v.key === key);
  if (!item) throw notFound(`The ${name(dimension)} "${key}"`);
  return item;
}

export async function createCatalogValue(db: Db, dimension: Dimension, input: CreateCatalogValue): Promise<CatalogItem> {
  const key = await db.transaction(async (tx) => {
    const existing = await valuesOf(tx, dimension);
    const sameKey = input.key ? existing.find((v) => v.key === input.key) : undefined;
    if (sameKey) throw duplicate(dimension, sameKey, 'key');
    const sameName = existing.find((v) => sameLabel(v.label, input.label));
    if (sameName) throw duplicate(dimension, sameName, 'label');
    const key = input.key ?? keyForNewValue(dimension, input.label, new Set(existing.map((v) => v.key)));
    const [{ last }] = await tx.select({ last: max(dimensionValues.sortOrder) }).from(dimensionValues).where(eq(dimensionValues.dimension, dimension));
    await tx.insert(dimensionValues).values({ dimension, key, label: input.label, description: input.description ?? '', guidance: input.guidance ?? '', sortOrder: (last ?? -1) + 1 });
    return key;
  });
  forgetCatalogLabels(db);
  return present(db, dimension, key);
}

export async function updateCatalogValue(db: Db, dimension: Dimension, key: string, patch: UpdateCatalogValue): Promise<CatalogItem> {
  await db.transaction(async (tx) => {
    const row = await findCatalogValue(tx, dimension, key);
    if (!row) throw notFound(`The ${name(dimension)} "${key}"`, `Open the ${DIMENSION_LABELS[dimension]} tab of the Catalog page to see the keys there are.`);
    if (patch.label !== undefined) {
      const clash = (await valuesOf(tx, dimension)).find((v) => v.key !== key && sameLabel(v.label, patch.label as string));
      if (clash) throw duplicate(dimension, clash, 'label');
    }
    await tx
      .update(dimensionValues)
      .set({ label: patch.label, description: patch.description, guidance: patch.guidance, active: patch.active })
      .where(eq(dimensionValues.id, row.id));
    // The search box finds conversations by their labels: a renamed value is found by its new name.
    if (patch.label !== undefined && patch.label !== row.label) {
      await tx.update(conversations).set({ searchText: searchTextSql() }).where(eq(conversations[dimension], key));
    }
  });
  forgetCatalogLabels(db);
  return present(db, dimension, key);
}

/** Deletes a value no conversation uses; one in use can only be deactivated, so no conversation loses its value. */
export async function deleteCatalogValue(db: Db, dimension: Dimension, key: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await findCatalogValue(tx, dimension, key);
    if (!row) throw notFound(`The ${name(dimension)} "${key}"`);
    const used = await usageCount(tx, dimension, key);
    if (used > 0) {
      throw new AppError({
        code: 'catalog_value_in_use',
        status: 409,
        message: `The ${name(dimension)} "${row.label}" is used by ${used} conversation${used === 1 ? '' : 's'}, so it cannot be deleted.`,
        hint: `Deactivate it instead: it stays on those conversations but is no longer offered for new ones (PATCH with { "active": false }, or the switch on the Catalog page).`,
        details: { usageCount: used, key, canDeactivate: true },
      });
    }
    await tx.delete(dimensionValues).where(eq(dimensionValues.id, row.id));
  });
  forgetCatalogLabels(db);
}

/** Puts the listed values first, in the order given; values not listed keep their order after them. */
export async function reorderCatalogValues(db: Db, dimension: Dimension, keys: string[]): Promise<CatalogItem[]> {
  await db.transaction(async (tx) => {
    const rows = await valuesOf(tx, dimension);
    const known = new Set(rows.map((r) => r.key));
    const unknown = keys.filter((k) => !known.has(k));
    if (unknown.length) {
      throw new AppError({
        code: 'unknown_catalog_key',
        status: 400,
        message: `${DIMENSION_LABELS[dimension]} has no value with the key ${unknown.map((k) => `"${k}"`).join(', ')}.`,
        hint: `Send the keys listed by GET /api/catalog/${dimension}.`,
        details: { field: 'keys', unknown },
      });
    }
    const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
    if (repeated) throw new AppError({ code: 'invalid_request', status: 400, message: `The key "${repeated}" is listed twice.`, hint: 'List each key once, in the new order.', details: { field: 'keys' } });
    const current = await listCatalogValues(tx, dimension);
    const order = [...keys, ...current.map((v) => v.key).filter((k) => !keys.includes(k))];
    const cases = sql.join(order.map((k, i) => sql`when ${k} then ${i}::int`), sql` `);
    await tx
      .update(dimensionValues)
      .set({ sortOrder: sql`case ${dimensionValues.key} ${cases} end` })
      .where(and(eq(dimensionValues.dimension, dimension), inArray(dimensionValues.key, order)));
  });
  return listCatalogValues(db, dimension);
}
