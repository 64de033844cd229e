import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { WorkspaceSettings } from '../contract/settings';
import { costOf, estimateTokens } from '../core/pricing';
import { SYSTEM_PROMPT } from '../core/system-prompt';
import { queryRows, type Db } from '../db/client';
import { runItems } from '../db/schema';
import { pauseForBudget, reserveBudget } from './budget';
import type { ProviderSource } from './choose-provider';
import { describeFailure, recordFailure } from './process-item';
import { LeaseLost, type ClaimedItem } from './item-types';
import { storeResult } from './store-result';
import type { GenerationRequest } from './providers/types';
import { runtimeFor, type RunRuntime } from './run-runtime';
import { claimItems } from './lifecycle/claim';
import { giveBack } from './lifecycle/give-back';
import { finishRunIfDone, pauseRunFor } from './lifecycle/runs';
import { loadSlotContext, promptOf, type SlotContext } from './slot-context';

/** Message Batches cost half the normal price. */
const BATCH_PRICE_FACTOR = 0.5;
/** Items sent in one batch (the API accepts far more; smaller batches report progress sooner). */
const BATCH_SIZE = 500;
/** A batch holds its items for up to 24 hours; the lease outlives that. */
const BATCH_LEASE = sql`now() + interval '25 hours'`;
/** Long enough to prepare and send a batch; a worker that dies meanwhile leaves them to be taken over. */
const SUBMIT_LEASE_MS = 10 * 60_000;

type BatchRun = { id: string; provider: string; model: string; retry_policy: Record<string, unknown> | null; spending_limit_usd: number | null };

async function requestFor(db: Db, runtime: RunRuntime, conversationId: string) {
  const context = await loadSlotContext(db, conversationId);
  const prompt = promptOf(context);
  const request: GenerationRequest = { system: SYSTEM_PROMPT, prompt, slot: context.slot, seed: 0, maxTokens: runtime.maxTokens, temperature: runtime.temperature };
  return { context, request };
}

/** Sends the run's pending items as one batch, each with its half-price worst case reserved. */
async function submitPending(db: Db, runtime: RunRuntime, run: BatchRun, log: (msg: string, err?: unknown) => void) {
  const owner = `batch-submitting:${randomUUID()}`;
  const claimed = await claimItems(db, { owner, runId: run.id, limit: BATCH_SIZE, leaseMs: SUBMIT_LEASE_MS });
  if (!claimed.length) return;
  const prepared: { item: ClaimedItem; request: GenerationRequest; templateVersion: number | null }[] = [];
  let stopReason: 'wait' | 'exhausted' | null = null;
  for (const item of claimed) {
    try {
      const { request, context } = await requestFor(db, runtime, item.conversationId);
      const worstCase = costOf(runtime.provider.info.model, { inputTokens: estimateTokens(request.system) + estimateTokens(request.prompt), outputTokens: runtime.maxTokens }) * BATCH_PRICE_FACTOR;
      const reservation = await reserveBudget(db, item, worstCase);
      if (reservation !== 'reserved') {
        stopReason = reservation;
        break;
      }
      prepared.push({ item, request, templateVersion: context.template?.version ?? null });
    } catch (err) {
      if (err instanceof LeaseLost) continue;
      // A template problem fails this item for good, like in a normal run.
      await recordFailure(db, runtime, item, describeFailure(err), { started: Date.now(), request: null, context: null }).catch(ignoreLeaseLost);
    }
  }
  // Whatever was claimed but not prepared goes back to the queue untouched.
  const preparedIds = new Set(prepared.map((p) => p.item.id));
  await giveBack(db, claimed.filter((item) => !preparedIds.has(item.id)));
  if (stopReason === 'exhausted' && !prepared.length) await pauseForBudget(db, run.id);
  if (!prepared.length) return;
  let batchId: string;
  try {
    batchId = await runtime.provider.batch!.submit(prepared.map((p) => ({ customId: String(p.item.id), request: p.request })));
  } catch (err) {
    log('batch submission failed', err);
    await giveBack(db, prepared.map((p) => p.item), { delayMs: 30_000, lastError: describeFailure(err).message });
    return;
  }
  // The batch holds the items now: the lease passes to it, with what was sent.
  await db.transaction(async (tx) => {
    for (const p of prepared) {
      await tx
        .update(runItems)
        .set({ batchId, leaseOwner: `batch:${batchId}`, leaseExpiresAt: BATCH_LEASE, sentPrompt: p.request.prompt, sentTemplateVersion: p.templateVersion })
        .where(and(eq(runItems.id, p.item.id), eq(runItems.leaseOwner, owner)));
    }
  });
}

