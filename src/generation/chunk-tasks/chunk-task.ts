import type { Usage } from '../../core/provider-errors';
import type { Db } from '../../db/client';
import type { ClaimedChunkItem } from '../item-types';
import type { StructuredAnswer } from '../providers/types';

export type AnswerParse<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A checked answer with what it cost and the call's log, ready to be stored. */
export interface ChunkAnswer<T> {
  costUsd: number;
  value: T;
  source: 'provider' | 'offline';
  provider: string;
  model: string;
  usage: Usage;
  log: { request: unknown; response: unknown; durationMs: number };
}

/** What the spend stands at after settling, for the 80 % warning. */
export interface SettledBudget {
  spent: number;
  limit: number | null;
  warned: boolean;
}

/** One call about one chunk, prepared: the prompt, the answer's shape and how to check and store it. */
export interface PreparedChunkCall<T> {
  system: string;
  prompt: string;
  answer: StructuredAnswer;
  offlineAnswer: () => T;
  maxOutputTokens: number;
  typicalOutputTokens: number;
  parse(output: unknown): AnswerParse<T>;
  /** "a valid set of chunk dimensions": what the malformed-answer error says the answer was not. */
  expected: string;
  /** Settles the item with the answer in one statement; throws LeaseLost when the lease is gone. */
  settle(db: Db, item: ClaimedChunkItem, answer: ChunkAnswer<T>): Promise<SettledBudget>;
}

/**
 * What a kind of chunk run asks about each chunk. A `chunk_dimensions` run and a
 * `scenario_derivation` run share the claim, lease, budget, pacing and retries; only this differs.
 */
export interface ChunkTask {
  kind: string;
  prepare(db: Db, item: ClaimedChunkItem): Promise<PreparedChunkCall<unknown>>;
}
