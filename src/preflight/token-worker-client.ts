import { Worker } from 'node:worker_threads';
import { AppError } from '../core/errors';
import type { BaseModelId } from './base-models';
import type { TokenCount } from './token-count';
import type { TokenWorkerReply, TokenWorkerRequest, Turns } from './token-worker-protocol';

/**
 * Why a worker thread: `fromPreTrained()` of a tokenizer is synchronous (2 s for Llama 3.1 on an
 * idle machine, far more under load) and counting is a long run of synchronous work; on the
 * server's thread both paused every request meanwhile (9.5 s for a cold Llama 3.1 check).
 *
 * The design: one long-lived worker, sent requests by id and answering them in order. The
 * worker's file depends on how convgen runs: compiled (bin/convgen.js bundles the CLI into
 * dist/cli/convgen.mjs and this worker into dist/cli/token-worker.mjs beside it), this module's
 * URL ends in .mjs and the worker is its sibling; from the TypeScript sources (tsx, vitest), the
 * URL ends in .ts and a small bootstrap registers tsx's loader in the thread first.
 */
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./token-worker.dev.mjs', import.meta.url) : new URL('./token-worker.mjs', import.meta.url);

/**
 * A loaded tokenizer costs seconds to load, so the worker stays while checks keep coming; but it
 * holds 50–440 MB of heap (Gemma 3 the most), which a server that checks once a day should give
 * back: after this long without a request the worker ends, and the next check starts a new one.
 */
const IDLE_MS = 5 * 60_000;

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Pending = { resolve: (reply: Extract<TokenWorkerReply, { ok: true }>) => void; reject: (err: Error) => void };

export const tokenWorkerStopped = (reason: string) =>
  new AppError({
    code: 'token_counter_stopped',
    status: 503,
    retryable: true,
    message: `The token counter stopped before the check finished (${reason}).`,
    hint: 'Run the check again: a new counter starts. If it stops again, the server may be short of memory (a tokenizer needs up to about 450 MB; Gemma 3 the most) — choose a smaller base model or give the server more memory.',
    details: { reason },
  });

export class TokenWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private loadedModel: BaseModelId | null = null;

  constructor(private readonly options: { idleMs?: number; maxHeapMb?: number } = {}) {}

  /** Whether the worker holds this model's tokenizer now (the next check skips its load). */
  isLoaded(model: BaseModelId): boolean {
    return this.worker !== null && this.loadedModel === model;
  }

  /** Loads the model's tokenizer in the worker; resolves with the load's time, 0 when it was loaded already. */
  async load(model: BaseModelId): Promise<number> {
    const reply = await this.request({ kind: 'load', model });
    this.loadedModel = model;
    return reply.loadMs;
  }

  async count(model: BaseModelId, conversations: Turns[], systemPrompt: string | undefined, fold: boolean): Promise<TokenCount[]> {
    const reply = await this.request({ kind: 'count', model, conversations, systemPrompt, fold });
    this.loadedModel = model;
    return reply.counts;
  }

  /** Ends the worker now; checks waiting on it fail with the stopped error. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.detach(worker, 'it was stopped');
    await worker.terminate();
  }

  private request(message: WithoutId<TokenWorkerRequest>): Promise<Extract<TokenWorkerReply, { ok: true }>> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    // Referenced while it has work, so a CLI or a test awaiting a count does not exit under it.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id } as TokenWorkerRequest);
    });
  }

  private start(): Worker {
    const worker = new Worker(WORKER_URL, this.options.maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb } } : {});
    worker.on('message', (reply: TokenWorkerReply) => this.settle(reply));
    // A crash (out of memory, a bug) ends the thread: every waiting check gets a clear error, and
    // the next request starts a fresh worker. Events of a worker already replaced are ignored.
    worker.on('error', (err) => this.detach(worker, err.message));
    worker.on('exit', (code) => this.detach(worker, `exit code ${code}`));
    this.worker = worker;
    this.loadedModel = null;
    return worker;
  }

  private settle(reply: TokenWorkerReply) {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply);
    else pending.reject(new AppError({ code: 'token_count_failed', status: 500, message: `Counting tokens failed: ${reply.error}`, hint: 'Run the check again; if it fails again, report it with this message.' }));
    if (this.pending.size === 0 && this.worker) {
      this.worker.unref();
      const worker = this.worker;
      this.idleTimer = setTimeout(() => void this.stopIfIdle(worker), this.options.idleMs ?? IDLE_MS).unref();
    }
  }

  private async stopIfIdle(worker: Worker) {
    if (this.worker !== worker || this.pending.size > 0) return;
    this.detach(worker, 'idle');
    await worker.terminate();
  }

  private detach(worker: Worker, reason: string) {
    if (this.worker !== worker) return;
    this.worker = null;
    this.loadedModel = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(tokenWorkerStopped(reason));
  }
}

/** The server's one token worker, shared by every check. */
export const tokenWorker = new TokenWorker();