const ignoreLeaseLost = (err: unknown) => {
  if (!(err instanceof LeaseLost)) throw err;
};

async function cancelOpenBatches(db: Db, runtime: RunRuntime, runId: string, log: (msg: string, err?: unknown) => void) {
  const open = await db
    .selectDistinct({ batchId: runItems.batchId })
    .from(runItems)
    .where(and(eq(runItems.runId, runId), eq(runItems.status, 'in_progress'), isNotNull(runItems.batchId)));
  for (const { batchId } of open) {
    if (batchId) await runtime.provider.batch!.cancel(batchId).catch((err) => log(`could not cancel batch ${batchId}`, err));
  }
}

/** Reads the results of every ended batch of the run and stores them like any other call. */
async function collectEnded(db: Db, runtime: RunRuntime, run: BatchRun) {
  const open = await db
    .selectDistinct({ batchId: runItems.batchId })
    .from(runItems)
    .where(and(eq(runItems.runId, run.id), eq(runItems.status, 'in_progress'), isNotNull(runItems.batchId)));
  for (const { batchId } of open) {
    if (!batchId || !(await runtime.provider.batch!.ended(batchId))) continue;
    const items = await db
      .select()
      .from(runItems)
      .where(and(eq(runItems.batchId, batchId), eq(runItems.status, 'in_progress')));
    const byId = new Map(items.map((i) => [String(i.id), i]));
    for await (const outcome of runtime.provider.batch!.results(batchId)) {
      const row = byId.get(outcome.customId);
      // Batches only ever carry conversation items.
      if (!row?.conversationId) continue;
      const item: ClaimedItem = { id: row.id, runId: run.id, conversationId: row.conversationId, attempts: row.attempts, leaseOwner: `batch:${batchId}` };
      const started = row.startedAt?.getTime() ?? Date.now();
      let context: SlotContext;
      try {
        context = await loadSlotContext(db, row.conversationId);
      } catch (err) {
        await recordFailure(db, runtime, item, describeFailure(err), { started, request: null, context: null }).catch(ignoreLeaseLost);
        continue;
      }
      // Logged against what was actually sent, even if the template changed since.
      if (context.template && row.sentTemplateVersion !== null) context = { ...context, template: { ...context.template, version: row.sentTemplateVersion } };
      const request = { system: SYSTEM_PROMPT, prompt: row.sentPrompt ?? '' };
      const call = { context, request, started, costFactor: BATCH_PRICE_FACTOR };
      try {
        if ('result' in outcome) await storeResult(db, runtime, item, call, outcome.result, BATCH_PRICE_FACTOR);
        else await recordFailure(db, runtime, item, describeFailure(outcome.error), call);
      } catch (err) {
        if (err instanceof LeaseLost) continue;
        await recordFailure(db, runtime, item, describeFailure(err), call).catch(ignoreLeaseLost);
      }
    }
  }
}

/**
 * One pass over the runs that use Message Batches: collect what has ended, then send what is
 * pending. Everything lives in the database (batch ids on the items), so a restart picks up
 * exactly where it stopped.
 */
export async function advanceBatchRuns(db: Db, providers: ProviderSource, settings: WorkspaceSettings, log: (msg: string, err?: unknown) => void): Promise<string[]> {
  // Cancelled runs are visited too while batches they sent are out: those results are paid for.
  const runs = await queryRows<BatchRun & { status: string }>(
    db,
    sql`select id, status, provider, model, retry_policy, spending_limit_usd from generation_runs r where use_batch_api
        and (status in ('queued', 'running') or (status = 'cancelled' and exists (select 1 from run_items ri where ri.run_id = r.id and ri.status = 'in_progress' and ri.batch_id is not null)))
        order by created_at`,
  );
  const finished: string[] = [];
  for (const run of runs) {
    const runtime = await runtimeFor(providers, settings, { provider: run.provider, model: run.model, retryPolicy: run.retry_policy, spendingLimitUsd: run.spending_limit_usd });
    if (!runtime.provider.batch) {
      if (run.status === 'cancelled') continue;
      await pauseRunFor(db, run.id, 'Message Batches need Claude: configure an Anthropic API key, then resume.');
      continue;
    }
    // A cancelled run stops its batches at the provider, so requests not yet run are not paid for.
    if (run.status === 'cancelled') await cancelOpenBatches(db, runtime, run.id, log);
    await collectEnded(db, runtime, run);
    if (run.status !== 'cancelled') await submitPending(db, runtime, run, log);
    if (await finishRunIfDone(db, run.id)) finished.push(run.id);
  }
  return finished;
}
