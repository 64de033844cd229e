import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import type { Mailer } from '../notify/mailer';
import { saveObservedLimits } from '../db/queries/provider-limits';
import { getSettings, settingsVersion } from '../settings/workspace-settings';
import { advanceBatchRuns } from './batch-runner';
import type { ProviderSource } from './choose-provider';
import { chunkTaskFor } from './chunk-tasks/chunk-tasks';
import type { ClaimedWork, ItemOutcome } from './item-types';
import { claimChunkItems, claimItems, renewLeases } from './lifecycle/claim';
import { processChunkItem } from './process-chunk-item';
import { giveBack } from './lifecycle/give-back';
import { processItem } from './process-item';
import type { LearnedListener } from './provider-limiters';
import { runtimeFor } from './run-runtime';
import { loadSlotContexts, type SlotContext } from './slot-context';
import { startBatchPoller } from './worker/batch-poller';
import { InFlight } from './worker/in-flight';
import { startLeaseHeartbeat } from './worker/lease-heartbeat';
import { runFinishedNotifier } from './worker/run-finished';
import { runsWithRoom } from './worker/runs-with-room';
import { createSettingsCache } from './worker/settings-cache';
import { createTickLoop } from './worker/tick-loop';

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
  onItemDone?: (item: ClaimedWork, outcome: string) => void;
  onRunFinished?: (runId: string) => void;
  log?: (msg: string, err?: unknown) => void;
}

export interface Worker {
  wake(): void;
  stop(): Promise<void>;
  readonly id: string;
}

/**
 * Starts a worker: it claims items of active runs under a lease (renewed while it works on
 * them), generates them, and tells when a run finishes; runs on Message Batches are advanced
 * by a slower poller. Several workers may share one PostgreSQL database.
 */
export function startWorker(opts: WorkerOptions): Worker {
  const id = `worker-${randomUUID().slice(0, 8)}`;
  const leaseMs = opts.leaseMs ?? 120_000;
  const log = opts.log ?? (() => {});
  const settings = createSettingsCache(() => getSettings(opts.db), settingsVersion);
  const inFlight = new InFlight();
  const notifier = runFinishedNotifier({ db: opts.db, mailer: opts.mailer, appUrl: opts.appUrl, onRunFinished: opts.onRunFinished, log });
  let stopped = false;
  // The server shows these on the Settings page and run progress, and may be another process.
  const onLearned: LearnedListener = (key, learned, at) => void saveObservedLimits(opts.db, key, learned, at).catch((err) => log("could not store the provider's rate limits", err));

  async function claimAndStart() {
    const current = await settings.get();
    let free = (opts.concurrency ?? current.generation.concurrency) - inFlight.size;
    if (free <= 0) return;
    for (const run of await runsWithRoom(opts.db)) {
      if (free <= 0 || stopped) break;
      if (run.free <= 0) continue;
      const claim = { owner: id, runId: run.id, limit: Math.min(free, run.free), leaseMs, exclude: inFlight.ids() };
      const chunkTask = chunkTaskFor(run.kind);
      if (chunkTask) {
        // Chunk runs (dimensions, scenarios) share the claim, lease, budget and pacing; only the work differs.
        const chunkItems = await claimChunkItems(opts.db, claim);
        if (stopped) return giveBack(opts.db, chunkItems);
        if (!chunkItems.length) {
          if (!inFlight.generatingFor(run.id)) await notifier.finishIfDone(run.id);
          continue;
        }
        free -= chunkItems.length;
        const runtime = await runtimeFor(opts.providers, current, run.settings, onLearned);
        for (const item of chunkItems) start(item, () => processChunkItem(opts.db, runtime, item, chunkTask));
        continue;
      }
      const items = await claimItems(opts.db, claim);
      if (stopped) return giveBack(opts.db, items);
      if (!items.length) {
        // Nothing left to claim: the run may be done (e.g. resumed after its last item finished).
        if (!inFlight.generatingFor(run.id)) await notifier.finishIfDone(run.id);
        continue;
      }
      free -= items.length;
      const runtime = await runtimeFor(opts.providers, current, run.settings, onLearned);
      // One query for all the claimed slots; if it fails, each item loads its own and reports why.
      const contexts = await loadSlotContexts(opts.db, items.map((i) => i.conversationId)).catch(() => new Map<string, SlotContext>());
      for (const item of items) start(item, () => processItem(opts.db, runtime, item, contexts.get(item.conversationId)));
    }
  }

  function start(item: ClaimedWork, process: () => Promise<ItemOutcome>) {
    const work = process()
      .then(async (outcome) => {
        inFlight.generated(item.id);
        // Only the last of this worker's items in a run needs to ask whether the run is done.
        if (!inFlight.generatingFor(item.runId)) await notifier.finishIfDone(item.runId);
        opts.onItemDone?.(item, outcome);
      })
      .catch((err) => log(`item ${item.id} crashed`, err))
      .finally(() => {
        inFlight.release(item.id);
        // Claiming costs a few statements whatever the count: with many slots, wait until a
        // quarter of them are free (or a moment passes) and claim them together.
        const limit = settings.latest()?.generation.concurrency ?? 3;
        loop.schedule(inFlight.size === 0 || limit - inFlight.size >= Math.ceil(limit / 4) ? 0 : 20);
      });
    inFlight.track(item, work);
  }

  const loop = createTickLoop(claimAndStart, { idleMs: opts.pollMs ?? 1000, log });
  const heartbeat = startLeaseHeartbeat({ everyMs: Math.max(50, Math.floor(leaseMs / 3)), renew: () => renewLeases(opts.db, id, inFlight.ids(), leaseMs), log });
  const batches = startBatchPoller({
    everyMs: opts.batchPollMs ?? 10_000,
    pass: async () => {
      for (const runId of await advanceBatchRuns(opts.db, opts.providers, await settings.get(), log)) await notifier.finished(runId);
    },
    log,
  });

  loop.schedule(0);
  return {
    id,
    wake: () => loop.schedule(0),
    async stop() {
      stopped = true;
      await loop.stop();
      await batches.stop();
      // Leases are renewed until the last item in flight has ended, so none is taken over meanwhile.
      await inFlight.settled();
      heartbeat.stop();
    },
  };
}
