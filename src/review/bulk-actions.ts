import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { type BulkAction, type BulkFailure, type BulkKind, type BulkSkip } from '../contract/bulk';
import { zeroSkipCounts } from '../core/bulk-outcome';
import { AppError } from '../core/errors';
import type { Db, DatabaseKind } from '../db/client';
import type { ChurningTable } from '../db/maintenance';
import { firstListed, listFailures, type SelectedRef, type Tx } from './bulk-selection';

/** What one batch did: how many conversations changed, which it left as they were (and why), and which it could not find. */
export interface BatchOutcome {
  succeeded: number;
  skips: BulkSkip[];
  failures: BulkFailure[];
}

/** One batch's work, in its own transaction. `actionId` is the action's id, for its audit rows. */
export type BatchWork = (tx: Tx, batch: SelectedRef[], actionId: string) => Promise<BatchOutcome>;

export interface StartOptions {
  kind: BulkKind;
  /** The selection as it was when the action started, in id order. */
  refs: SelectedRef[];
  /** Requested references that name no conversation: reported at once. */
  unknown: BulkFailure[];
  work: BatchWork;
  /** Tables the work writes, for maintenance afterwards. */
  tables: readonly ChurningTable[];
}

export interface StartedAction {
  /** The action as it was when it started. */
  action: BulkAction;
  /** The action once it has ended (it never rejects: a failure is its state). */
  ended: Promise<BulkAction>;
  /** The error that stopped a failed action, as thrown. */
  cause: () => unknown;
}

export interface BulkActionsOptions {
  db: Db;
  kind: DatabaseKind;
  /** Conversations per transaction. */
  batchSize: number;
  /** Called once an action has ended, with the tables it wrote and how many conversations changed. */
  onFinished?: (tables: readonly ChurningTable[], changed: number) => void;
  /** How long an ended action's result stays readable. */
  keepMs?: number;
  /** A monotonic clock in ms, for sizing batches (tests pass their own). */
  now?: () => number;
}

interface Claim {
  ids: Set<string>;
  /** The 409's message to someone who wants `overlap` of these ids. */
  conflict: (overlap: number) => string;
  actionId: string;
}

interface Tracked {
  progress: BulkAction;
  ended: Promise<void>;
  endedAtMs: number | null;
  /** What stopped a failed action, as thrown. */
  cause?: unknown;
}

/**
 * How long a batch may hold the embedded database. During a 90,000-row approval on the bench
 * (a busy 2-core machine), 100 ms batches kept the list's p50 near 165 ms against 240-295 ms
 * with 200 ms batches, and the approval took no longer.
 */
const BATCH_TARGET_MS = 100;
const MIN_BATCH = 50;
/** The first batch on PGlite, before there is a measure of the machine's pace. */
const FIRST_PGLITE_BATCH = 250;

const NOUN: Record<BulkKind, string> = { approve: 'approval', reject: 'rejection', delete: 'delete' };

/**
 * The bulk actions of this server: each one works through its selection in batches, one
 * transaction each, and lets other requests through between batches; while it runs, its
 * conversations are claimed, so a second bulk action (or undo) touching any of them is refused
 * with a 409 instead of queueing behind it. Claims and progress live in this process: after a
 * restart nothing is running, and what each batch committed is in review_logs (see undo).
 */
