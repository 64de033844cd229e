import { eq, sql, type SQL } from 'drizzle-orm';
import type { WorkspaceSettings } from '../contract/settings';
import { AppError } from '../core/errors';
import type { Db } from '../db/client';
import { generationRuns } from '../db/schema';
import { runSpendingLimit } from './create-run';
import type { ProviderInfo } from './providers/types';

export interface ChunkRunRequest {
  /** The run kind: which chunk task the worker runs on its items. */
  kind: string;
  /** Stored on the run: what its items ask (the task reads it back). */
  selector: Record<string, unknown>;
  /** A query selecting the chunk ids, in the order they are worked on. */
  chunks: SQL;
  spendingLimitUsd?: number;
  concurrency?: number;
  estimate: { estimatedCostUsd: number; estimatedSeconds: number };
  /** What to say when every selected chunk is already in another active chunk run. */
  busy: { code: string; message: string };
  userId: string | null;
  provider: ProviderInfo;
  settings: WorkspaceSettings;
}

/**
 * A durable run whose items are chunks (dimension analyses, scenario derivations): the run row and
 * one item per chunk, in one transaction. It is claimed, paced, budgeted, paused and cancelled like
 * any generation run.
 */
export async function insertChunkRun(db: Db, req: ChunkRunRequest): Promise<{ runId: string; total: number }> {
  const spendingLimitUsd = runSpendingLimit(req.spendingLimitUsd, req);
  return db.transaction(async (tx) => {
    const [run] = await tx
      .insert(generationRuns)
      .values({
        kind: req.kind,
        selector: req.selector,
        provider: req.provider.name,
        model: req.provider.model,
        concurrency: req.concurrency ?? req.settings.generation.concurrency,
        spendingLimitUsd,
        estimatedCostUsd: req.estimate.estimatedCostUsd,
        estimatedSeconds: req.estimate.estimatedSeconds,
        createdBy: req.userId,
      })
      .returning({ id: generationRuns.id });
    // A chunk already queued in another chunk run stays there (the partial unique index).
    const inserted = await tx.execute(sql`insert into run_items (run_id, chunk_id) select ${run.id}, picked.id from (${req.chunks}) as picked on conflict do nothing`);
    const total = (inserted as unknown as { affectedRows?: number; rowCount?: number }).affectedRows ?? (inserted as unknown as { rowCount?: number }).rowCount ?? 0;
    if (total === 0) throw new AppError({ code: req.busy.code, status: 409, message: req.busy.message, hint: 'Wait for that run to finish; its progress is on the Runs page.' });
    await tx.update(generationRuns).set({ total }).where(eq(generationRuns.id, run.id));
    return { runId: run.id, total };
  });
}
