/** What a worker holds while it works on one item of a run. */
export interface ClaimedWork {
  id: number;
  runId: string;
  attempts: number;
  /** The worker holding the lease: every write about this item checks it still does. */
  leaseOwner: string;
}

/** An item that generates one conversation. */
export interface ClaimedItem extends ClaimedWork {
  conversationId: string;
}

/** An item of a `chunk_dimensions` run: it derives one chunk's dimensions. */
export interface ClaimedChunkItem extends ClaimedWork {
  chunkId: string;
}

export type ItemOutcome = 'succeeded' | 'retrying' | 'failed' | 'lease_lost' | 'budget_paused' | 'budget_wait' | 'run_stopped';

/** Thrown when another worker took the item over: whatever was being written rolls back. */
export class LeaseLost extends Error {}
