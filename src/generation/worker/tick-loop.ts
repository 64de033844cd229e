export interface TickLoop {
  /** Runs a tick after `ms` (replacing a tick already scheduled). */
  schedule(ms: number): void;
  /** No more ticks; resolves when the one running has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `tick` one at a time: when idle, every `idleMs`; a tick asked for while one runs
 * happens right after it instead of alongside it.
 */
export function createTickLoop(tick: () => Promise<void>, opts: { idleMs: number; log: (msg: string, err?: unknown) => void }): TickLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };

  function run() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = tick()
      .catch((err) => opts.log('worker tick failed', err))
      .finally(() => {
        running = null;
        schedule(again ? 0 : opts.idleMs);
        again = false;
      });
  }

  return {
    schedule,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
