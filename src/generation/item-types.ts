/** What a worker holds while it generates one conversation of a run. */
export interface ClaimedItem {
  id: number;
  runId: string;
  conversationId: string;
  attempts: number;
  /** The worker holding the lease: every write about this item checks it still does. */
  leaseOwner: string;
}

export type ItemOutcome = 'succeeded' | 'retrying' | 'failed' | 'lease_lost' | 'budget_paused' | 'budget_wait' | 'run_stopped';

/** Thrown when another worker took the item over: whatever was being written rolls back. */
export class LeaseLost extends Error {}
