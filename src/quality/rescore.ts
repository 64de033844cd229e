import { assessConversation } from '../core/quality';
import type { Db } from '../db/client';
import { loadQualityCatalog } from '../db/quality-catalog';
import { readRescoreBatch, writeRescored, type RescoreRow } from '../db/queries/quality-rescore';

export const RESCORE_BATCH_SIZE = 200;

export interface RescoreProgress {
  running: boolean;
  forced: boolean;
  rescored: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

/** The confidence the generator reported, as the old breakdown recorded it ("9/10"), or undefined. */
function storedConfidence(row: RescoreRow): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\/10$/.exec(row.breakdown?.breakdown?.confidence?.value ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * Re-scores stored conversations with the current criteria, a batch per transaction-sized
 * statement so the table stays usable meanwhile: the outdated ones, or all of them when forced.
 * Idempotent: a re-scored row has the current version and is not picked again.
 */
export async function rescoreStored(db: Db, options: { force?: boolean; batchSize?: number; stopped?: () => boolean; onBatch?: (done: number) => void } = {}): Promise<number> {
  const contextOf = await loadQualityCatalog(db);
  let after: string | null = null;
  let done = 0;
  for (;;) {
    if (options.stopped?.()) break;
    const rows = await readRescoreBatch(db, after, options.batchSize ?? RESCORE_BATCH_SIZE, options.force ?? false);
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    const scored = rows.map((row) => {
      const chunk = row.chunkContent ? { content: row.chunkContent, keyTerms: row.chunkDimensions?.key_terms } : null;
      const context = contextOf({ tier: row.tier, topic: row.topic, intent: row.intent, arcKey: row.arcKey, chunk });
      const { quality, grounding } = assessConversation(row.turns, storedConfidence(row), context);
      return { id: row.id, score: quality.score, breakdown: quality, grounding };
    });
    done += await writeRescored(db, scored);
    options.onBatch?.(done);
  }
  return done;
}

const state = new WeakMap<Db, { progress: RescoreProgress; run: Promise<number> | null; stopped: boolean }>();

function stateOf(db: Db) {
  let s = state.get(db);
  if (!s) {
    s = { progress: { running: false, forced: false, rescored: 0, startedAt: null, finishedAt: null, error: null }, run: null, stopped: false };
    state.set(db, s);
  }
  return s;
}

/** Where the re-scoring of this database stands. */
export function rescoreProgress(db: Db): RescoreProgress {
  return { ...stateOf(db).progress };
}

/**
 * Starts re-scoring in the background unless one is going (which is joined), and returns at once.
 * Errors are logged, never thrown: scoring failing must not stop the server.
 */
export function startRescoring(db: Db, options: { force?: boolean; log?: (msg: string) => void } = {}): RescoreProgress {
  const s = stateOf(db);
  if (s.run) return { ...s.progress };
  s.stopped = false;
  s.progress = { running: true, forced: options.force ?? false, rescored: 0, startedAt: new Date().toISOString(), finishedAt: null, error: null };
  s.run = rescoreStored(db, { force: options.force, stopped: () => s.stopped, onBatch: (done) => (s.progress.rescored = done) })
    .then(
      (done) => {
        if (done) options.log?.(`Re-scored ${done} conversation(s) with the current quality criteria.`);
        return done;
      },
      (err: unknown) => {
        s.progress.error = err instanceof Error ? err.message : String(err);
        options.log?.(`Re-scoring stopped: ${s.progress.error}. It runs again at the next start, or from POST /api/quality/rescore.`);
        return 0;
      },
    )
    .finally(() => {
      s.progress.running = false;
      s.progress.finishedAt = new Date().toISOString();
      s.run = null;
    });
  return { ...s.progress };
}

/** Resolves when the re-scoring in progress (if any) has finished. */
export async function rescoringIdle(db: Db): Promise<void> {
  await stateOf(db).run;
}

/** Stops after the current batch and waits for it, so the database can close under it. */
export async function stopRescoring(db: Db): Promise<void> {
  const s = stateOf(db);
  s.stopped = true;
  await s.run;
}
