import type { Db } from '../db/client';
import { checkNearDuplicate, conversationsWithoutSignature, marksAtAnotherThreshold, remarkAtThreshold } from '../db/queries/near-duplicates';
import { getSettings } from '../settings/workspace-settings';

/** Checks one stored conversation against the earlier ones, at the workspace's threshold. */
export async function markNearDuplicate(db: Db, conversationId: string, turns: readonly { content: string }[]) {
  const { quality } = await getSettings(db);
  return checkNearDuplicate(db, conversationId, turns, quality.nearDuplicateThreshold);
}

/**
 * Gives every conversation with turns but no signature one (the demo, upgraded workspaces,
 * imported seeds), oldest first, in batches, and marks it. Returns how many were checked.
 */
export async function signUnsigned(db: Db, opts: { batchSize?: number; shouldStop?: () => boolean } = {}): Promise<number> {
  const { quality } = await getSettings(db);
  let done = 0;
  for (;;) {
    if (opts.shouldStop?.()) return done;
    const batch = await conversationsWithoutSignature(db, opts.batchSize ?? 500);
    if (!batch.length) return done;
    for (const row of batch) {
      if (opts.shouldStop?.()) return done;
      done++;
      await checkNearDuplicate(db, row.id, JSON.parse(row.turns) as { content: string }[], quality.nearDuplicateThreshold);
    }
  }
}

/**
 * Brings every conversation's near-duplicate mark up to date: the unsigned ones get a signature,
 * then those whose mark was decided at another threshold are decided again from their stored
 * signatures (the setting changed). Idempotent: a second call finds nothing to do. Returns how
 * many were checked.
 */
export async function backfillNearDuplicates(db: Db, opts: { batchSize?: number; shouldStop?: () => boolean } = {}): Promise<number> {
  let done = await signUnsigned(db, opts);
  const threshold = (await getSettings(db)).quality.nearDuplicateThreshold;
  for (;;) {
    if (opts.shouldStop?.()) return done;
    const batch = await marksAtAnotherThreshold(db, threshold, opts.batchSize ?? 500);
    if (!batch.length) return done;
    for (const row of batch) {
      if (opts.shouldStop?.()) return done;
      done++;
      await remarkAtThreshold(db, row, threshold);
    }
  }
}

interface Checker {
  run: Promise<void> | null;
  /** Asked again while running (the threshold changed meanwhile): one more pass follows. */
  again: boolean;
  stopped: boolean;
}
const checkers = new WeakMap<Db, Checker>();

/**
 * Starts bringing the marks up to date in the background (at start, and when the threshold
 * changes); the server answers meanwhile. Asked while a pass runs, it runs one more pass after it,
 * at the threshold then current. Errors are logged, never thrown.
 */
export function keepNearDuplicatesCurrent(db: Db, log: (msg: string) => void): void {
  let c = checkers.get(db);
  if (!c) checkers.set(db, (c = { run: null, again: false, stopped: false }));
  const checker = c;
  if (checker.run) {
    checker.again = true;
    return;
  }
  checker.stopped = false;
  const pass = async (): Promise<void> => {
    checker.again = false;
    const n = await backfillNearDuplicates(db, { shouldStop: () => checker.stopped });
    if (n) log(`Checked ${n} conversation(s) for near-duplicates.`);
    if (checker.again && !checker.stopped) return pass();
  };
  checker.run = pass()
    .catch((err) => log(`The near-duplicate check of stored conversations stopped: ${String(err)}. It resumes at the next start.`))
    .finally(() => {
      checker.run = null;
    });
}

/** Resolves when no check is running. */
export async function nearDuplicatesIdle(db: Db): Promise<void> {
  await checkers.get(db)?.run;
}

/** Stops after the current conversation and waits for it, so the database can close under it. */
export async function stopNearDuplicateChecks(db: Db): Promise<void> {
  const checker = checkers.get(db);
  if (!checker) return;
  checker.stopped = true;
  await checker.run;
}
