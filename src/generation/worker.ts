import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { conversations, generationRuns } from '../db/schema';
import { queryRows, type Db } from '../db/client';
import { processItem, type ClaimedItem } from './process-item';
import { finishRunIfDone } from './run-commands';
import type { Provider } from './providers/types';

export interface WorkerOptions {
  db: Db;
  provider: Provider;
  /** Most items in flight at once across all runs. */
  concurrency?: number;
  /** How long a claim lasts; an item whose worker died is reclaimed after this. */
  leaseMs?: number;
  pollMs?: number;
  onItemDone?: (item: ClaimedItem, outcome: string) => void;
  log?: (msg: string, err?: unknown) => void;
}

export interface Worker {
  wake(): void;
  stop(): Promise<void>;
  readonly id: string;
}

/**
 * Claims pending items (or items whose lease lapsed) with FOR UPDATE SKIP LOCKED, so several
 * workers on one PostgreSQL never take the same item.
 */
async function claimItems(db: Db, workerId: string, limit: number, leaseMs: number): Promise<ClaimedItem[]> {
  const rows = await queryRows<{ id: number | string; run_id: string; conversation_id: string; attempts: number }>(db, sql`
    with picked as (
      select ri.id from run_items ri
      join generation_runs r on r.id = ri.run_id
      where r.status in ('queued', 'running')
        and ((ri.status = 'pending' and (ri.next_attempt_at is null or ri.next_attempt_at <= now()))
          or (ri.status = 'in_progress' and ri.lease_expires_at < now()))
      order by ri.id
      limit ${limit}
      for update of ri skip locked
    )
    update run_items ri set status = 'in_progress', lease_owner = ${workerId},
      lease_expires_at = now() + (${leaseMs} * interval '1 millisecond'),
      attempts = ri.attempts + 1, started_at = coalesce(ri.started_at, now())
    from picked where ri.id = picked.id
    returning ri.id, ri.run_id, ri.conversation_id, ri.attempts`);
  const items = rows.map((r) => ({
    id: Number(r.id),
    runId: r.run_id,
    conversationId: r.conversation_id,
    attempts: r.attempts,
  }));
  if (items.length) {
    const conversationIds = items.map((i) => i.conversationId);
    const runIds = [...new Set(items.map((i) => i.runId))];
    await db.update(conversations).set({ status: 'generating', updatedAt: new Date() }).where(inArray(conversations.id, conversationIds));
    await db
      .update(generationRuns)
      .set({ status: 'running', startedAt: sql`coalesce(${generationRuns.startedAt}, now())`, updatedAt: new Date() })
      .where(and(inArray(generationRuns.id, runIds), eq(generationRuns.status, 'queued')));
  }
  return items;
}

export function startWorker(opts: WorkerOptions): Worker {
  const id = `worker-${randomUUID().slice(0, 8)}`;
  const concurrency = opts.concurrency ?? 3;
  const leaseMs = opts.leaseMs ?? 120_000;
  const pollMs = opts.pollMs ?? 1000;
  const log = opts.log ?? (() => {});
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking = false;
  let again = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
  };

  async function tick() {
    if (stopped) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    try {
      const free = concurrency - inFlight.size;
      if (free > 0) {
        const items = await claimItems(opts.db, id, free, leaseMs);
        for (const item of items) {
          const work = processItem(opts.db, opts.provider, item)
            .then(async (outcome) => {
              await finishRunIfDone(opts.db, item.runId);
              opts.onItemDone?.(item, outcome);
            })
            .catch((err) => log(`item ${item.id} crashed`, err))
            .finally(() => {
              inFlight.delete(work);
              schedule(0);
            });
          inFlight.add(work);
        }
      }
    } catch (err) {
      log('worker tick failed', err);
    } finally {
      ticking = false;
      schedule(again ? 0 : pollMs);
      again = false;
    }
  }

  schedule(0);
  return {
    id,
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}
