import { eq, sql } from 'drizzle-orm';
import { CHUNK_DIMENSIONS_RUN_KIND, type DimensionEstimate, type DimensionRunBody, type DimensionSelector } from '../contract/chunk-dimensions';
import type { WorkspaceSettings } from '../contract/settings';
import { estimateDimensionRun } from '../core/chunk-dimensions-estimate';
import { AppError } from '../core/errors';
import type { Db } from '../db/client';
import { countDimensionSelection, dimensionSelectionWhere } from '../db/queries/chunk-dimensions';
import { generationRuns } from '../db/schema';
import { requestsPerMinute, runSpendingLimit } from './create-run';
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
  const spendingLimitUsd = runSpendingLimit(body.spendingLimitUsd, opts);
  return db.transaction(async (tx) => {
    const [run] = await tx
      .insert(generationRuns)
      .values({
        kind: CHUNK_DIMENSIONS_RUN_KIND,
        selector: selector as Record<string, unknown>,
        provider: opts.provider.name,
        model: opts.provider.model,
        concurrency: body.concurrency ?? opts.settings.generation.concurrency,
        spendingLimitUsd,
        estimatedCostUsd: estimate.estimatedCostUsd,
        estimatedSeconds: estimate.estimatedSeconds,
        createdBy: opts.userId,
      })
      .returning({ id: generationRuns.id });
    // A chunk already queued in another analysis stays there (the partial unique index).
    const inserted = await tx.execute(sql`
      insert into run_items (run_id, chunk_id)
      select ${run.id}, chunks.id from chunks where ${dimensionSelectionWhere(selector) ?? sql`true`}
      order by chunks.document_id, chunks.ordinal
      on conflict do nothing`);
    const total = (inserted as unknown as { affectedRows?: number; rowCount?: number }).affectedRows ?? (inserted as unknown as { rowCount?: number }).rowCount ?? 0;
    if (total === 0) {
      throw new AppError({ code: 'already_analysing', status: 409, message: 'Every selected chunk is already being analysed by another run.', hint: 'Wait for that run to finish; its progress is on the Runs page.' });
    }
    await tx.update(generationRuns).set({ total }).where(eq(generationRuns.id, run.id));
    return { runId: run.id, total, estimate };
  });
}
