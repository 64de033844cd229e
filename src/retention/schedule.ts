import type { RetentionResult } from '../contract/audit';
import type { Db } from '../db/client';
import { getSettings } from '../settings/workspace-settings';
import { describeRetention, runRetention } from './cleanup';

export const RETENTION_INTERVAL_MS = 6 * 60 * 60 * 1000;

const running = new WeakMap<Db, Promise<RetentionResult>>();

/**
 * Runs retention with the settings as they are now. A run already going on this database (the
 * schedule, or another click on "Run now") is joined rather than started twice.
 */
export function runRetentionNow(db: Db, now: () => Date = () => new Date()): Promise<RetentionResult> {
  const current = running.get(db);
  if (current) return current;
  const run = (async () => runRetention(db, await getSettings(db), now()))().finally(() => running.delete(db));
  running.set(db, run);
  return run;
}

export interface RetentionSchedule {
  /** Resolves when the run in progress (if any) has finished. */
  idle(): Promise<void>;
  /** Stops the timer and waits for a run in progress, so the database can close under it. */
  stop(): Promise<void>;
}

/**
 * Runs retention once now, without holding up the caller, then every `intervalMs`. Errors are
 * logged, never thrown: retention failing must not stop the server.
 */
export function scheduleRetention(db: Db, log: (msg: string) => void, intervalMs = RETENTION_INTERVAL_MS): RetentionSchedule {
  let stopped = false;
  let last: Promise<void> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    last = runRetentionNow(db).then(
      (result) => log(describeRetention(result)),
      (err: unknown) => log(`Retention failed, it will run again in ${Math.round(intervalMs / 3_600_000)} h: ${err instanceof Error ? err.message : String(err)}`),
    );
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  // The schedule alone never keeps the process alive.
  timer.unref();
  return {
    idle: () => last,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await last;
      // A run started from the API may still be going.
      await running.get(db)?.catch(() => undefined);
    },
  };
}
