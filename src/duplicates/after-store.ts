import type { Db } from '../db/client';
import { addRunSpend } from '../db/queries/judge';
import { checkNearDuplicate } from '../db/queries/near-duplicates';
import type { RunRuntime } from '../generation/run-runtime';
import { getSettings } from '../settings/workspace-settings';
import { judgeConversation } from './judge';

/**
 * What follows a stored conversation: the near-duplicate check, and the LLM judge when the
 * workspace turned it on (its cost counted in the run's spend). Neither can fail the stored
 * conversation: a failed check leaves it for the startup backfill, a failed judgement leaves it
 * unjudged (it can be judged on demand later).
 */
export async function afterStore(db: Db, runtime: Pick<RunRuntime, 'provider' | 'limiter'>, runId: string, conversationId: string, turns: readonly { content: string }[]): Promise<void> {
  const { quality } = await getSettings(db);
  try {
    await checkNearDuplicate(db, conversationId, turns, quality.nearDuplicateThreshold);
  } catch {
    // Left without a signature, so the next start's backfill checks it again.
  }
  if (!quality.judgeEnabled) return;
  try {
    const { costUsd } = await judgeConversation(db, runtime.provider, runtime.limiter, conversationId);
    await addRunSpend(db, runId, costUsd);
  } catch {
    // Unjudged: the conversation stands on its structural score.
  }
}
