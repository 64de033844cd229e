import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client';
import { notifyRunFinished } from '../notify/run-finished';
import type { Mailer } from '../notify/mailer';
import type { WorkspaceSettings } from '../contract/settings';
import { getSettings, settingsVersion } from '../settings/workspace-settings';
import type { ProviderSource } from './choose-provider';
import { advanceBatchRuns } from './batch-runner';
import type { ClaimedItem } from './item-types';
import { processItem } from './process-item';
import { loadSlotContexts, type SlotContext } from './slot-context';
import { claimItems, renewLeases } from './lifecycle/claim';
import { giveBack } from './lifecycle/give-back';
import { finishRunIfDone } from './lifecycle/runs';
import { runtimeFor, type RunSettingsRow } from './run-runtime';

export interface WorkerOptions {
  db: Db;
  providers: ProviderSource;
  /** Sends the run-finished email to creators who asked for it. */
  mailer?: Mailer;
  appUrl?: string;
  /** Most items in flight at once across all runs (default: the workspace's concurrency setting). */
  concurrency?: number;
  /** How long a claim lasts without renewal; an item whose worker died is reclaimed after this. */
  leaseMs?: number;
  pollMs?: number;
  /** How often runs on Message Batches are checked (they take minutes to hours). */
  batchPollMs?: number;
  onItemDone?: (item: ClaimedItem, outcome: string) => void;
  onRunFinished?: (runId: string) => void;
  log?: (msg: string, err?: unknown) => void;
}

export interface Worker {
  wake(): void;
  stop(): Promise<void>;
  readonly id: string;
}

type ClaimedWithRun = ClaimedItem & { run: RunSettingsRow };

/** Active runs with room under their own concurrency, oldest first. */
async function runsWithRoom(db: Db) {
  return queryRows<{ id: string; provider: string; model: string; retry_policy: Record<string, unknown> | null; spending_limit_usd: number | null; free: number }>(
    db,
    sql`select r.id, r.provider, r.model, r.retry_policy, r.spending_limit_usd,
          r.concurrency - (select count(*) from run_items x where x.run_id = r.id and x.status = 'in_progress' and x.lease_expires_at >= now())::int as free
        from generation_runs r where r.status in ('queued', 'running') and not r.use_batch_api order by r.created_at`,
  );
}

export function startWorker(opts: WorkerOptions): Worker {
  const id = `worker-${randomUUID().slice(0, 8)}`;
  const leaseMs = opts.leaseMs ?? 120_000;
  const pollMs = opts.pollMs ?? 1000;
  const log = opts.log ?? (() => {});
  const inFlight = new Map<number, Promise<void>>();
  /** Item id → run id of what this worker is generating now. */
  const inFlightRuns = new Map<number, string>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let currentTick: Promise<void> | null = null;
  let again = false;

  // Renews the leases of items still being worked on, so a slow call is never taken over.
  const heartbeat = setInterval(() => {
    if (!inFlight.size) return;
    renewLeases(opts.db, id, [...inFlight.keys()], leaseMs).catch((err) => log('lease renewal failed', err));
  }, Math.max(50, Math.floor(leaseMs / 3)));

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
  };

  // Settings are read at most every few seconds (a tick runs after every finished item), and at
  // once after a change made through this process.
  let settingsCache: { at: number; version: number; value: WorkspaceSettings } | null = null;
  async function settings() {
    if (!settingsCache || settingsCache.version !== settingsVersion() || Date.now() - settingsCache.at > 3000) {
      settingsCache = { at: Date.now(), version: settingsVersion(), value: await getSettings(opts.db) };
    }
    return settingsCache.value;
  }

  async function claimAndStart() {
    const current = await settings();
    let free = (opts.concurrency ?? current.generation.concurrency) - inFlight.size;
    if (free <= 0) return;
    for (const run of await runsWithRoom(opts.db)) {
      if (free <= 0 || stopped) break;
      if (run.free <= 0) continue;
      const items = await claimItems(opts.db, { owner: id, runId: run.id, limit: Math.min(free, run.free), leaseMs, exclude: [...inFlight.keys()] });
      if (stopped) return giveBack(opts.db, items);
      free -= items.length;
      // Nothing left to claim: the run may be done (e.g. resumed after its last item finished).
      if (!items.length && ![...inFlightRuns.values()].includes(run.id)) await finishIfDone(run.id);
      const runSettings = { provider: run.provider, model: run.model, retryPolicy: run.retry_policy, spendingLimitUsd: run.spending_limit_usd };
      if (!items.length) continue;
      const runtime = await runtimeFor(opts.providers, current, runSettings);
      // One query for all the claimed slots; if it fails, each item loads its own and reports why.
      const contexts = await loadSlotContexts(opts.db, items.map((i) => i.conversationId)).catch(() => new Map<string, SlotContext>());
      for (const item of items) start({ ...item, run: runSettings }, runtime, contexts.get(item.conversationId));
    }
  }

  async function finishIfDone(runId: string) {
    if (!(await finishRunIfDone(opts.db, runId))) return;
    opts.onRunFinished?.(runId);
    if (opts.mailer) await notifyRunFinished(opts.db, opts.mailer, runId, { appUrl: opts.appUrl ?? 'http://localhost:3000' }).catch((err) => log('run notification failed', err));
  }

  function start(item: ClaimedWithRun, runtime: Awaited<ReturnType<typeof runtimeFor>>, context: SlotContext | undefined) {
    inFlightRuns.set(item.id, item.runId);
    const work = processItem(opts.db, runtime, item, context)
      .then(async (outcome) => {
        inFlightRuns.delete(item.id);
        // Only the last of this worker's items in a run needs to ask whether the run is done.
        if (![...inFlightRuns.values()].includes(item.runId)) await finishIfDone(item.runId);
        opts.onItemDone?.(item, outcome);
      })
      .catch((err) => log(`item ${item.id} crashed`, err))
      .finally(() => {
        inFlight.delete(item.id);
        inFlightRuns.delete(item.id);
        // Claiming costs a few statements whatever the count: with many slots, wait until a
        // quarter of them are free (or a moment passes) and claim them together.
        const limit = settingsCache?.value.generation.concurrency ?? 3;
        schedule(inFlight.size === 0 || limit - inFlight.size >= Math.ceil(limit / 4) ? 0 : 20);
      });
    inFlight.set(item.id, work);
  }

  async function tick() {
    if (stopped) return;
    if (currentTick) {
      again = true;
      return;
    }
    currentTick = claimAndStart()
      .catch((err) => log('worker tick failed', err))
      .finally(() => {
        currentTick = null;
        schedule(again ? 0 : pollMs);
        again = false;
      });
    await currentTick;
  }

  // Runs on Message Batches advance on their own slower clock.
  let batchPass: Promise<void> | null = null;
  const batchTimer = setInterval(() => {
    if (batchPass || stopped) return;
    batchPass = settings()
      .then((current) => advanceBatchRuns(opts.db, opts.providers, current, log))
      .then(async (finished) => {
        for (const runId of finished) {
          opts.onRunFinished?.(runId);
          if (opts.mailer) await notifyRunFinished(opts.db, opts.mailer, runId, { appUrl: opts.appUrl ?? 'http://localhost:3000' }).catch((err) => log('run notification failed', err));
        }
      })
      .catch((err) => log('batch pass failed', err))
      .finally(() => {
        batchPass = null;
      });
  }, opts.batchPollMs ?? 10_000);

  schedule(0);
  return {
    id,
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(heartbeat);
      clearInterval(batchTimer);
      await currentTick;
      await batchPass;
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
