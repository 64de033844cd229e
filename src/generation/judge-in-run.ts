import type { JudgeBreakdown, JudgeSubject } from '../core/judge';
import { explainError } from '../core/error-guide';
import { formatUsd } from '../core/pricing';
import { ProviderError } from '../core/provider-errors';
import type { Db } from '../db/client';
import type { NewRunEvent } from '../db/queries/run-events';
import { billedForFailure, callJudge, judgeWorstCaseUsd } from '../duplicates/judge';
import { reserveFollowUp } from './budget';
import type { ClaimedItem } from './item-types';
import type { RunRuntime } from './run-runtime';

export interface RunJudgement {
  breakdown: JudgeBreakdown | null;
  /** What the judge's call cost the run (a failed call may still be billed). */
  costUsd: number;
  /** The run-log row that says why the conversation is unjudged, or null when it was judged. */
  event: Omit<NewRunEvent, 'runId' | 'conversationId'> | null;
}

const KEPT = 'The conversation is kept, unjudged;';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');

/** "the provider answered 529: the AI provider is overloaded", or what went wrong without an answer; and what to do about it. */
function whatFailed(err: unknown) {
  if (!(err instanceof ProviderError)) return { said: lowerFirst(err instanceof Error ? err.message : String(err)), next: '' };
  const guide = explainError({ kind: err.kind, message: err.message, httpStatus: err.opts.httpStatus ?? null });
  return { said: err.opts.httpStatus ? `the provider answered ${err.opts.httpStatus}: ${lowerFirst(guide.title)}` : lowerFirst(err.message), next: guide.nextStep };
}

/**
 * The LLM judge for a conversation a run has just generated, while the run's item is still
 * held: with a spending limit, the judge's worst case is reserved on the item first (as the
 * generation call was), and when the limit leaves no room the conversation is not judged —
 * it is paid for and is stored either way. A failure leaves it unjudged too. Either way the
 * run's log says so, with what to do. Never throws for the judge's sake; LeaseLost goes up.
 */
export async function judgeInRun(db: Db, runtime: RunRuntime, item: ClaimedItem, subject: JudgeSubject & { conversationId: string }, generationCostUsd: number): Promise<RunJudgement> {
  const label = subject.conversationId;
  if (runtime.hasSpendingLimit) {
    const worstCase = judgeWorstCaseUsd(runtime.provider, subject);
    if (!(await reserveFollowUp(db, item, generationCostUsd, worstCase))) {
      return {
        breakdown: null,
        costUsd: 0,
        event: {
          kind: 'judge_skipped',
          message: `Judging ${label} was skipped: the run's spending limit leaves no room for the judge's call (up to ${formatUsd(worstCase)}).`,
          hint: `${KEPT} raise the run's spending limit to have the rest judged, or judge it from its preview (Judge now).`,
        },
      };
    }
  }
  try {
    const { breakdown, costUsd } = await callJudge(runtime.provider, runtime.limiter, subject);
    return { breakdown, costUsd, event: null };
  } catch (err) {
    const costUsd = billedForFailure(runtime.provider, err);
    const { said, next } = whatFailed(err);
    return {
      breakdown: null,
      costUsd,
      event: { kind: 'judge_failed', message: `Judging ${label} failed: ${said}.`, hint: `${KEPT} judge it again from its preview (Judge now).${next ? ` ${next}` : ''}`, costUsd },
    };
  }
}
