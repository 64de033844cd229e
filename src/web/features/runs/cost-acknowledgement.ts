import type { RunEstimate } from '../../../contract/runs';

/**
 * Whether starting this run asks the user to tick "I have read the estimate": only where the
 * dialog asks for it ("Generate All") and only when the run costs money. A run on the offline
 * generator, or one estimated at $0, has no cost to acknowledge.
 */
export function needsCostAcknowledgement(requested: boolean, estimate: Pick<RunEstimate, 'estimatedCostUsd' | 'provider'>): boolean {
  return requested && estimate.provider !== 'offline' && estimate.estimatedCostUsd > 0;
}
