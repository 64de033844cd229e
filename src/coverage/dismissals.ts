import { inArray } from 'drizzle-orm';
import type { DismissalResult } from '../contract/coverage';
import { combinationKey } from '../core/coverage-recommendations';
import type { Db, Tx } from '../db/client';
import { coverageDismissals, settingsHistory } from '../db/schema';

/**
 * Dismissing and restoring recommendations changes what every user of the workspace is told to
 * generate, so each change is kept with who made it in the settings trail (Settings → History),
 * under `coverageDismissals.<key>`.
 */
async function audit(tx: Tx, userId: string | null, keys: string[], from: string | null, to: string | null) {
  if (keys.length) await tx.insert(settingsHistory).values(keys.map((key) => ({ key: `coverageDismissals.${key}`, oldValue: from, newValue: to, changedBy: userId })));
}

/** Dismisses recommendations by key; one already dismissed stays as it was. */
export async function dismissRecommendations(db: Db, keys: string[], userId: string | null): Promise<DismissalResult> {
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(coverageDismissals)
      .values(keys.map((key) => ({ key, dismissedBy: userId })))
      .onConflictDoNothing()
      .returning({ key: coverageDismissals.key });
    await audit(
      tx,
      userId,
      added.map((a) => a.key),
      'shown',
      'dismissed',
    );
    return { dismissed: added.length, restored: 0 };
  });
}

/** Shows dismissed recommendations again: the named ones, or every one. */
export async function restoreRecommendations(db: Db, keys: string[] | null, userId: string | null): Promise<DismissalResult> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(coverageDismissals)
      .where(keys ? inArray(coverageDismissals.key, keys) : undefined)
      .returning({ key: coverageDismissals.key });
    await audit(
      tx,
      userId,
      removed.map((r) => r.key),
      'dismissed',
      'shown',
    );
    return { dismissed: 0, restored: removed.length };
  });
}

/** "Dismiss all": every recommendation shown now (each gap and the chunk recommendation), under the given scope. */
export async function dismissAllRecommendations(db: Db, report: { gaps: { persona: string; emotion: string; dismissed: boolean }[]; chunkRecommendation: { key: string } | null }, userId: string | null) {
  const keys = [...report.gaps.filter((g) => !g.dismissed).map((g) => combinationKey(g.persona, g.emotion)), ...(report.chunkRecommendation ? [report.chunkRecommendation.key] : [])];
  return keys.length ? dismissRecommendations(db, keys, userId) : { dismissed: 0, restored: 0 };
}
