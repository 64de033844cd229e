import type { Db } from '../db/client';
import { checkNearDuplicate, conversationsWithoutSignature } from '../db/queries/near-duplicates';
import { getSettings } from '../settings/workspace-settings';

/** Checks one stored conversation against the earlier ones, at the workspace's threshold. */
export async function markNearDuplicate(db: Db, conversationId: string, turns: readonly { content: string }[]) {
  const { quality } = await getSettings(db);
  return checkNearDuplicate(db, conversationId, turns, quality.nearDuplicateThreshold);
}

/**
 * Gives every conversation with turns but no signature one (the demo, upgraded workspaces,
 * imported seeds), oldest first, in batches. Idempotent: a second call finds nothing to do.
 * Returns how many were checked.
 */
export async function backfillNearDuplicates(db: Db, opts: { batchSize?: number; shouldStop?: () => boolean } = {}): Promise<number> {
  const batchSize = opts.batchSize ?? 500;
  const { quality } = await getSettings(db);
  let done = 0;
  for (;;) {
    if (opts.shouldStop?.()) return done;
    const batch = await conversationsWithoutSignature(db, batchSize);
    if (!batch.length) return done;
    for (const row of batch) {
      if (opts.shouldStop?.()) return done;
      done++;
      const turns = JSON.parse(row.turns) as { content: string }[];
      await checkNearDuplicate(db, row.id, turns, quality.nearDuplicateThreshold);
    }
  }
}

/** Starts the backfill in the background; the server answers meanwhile. `stop` waits for the current conversation. */
export function scheduleNearDuplicateBackfill(db: Db, log: (msg: string) => void): { stop: () => Promise<void> } {
  let stopped = false;
  const running = backfillNearDuplicates(db, { shouldStop: () => stopped })
    .then((n) => {
      if (n) log(`Checked ${n} conversation(s) for near-duplicates.`);
    })
    .catch((err) => log(`The near-duplicate check of stored conversations stopped: ${String(err)}. It resumes at the next start.`));
  return {
    async stop() {
      stopped = true;
      await running;
    },
  };
}
