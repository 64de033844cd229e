import { z } from 'zod';
import { chunkDimensionsPatchSchema, DIMENSION_SOURCES } from '../core/chunk-dimensions';

export { chunkDimensionsSchema, chunkDimensionsPatchSchema, type DerivedDimensions, type DimensionsPatch } from '../core/chunk-dimensions';

/** Which chunks a dimension run analyses: the given documents' or chunks' (none given: every chunk). */
export const dimensionSelector = z
  .object({
    documentIds: z.array(z.uuid('must be a document id')).min(1).max(10_000).optional(),
    chunkIds: z.array(z.uuid('must be a chunk id')).min(1).max(50_000).optional(),
    /** Only chunks that have no dimensions yet. */
    onlyMissing: z.boolean().optional(),
    /** Also re-analyse chunks whose dimensions were edited by hand (their edits are replaced). */
    overwriteManual: z.boolean().optional(),
  })
  .strict();
export type DimensionSelector = z.infer<typeof dimensionSelector>;

export const dimensionRunBody = dimensionSelector.extend({
  spendingLimitUsd: z.number().positive().max(1_000_000).optional(),
  concurrency: z.number().int().min(1).max(20).optional(),
});
export type DimensionRunBody = z.infer<typeof dimensionRunBody>;

/** What analysing a selection would take; `skippedManual` chunks keep their hand edits. */
export const dimensionEstimate = z.object({
  count: z.number(),
  estimatedCostUsd: z.number(),
  estimatedSeconds: z.number(),
  skippedManual: z.number(),
  provider: z.string(),
  model: z.string(),
  warnings: z.array(z.string()),
});
export type DimensionEstimate = z.infer<typeof dimensionEstimate>;

export const dimensionRunResponse = z.object({ runId: z.string(), total: z.number(), estimate: dimensionEstimate });
export type DimensionRunResponse = z.infer<typeof dimensionRunResponse>;

/** `PATCH /api/chunks/:id`: some dimensions, each checked like a provider's answer. */
export const chunkPatchBody = z.object({ dimensions: chunkDimensionsPatchSchema }).strict();
export type ChunkPatchBody = z.infer<typeof chunkPatchBody>;

export const chunkDetail = z.object({
  id: z.string(),
  documentId: z.string(),
  ordinal: z.number(),
  heading: z.string().nullable(),
  content: z.string(),
  dimensions: z.record(z.string(), z.unknown()),
  dimensionsSource: z.enum(DIMENSION_SOURCES).nullable(),
  dimensionsUpdatedAt: z.string().nullable(),
});
export type ChunkDetail = z.infer<typeof chunkDetail>;

/** The run kind of a dimension run, as stored and as the Runs page reads it. */
export const CHUNK_DIMENSIONS_RUN_KIND = 'chunk_dimensions';
