import { sql } from 'drizzle-orm';
import type { DerivedScenario } from '../../core/scenario-answer';
import type { Db } from '../../db/client';
import type { ChunkAnswer, SettledBudget } from '../chunk-tasks/chunk-task';
import type { ClaimedChunkItem } from '../item-types';
import { json, settleChunkItem } from './settle-chunk-item';

/** A derived scenario ready to store: its unique key (chunk and place) and a title free in the library. */
export type StoredScenario = DerivedScenario & { key: string };

/**
 * Settles an item of a `scenario_derivation` run in one statement (settleChunkItem): the
 * item, its reservation and the run's spend, the new scenarios (origin `derived`, linked to the
 * chunk and its document, made by whoever started the run) and the log row, all conditioned on the
 * lease still being ours (LeaseLost otherwise). A key already in the library is skipped, so drawing
 * from the same chunk again never makes a duplicate and never overwrites an edit.
 */
export async function settleScenarios(db: Db, item: ClaimedChunkItem, answer: ChunkAnswer<StoredScenario[]>): Promise<SettledBudget> {
  const store = sql`
      insert into scenarios (key, title, description, category, problem, solution, outcome, document_id, chunk_id, persona, emotion, topic, tags, origin, created_by)
      select s.key, s.title, s.description, s.category, s.problem, s.solution, s.outcome, c.document_id, c.id, s.persona, s.emotion, s.topic, '[]'::jsonb, 'derived', (select created_by from budget)
      from jsonb_to_recordset(${json(answer.value)}) as s(key text, title text, description text, category text, problem text, solution text, outcome text, persona text, emotion text, topic text)
      join chunks c on c.id = ${item.chunkId}
      where exists (select 1 from settled)
      on conflict (key) do nothing`;
  return settleChunkItem(db, item, answer, store, { chunkId: item.chunkId, purpose: 'scenarios' });
}
