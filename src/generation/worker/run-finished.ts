import type { Db } from '../../db/client';
import type { Mailer } from '../../notify/mailer';
import { notifyRunFinished } from '../../notify/run-finished';
import { finishRunIfDone } from '../lifecycle/runs';

export interface RunFinishedNotifier {
  /** Tells whoever asked that a run has just finished. */
  finished(runId: string): Promise<void>;
  /** Completes the run if nothing of it is left to do, and then tells. */
  finishIfDone(runId: string): Promise<void>;
}

/** The run-finished notice: the worker's callback, and the email to creators who asked for it. */
export function runFinishedNotifier(opts: { db: Db; mailer?: Mailer; appUrl?: string; onRunFinished?: (runId: string) => void; log: (msg: string, err?: unknown) => void }): RunFinishedNotifier {
  const appUrl = opts.appUrl ?? 'http://localhost:3000';
  async function finished(runId: string) {
    opts.onRunFinished?.(runId);
    if (opts.mailer) await notifyRunFinished(opts.db, opts.mailer, runId, { appUrl }).catch((err) => opts.log('run notification failed', err));
  }
  return {
    finished,
    async finishIfDone(runId) {
      if (await finishRunIfDone(opts.db, runId)) await finished(runId);
    },
  };
}
