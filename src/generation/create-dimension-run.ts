import { sql } from 'drizzle-orm';
import { CHUNK_DIMENSIONS_RUN_KIND, type DimensionEstimate, type DimensionRunBody, type DimensionSelector } from '../contract/chunk-dimensions';
import type { WorkspaceSettings } from '../contract/settings';
import { estimateDimensionRun } from '../core/chunk-dimensions-estimate';
import { AppError } from '../core/errors';
import type { Db } from '../db/client';
import { countDimensionSelection, dimensionSelectionWhere } from '../db/queries/chunk-dimensions';
import { insertChunkRun } from './create-chunk-run';
import { requestsPerMinute } from './create-run';
import type { ProviderInfo } from './providers/types';

const selectorOf = ({ documentIds, chunkIds, onlyMissing, overwriteManual }: DimensionRunBody): DimensionSelector =>
  Object.fromEntries(Object.entries({ documentIds, chunkIds, onlyMissing, overwriteManual }).filter(([, v]) => v !== undefined));

/** An analysis is a short answer: a fraction of a conversation's time, never under a second. */
const secondsPerChunk = (provider: ProviderInfo) => Math.max(1, provider.typicalSeconds / 5);

export async function estimateDimensions(db: Db, body: DimensionRunBody, provider: ProviderInfo, settings: WorkspaceSettings): Promise<DimensionEstimate> {
  const selection = await countDimensionSelection(db, selectorOf(body));
  const estimate = estimateDimensionRun({
    count: selection.count,
    contentChars: selection.contentChars,
    model: provider.model,
    secondsPerChunk: secondsPerChunk(provider),
    concurrency: body.concurrency ?? settings.generation.concurrency,
    requestsPerMinute: await requestsPerMinute(db, settings, provider),
  });
  const warnings: string[] = [];
  if (selection.skippedManual > 0) warnings.push(`${selection.skippedManual} chunk${selection.skippedManual === 1 ? ' was' : 's were'} edited by hand and keep${selection.skippedManual === 1 ? 's' : ''} those edits. Choose "overwrite hand edits" to analyse them again.`);
  if (provider.name === 'offline') warnings.push('No provider key is configured, so dimensions come from text statistics (free, instant, rougher than a model).');
  return { ...estimate, skippedManual: selection.skippedManual, provider: provider.name, model: provider.model, warnings };
}

/**
 * A durable run that derives the dimensions of the selected chunks: the run row (kind
 * `chunk_dimensions`) and one item per chunk, in one transaction. It is claimed, paced,
 * budgeted, paused and cancelled like any generation run.
 */
export async function createDimensionRun(db: Db, body: DimensionRunBody, opts: { userId: string | null; provider: ProviderInfo; settings: WorkspaceSettings }): Promise<{ runId: string; total: number; estimate: DimensionEstimate }> {
  const selector = selectorOf(body);
  const estimate = await estimateDimensions(db, body, opts.provider, opts.settings);
  if (estimate.count === 0) {
    throw new AppError({
      code: 'nothing_to_analyse',
      status: 422,
      message: 'None of the selected chunks needs analysing.',
      hint:
        estimate.skippedManual > 0
          ? 'The chunks left were edited by hand. Ask to overwrite hand edits to analyse them again.'
          : 'Upload a document first, or turn off "only chunks without dimensions" to analyse chunks again.',
    });
  }
  const run = await insertChunkRun(db, {
    kind: CHUNK_DIMENSIONS_RUN_KIND,
    selector,
    chunks: sql`select chunks.id from chunks where ${dimensionSelectionWhere(selector) ?? sql`true`} order by chunks.document_id, chunks.ordinal`,
    spendingLimitUsd: body.spendingLimitUsd,
    concurrency: body.concurrency,
    estimate,
    busy: { code: 'already_analysing', message: 'Every selected chunk is already being analysed by another run.' },
    ...opts,
  });
  return { ...run, estimate };
}
