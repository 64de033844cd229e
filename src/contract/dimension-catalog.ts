import { z } from 'zod';
import { DIMENSIONS } from '../core/tiers';

/** `/api/catalog/:dimension`: one of the five planning dimensions. */
export const dimensionParams = z.object({
  dimension: z.enum(DIMENSIONS, { error: `must be one of ${DIMENSIONS.join(', ')}` }),
});
export const dimensionValueParams = dimensionParams.extend({ key: z.string().min(1).max(80) });

/** A catalog value as the Catalog page shows it: inactive ones too, with how many conversations use it. */
export const catalogItem = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  guidance: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  active: z.boolean(),
  sortOrder: z.number(),
  usageCount: z.number(),
});
export type CatalogItem = z.infer<typeof catalogItem>;
export const catalogItemList = z.object({ items: z.array(catalogItem) });
export type CatalogItemList = z.infer<typeof catalogItemList>;

const label = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');
const description = z.string().trim().max(1000, 'must be at most 1000 characters');
const guidance = z.string().trim().max(4000, 'must be at most 4000 characters');
/** Keys are what conversations store and filters use: lower-case snake_case. */
export const catalogKey = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(60, 'must be at most 60 characters')
  .regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and underscores, starting with a letter (e.g. first_time_buyer)');

export const createCatalogValue = z
  .object({ label, description: description.optional(), guidance: guidance.optional(), key: catalogKey.optional() })
  .strict();
export type CreateCatalogValue = z.infer<typeof createCatalogValue>;

export const updateCatalogValue = z
  .object({ label: label.optional(), description: description.optional(), guidance: guidance.optional(), active: z.boolean().optional() })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'must change at least one of label, description, guidance, active' });
export type UpdateCatalogValue = z.infer<typeof updateCatalogValue>;

export const reorderCatalog = z.object({ keys: z.array(catalogKey).min(1, 'must list at least one key').max(1000) }).strict();
export type ReorderCatalog = z.infer<typeof reorderCatalog>;

export const deleteCatalogResult = z.object({ deleted: z.string() });

const perDimension = z.object(Object.fromEntries(DIMENSIONS.map((d) => [d, z.number()])) as Record<(typeof DIMENSIONS)[number], z.ZodNumber>);
/** What an import did, per dimension. */
export const catalogImportResult = z.object({ added: perDimension, updated: perDimension, total: z.number() });
export type CatalogImportResult = z.infer<typeof catalogImportResult>;

/** A JSON import: `{ items: [...] }` or the array itself. CSV is sent as text/csv. */
export const catalogImportJson = z.union([z.array(z.unknown()), z.object({ items: z.array(z.unknown()) })]);
