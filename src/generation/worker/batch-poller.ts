export interface BatchPoller {
  /** No more passes; resolves when the one running has ended. */
  stop(): Promise<void>;
}

/**
 * Runs on Message Batches advance on their own slower clock (a batch takes minutes to hours):
 * a pass every `everyMs`, never two at once.
 */
export function startBatchPoller(opts: { everyMs: number; pass: () => Promise<void>; log: (msg: string, err?: unknown) => void }): BatchPoller {
  let stopped = false;
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = opts
      .pass()
      .catch((err) => opts.log('batch pass failed', err))
      .finally(() => {
        running = null;
      });
  }, opts.everyMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
