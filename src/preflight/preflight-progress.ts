import type { PreflightProgress } from '../contract/preflight';
import type { BaseModelInfo } from './base-models';

/**
 * Where each running check stands, by the id its caller chose, for GET /api/preflight/progress
 * (the page polls it while its POST is pending). In memory: a check lives in one request of one
 * server, and a finished one is kept a little while so its last state can still be read.
 */
const checks = new Map<string, PreflightProgress>();
const KEEP_FINISHED_MS = 5 * 60_000;
const MAX_KEPT = 200;

const n = (x: number) => x.toLocaleString('en');

function describe(p: Omit<PreflightProgress, 'message'>, label: string): string {
  if (p.phase === 'loading') return `Loading the ${label} tokenizer…`;
  if (p.phase === 'counting') return `Counted ${n(p.done)} of ${n(p.total)}`;
  if (p.phase === 'done') return `Checked ${n(p.done)} conversations`;
  return 'The check stopped with an error';
}

/** A check's progress; `update` changes it and keeps its message in step. */
export function trackProgress(checkId: string, model: BaseModelInfo) {
  const startedAt = new Date().toISOString();
  const short = model.label.replace(/\s*\(.*\)$/, '');
  let state: Omit<PreflightProgress, 'message'> = { checkId, baseModel: model.id, phase: 'loading', total: 0, done: 0, countedNow: 0, startedAt, finishedAt: null };
  const publish = () => {
    checks.delete(checkId);
    checks.set(checkId, { ...state, message: describe(state, short) });
    for (const [id, p] of checks) {
      const expired = p.finishedAt !== null && Date.now() - Date.parse(p.finishedAt) > KEEP_FINISHED_MS;
      if (expired || checks.size > MAX_KEPT) checks.delete(id);
      else break; // Oldest first (insertion order): the rest are newer.
    }
  };
  publish();
  return {
    update(change: Partial<Pick<PreflightProgress, 'phase' | 'total' | 'done' | 'countedNow'>>) {
      state = { ...state, ...change };
      if (change.phase === 'done' || change.phase === 'failed') state.finishedAt = new Date().toISOString();
      publish();
    },
  };
}

/** A check's progress by its id, or the latest check's when no id is given; null when there is none. */
export function readProgress(checkId?: string): PreflightProgress | null {
  if (checkId) return checks.get(checkId) ?? null;
  return [...checks.values()].at(-1) ?? null;
}