export class BulkActions {
  private readonly claims = new Set<Claim>();
  private readonly actions = new Map<string, Tracked>();
  private readonly keepMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: BulkActionsOptions) {
    this.keepMs = opts.keepMs ?? 60 * 60 * 1000;
    this.now = opts.now ?? (() => performance.now());
  }

  get batchSize(): number {
    return this.opts.batchSize;
  }

  /** True while any bulk action or undo is writing. */
  busy(): boolean {
    return this.claims.size > 0;
  }

  /**
   * Claims `ids` (conversation ids, or a key such as undo:<actionId>) until `release()`, or
   * refuses with a 409 saying what holds some of them. Synchronous: between the check and the
   * claim nothing else runs.
   */
  claim(ids: Iterable<string>, actionId: string, conflict: (overlap: number) => string): () => void {
    const wanted = ids instanceof Set ? (ids as Set<string>) : new Set(ids);
    for (const other of this.claims) {
      let overlap = 0;
      const [small, large] = wanted.size < other.ids.size ? [wanted, other.ids] : [other.ids, wanted];
      for (const id of small) if (large.has(id)) overlap++;
      if (overlap > 0) {
        throw new AppError({
          code: 'bulk_action_running',
          status: 409,
          retryable: true,
          message: other.conflict(overlap),
          hint: 'Wait for it to finish, then try again, or select only conversations it does not cover.',
          details: { runningActionId: other.actionId, overlapping: overlap },
        });
      }
    }
    const claim: Claim = { ids: wanted, conflict, actionId };
    this.claims.add(claim);
    return () => this.claims.delete(claim);
  }

  /**
   * Starts an action over `refs` (claiming them first, which may refuse with a 409) and returns
   * it as it is now, with a promise that settles when it has ended.
   */
  start(opts: StartOptions): StartedAction {
    this.forgetOld();
    const id = randomUUID();
    const progress: BulkAction = {
      id,
      kind: opts.kind,
      state: 'running',
      actionId: null,
      requested: opts.refs.length + opts.unknown.length,
      processed: opts.unknown.length,
      stopRequested: false,
      succeeded: 0,
      skipped: [],
      skippedCount: 0,
      skippedByReason: zeroSkipCounts(),
      ...listFailures(opts.unknown),
      startedAt: new Date().toISOString(),
      finishedAt: null,
      error: null,
    };
    const release = this.claim(
      opts.refs.map((r) => r.id),
      id,
      (overlap) =>
        `A bulk ${NOUN[opts.kind]} of ${progress.requested.toLocaleString('en')} conversations is still running (${progress.processed.toLocaleString('en')} done so far) and covers ${overlap.toLocaleString('en')} of these.`,
    );
    const tracked: Tracked = { progress, ended: Promise.resolve(), endedAtMs: null };
    this.actions.set(id, tracked);
    tracked.ended = this.drive(tracked, opts).finally(() => {
      release();
      tracked.endedAtMs = Date.now();
      if (progress.succeeded > 0) this.opts.onFinished?.(opts.tables, progress.succeeded);
    });
    return { action: { ...progress }, ended: tracked.ended.then(() => ({ ...progress })), cause: () => tracked.cause };
  }

  /** The action as it is now, or null when this server has not run it (or ended it over an hour ago). */
  get(id: string): BulkAction | null {
    this.forgetOld();
    const tracked = this.actions.get(id);
    return tracked ? { ...tracked.progress } : null;
  }

  /** True while the action with this id (a bulk review's actionId) is still running. */
  isRunning(id: string): boolean {
    return this.actions.get(id)?.progress.state === 'running';
  }

  /** Stops the action after the batch in progress and answers how far it got; what it did stays done. */
  async cancel(id: string): Promise<BulkAction> {
    const tracked = this.actions.get(id);
    if (!tracked) throw notTracked();
    if (tracked.progress.state !== 'running') {
      throw new AppError({
        code: 'bulk_action_ended',
        status: 409,
        message: `This bulk ${NOUN[tracked.progress.kind]} has already ended (${tracked.progress.state}): there is nothing to stop.`,
        hint: tracked.progress.kind === 'delete' ? 'Deleted conversations cannot be brought back.' : 'Undo it instead, within 10 minutes of when it started.',
      });
    }
    tracked.progress.stopRequested = true;
    await tracked.ended;
    return { ...tracked.progress };
  }

  /** Stops every running action after its current batch (the server is shutting down). */
  async stopAll(): Promise<void> {
    const running = [...this.actions.values()].filter((t) => t.progress.state === 'running');
    for (const tracked of running) tracked.progress.stopRequested = true;
    await Promise.all(running.map((t) => t.ended));
  }

  private async drive(tracked: Tracked, opts: StartOptions): Promise<void> {
    const { progress } = tracked;
    try {
      const finished = await this.inBatches(
        opts.refs,
        async (batch) => {
          const outcome = await this.opts.db.transaction((tx) => opts.work(tx, batch, progress.id));
          progress.processed += batch.length;
          progress.succeeded += outcome.succeeded;
          if (outcome.succeeded > 0 && opts.kind !== 'delete') progress.actionId = progress.id;
          // Keep only the first MAX_LISTED_FAILURES by conversation id, however many batches skip or fail.
          if (outcome.skips.length) {
            progress.skipped = firstListed([...progress.skipped, ...outcome.skips]);
            progress.skippedCount += outcome.skips.length;
            const byReason = { ...progress.skippedByReason };
            for (const skip of outcome.skips) byReason[skip.reason]++;
            progress.skippedByReason = byReason;
          }
          if (outcome.failures.length) {
            progress.failed = firstListed([...progress.failed, ...outcome.failures]);
            progress.failedCount += outcome.failures.length;
          }
        },
        () => progress.stopRequested,
      );
      progress.state = finished ? 'done' : 'cancelled';
    } catch (err) {
      tracked.cause = err;
      progress.state = 'failed';
      const done = `after ${progress.processed.toLocaleString('en')} of ${progress.requested.toLocaleString('en')} conversations`;
      progress.error =
        err instanceof AppError
          ? { code: err.code, message: `${err.message} It stopped ${done}.`, hint: err.hint }
          : {
              code: 'bulk_action_failed',
              message: `The bulk ${NOUN[opts.kind]} stopped ${done}: ${err instanceof Error ? err.message : String(err)}`,
              hint: opts.kind === 'delete' ? 'What was deleted before the error stays deleted; select the rest and try again.' : 'What changed before the error stays changed and can be undone; select the rest and try again.',
            };
    } finally {
      progress.finishedAt = new Date().toISOString();
    }
  }

  /**
   * Runs `run` over `items` a batch at a time, giving way to other requests between batches,
   * until the end (true) or until `stop()` says so before a batch (false).
   *
   * On PGlite a batch holds the whole database, and how long a row takes varies with the
   * machine's load and with what the cache holds (0.3 to 3 ms here), so batches are sized by
   * time: each aims at BATCH_TARGET_MS, from what the last one took, between 50 rows and the
   * configured batch size. On PostgreSQL a batch holds only its own rows: always the full size.
   */
  async inBatches<T>(items: T[], run: (batch: T[]) => Promise<void>, stop: () => boolean = () => false): Promise<boolean> {
    const max = this.opts.batchSize;
    const min = Math.min(MIN_BATCH, max);
    let size = this.opts.kind === 'pglite' ? Math.min(max, FIRST_PGLITE_BATCH) : max;
    for (let at = 0; at < items.length; ) {
      if (stop()) return false;
      const batch = items.slice(at, at + size);
      const started = this.now();
      await run(batch);
      at += batch.length;
      const ms = this.now() - started;
      if (this.opts.kind === 'pglite') size = Math.max(min, Math.min(max, Math.round((batch.length * BATCH_TARGET_MS) / Math.max(ms, 1))));
      if (at < items.length) await this.giveWay(ms);
    }
    return true;
  }

  /**
   * Lets other requests at the database between two batches. PGlite runs every statement on
   * this thread, one at a time: a request that arrived during the batch runs its next query
   * first (its queue is first come, first served), but a page of the list takes a few queries
   * in a row, so the action also pauses for a quarter of its batch's time, handing the
   * database to others for about a fifth of the time. PostgreSQL serves other requests on
   * other connections meanwhile, so one turn of the event loop is enough there.
   */
  private async giveWay(batchMs: number): Promise<void> {
    if (this.opts.kind === 'pglite') await sleep(Math.min(100, Math.max(1, Math.round(batchMs / 4))));
    else await nextTurn();
  }

  /** Bulk work outside an action (an undo) changed `changed` rows of `tables`. */
  reportWrites(tables: readonly ChurningTable[], changed: number): void {
    this.opts.onFinished?.(tables, changed);
  }

  private forgetOld() {
    const cutoff = Date.now() - this.keepMs;
    for (const [id, tracked] of this.actions) if (tracked.endedAtMs !== null && tracked.endedAtMs < cutoff) this.actions.delete(id);
  }
}

export const notTracked = () =>
  new AppError({
    code: 'bulk_action_not_found',
    status: 404,
    message: 'No bulk action with this id is running, or ended within the last hour, on this server.',
    hint: 'Progress is kept for an hour and not across restarts. A bulk review cut short by a restart keeps what it had done, batch by batch, and can still be undone within 10 minutes of when it started.',
  });
