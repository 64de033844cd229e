import type { Db } from '../db/client';
import { checkNearDuplicate } from '../db/queries/near-duplicates';
import { getSettings } from '../settings/workspace-settings';

/**
 * What follows a stored conversation: the near-duplicate check. It cannot fail the stored
 * conversation: a failed check leaves it for the startup backfill. (The LLM judge runs before
 * the conversation is stored, within the run's budget: see generation/judge-in-run.)
 */
export async function afterStore(db: Db, conversationId: string, turns: readonly { content: string }[]): Promise<void> {
  const { quality } = await getSettings(db);
  try {
    await checkNearDuplicate(db, conversationId, turns, quality.nearDuplicateThreshold);
  } catch {
    // Left without a signature, so the next start's backfill checks it again.
  }
}
