import type { ClaimedWork } from '../item-types';

/** The items a worker holds: being generated, or finishing up (the run-finished check). */
export class InFlight {
  private readonly items = new Map<number, { runId: string; work: Promise<void>; generating: boolean }>();

  track(item: ClaimedWork, work: Promise<void>) {
    this.items.set(item.id, { runId: item.runId, work, generating: true });
  }

  /** The item's generation is over; it still counts until released. */
  generated(itemId: number) {
    const entry = this.items.get(itemId);
    if (entry) entry.generating = false;
  }

  release(itemId: number) {
    this.items.delete(itemId);
  }

  get size() {
    return this.items.size;
  }

  ids(): number[] {
    return [...this.items.keys()];
  }

  /** Whether this worker is still generating an item of the run: only its last one asks whether the run is done. */
  generatingFor(runId: string): boolean {
    for (const entry of this.items.values()) if (entry.generating && entry.runId === runId) return true;
    return false;
  }

  async settled(): Promise<void> {
    await Promise.allSettled([...this.items.values()].map((e) => e.work));
  }
}
