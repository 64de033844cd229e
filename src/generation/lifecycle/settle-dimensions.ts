import { sql } from 'drizzle-orm';
import type { DerivedDimensions, DimensionSource } from '../../core/chunk-dimensions';
import type { Usage } from '../../core/provider-errors';
import type { Db } from '../../db/client';
import type { ClaimedChunkItem } from '../item-types';
import { json, settleChunkItem } from './settle-chunk-item';

/** A chunk's analysis, validated, ready to be stored. */
export interface AnalysedChunk {
  costUsd: number;
  dimensions: DerivedDimensions;
  source: Exclude<DimensionSource, 'manual'>;
  provider: string;
  model: string;
  usage: Usage;
  log: { request: unknown; response: unknown; durationMs: number };
}

/**
 * Settles a chunk item with its dimensions (succeed), in one statement (settleChunkItem): the
 * item, its reservation and the run's spend, the chunk and the log row, all conditioned on the
 * lease still being ours (LeaseLost otherwise). A chunk edited by hand while the run went on
 * keeps its edit unless the run was started to overwrite hand edits (the selector says so).
 * Returns the run's spend, for the budget warning.
 */
export async function settleDimensions(db: Db, item: ClaimedChunkItem, answer: AnalysedChunk): Promise<{ spent: number; limit: number | null; warned: boolean }> {
  const store = sql`
      update chunks set dimensions = ${json(answer.dimensions)}, dimensions_source = ${answer.source}, dimensions_updated_at = now()
      where id = ${item.chunkId} and exists (select 1 from settled)
        and (dimensions_source is distinct from 'manual' or coalesce(((select selector from budget)->>'overwriteManual')::boolean, false))`;
  return settleChunkItem(db, item, answer, store, { chunkId: item.chunkId });
}
