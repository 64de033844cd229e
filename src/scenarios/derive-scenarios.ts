import { sql } from 'drizzle-orm';
import { SCENARIO_DERIVATION_RUN_KIND, type DeriveEstimate, type DeriveScenariosBody } from '../contract/scenarios';
import type { WorkspaceSettings } from '../contract/settings';
import { estimateDimensionRun } from '../core/chunk-dimensions-estimate';
import { AppError } from '../core/errors';
import { estimateTokens } from '../core/pricing';
import { SCENARIO_SYSTEM_PROMPT, TYPICAL_SCENARIO_OUTPUT_TOKENS } from '../core/scenario-answer';
import type { Db } from '../db/client';
import { countDerivation, derivationWhere, type DerivationSelector } from '../db/queries/scenarios';
import { insertChunkRun } from '../generation/create-chunk-run';
import { requestsPerMinute } from '../generation/create-run';
import type { ProviderInfo } from '../generation/providers/types';

const selectorOf = ({ documentIds, chunkIds, category, perChunk }: DeriveScenariosBody): DerivationSelector =>
  Object.fromEntries(Object.entries({ documentIds, chunkIds, category, perChunk }).filter(([, v]) => v !== undefined));

/** Instructions, catalog lists and the passage's frame around each chunk's text, in tokens. */
const PROMPT_OVERHEAD_TOKENS = estimateTokens(SCENARIO_SYSTEM_PROMPT) + 400;

/** What drawing scenarios from a selection would take: chunks, cost and time, as a chunk analysis is estimated. */
export async function estimateDerivation(db: Db, body: DeriveScenariosBody, provider: ProviderInfo, settings: WorkspaceSettings): Promise<DeriveEstimate> {
  const selector = selectorOf(body);
  const selection = await countDerivation(db, selector);
  const perChunk = body.perChunk ?? 1;
  const estimate = estimateDimensionRun({
    count: selection.count,
    contentChars: selection.contentChars,
    model: provider.model,
    // A few scenarios are a longer answer than a chunk's dimensions: about half a conversation.
    secondsPerChunk: Math.max(1, (provider.typicalSeconds / 2) * perChunk),
    concurrency: body.concurrency ?? settings.generation.concurrency,
    requestsPerMinute: await requestsPerMinute(db, settings, provider),
    promptOverheadTokens: PROMPT_OVERHEAD_TOKENS,
    outputTokensPerChunk: TYPICAL_SCENARIO_OUTPUT_TOKENS * perChunk,
  });
  const warnings: string[] = [];
  if (selection.skippedExisting > 0) {
    warnings.push(`${selection.skippedExisting} chunk${selection.skippedExisting === 1 ? ' already has its' : 's already have their'} scenario${perChunk === 1 ? '' : 's'} and ${selection.skippedExisting === 1 ? 'is' : 'are'} left out, so no duplicates are made. Ask for more per chunk to draw new ones.`);
  }
  if (provider.name === 'offline') warnings.push('No provider key is configured, so scenarios are assembled from the passages’ own sentences (free, instant, rougher than a model). Edit them before generating.');
  return { ...estimate, skippedExisting: selection.skippedExisting, provider: provider.name, model: provider.model, warnings };
}

/** Starts a durable `scenario_derivation` run: one item per chunk that still lacks its scenarios. */
export async function startDerivation(db: Db, body: DeriveScenariosBody, opts: { userId: string | null; provider: ProviderInfo; settings: WorkspaceSettings }) {
  const selector = selectorOf(body);
  const estimate = await estimateDerivation(db, body, opts.provider, opts.settings);
  if (estimate.count === 0) {
    throw new AppError({
      code: 'no_chunks_to_derive',
      status: 422,
      message: estimate.skippedExisting > 0 ? 'Every selected chunk already has its scenarios.' : 'There are no chunks to draw scenarios from.',
      hint:
        estimate.skippedExisting > 0
          ? 'Edit the scenarios already drawn on the Scenarios page, or ask for more scenarios per chunk.'
          : 'Upload a document on the Documents page first (and wait until it is ready), or write a scenario by hand.',
      details: { skippedExisting: estimate.skippedExisting },
    });
  }
  const run = await insertChunkRun(db, {
    kind: SCENARIO_DERIVATION_RUN_KIND,
    selector,
    chunks: sql`select chunks.id from chunks join documents on documents.id = chunks.document_id where ${derivationWhere(selector) ?? sql`true`} order by chunks.document_id, chunks.ordinal`,
    spendingLimitUsd: body.spendingLimitUsd,
    concurrency: body.concurrency,
    estimate,
    busy: { code: 'chunks_busy', message: 'Every selected chunk is already being worked on by another run (a chunk analysis or another scenario draw).' },
    ...opts,
  });
  return { ...run, estimate };
}
