import { sql, type SQL } from 'drizzle-orm';
import { runItemLifecycle, type RunItemTransition } from '../../core/run-statuses';
import { conversationLifecycle } from '../../core/statuses';
import { queryRows, type Db } from '../../db/client';
import { statusList, statusLiteral } from '../../db/status-sql';
import type { ClaimedWork } from '../item-types';

/** Transitions that take an item out of a worker's hands; claim and take_over are in claim.ts. */
export type ItemRelease = Exclude<RunItemTransition, 'claim' | 'take_over' | 'succeed'>;

export interface MovedItem {
  id: number;
  runId: string;
  conversationId: string;
  previousStatus: string | null;
}

/** `{1,2,3}`: a bigint[] literal for `= any(…)` / `<> all(…)`. */
export const idArray = (ids: number[]) => `{${ids.map((id) => Math.trunc(id)).join(',')}}`;

/** The items a worker holds: the lease is checked on every write about them. */
export function heldBy(items: ClaimedWork[]): SQL {
  const owners = [...new Set(items.map((i) => i.leaseOwner))];
  if (owners.length !== 1) throw new Error('Items are moved one lease owner at a time');
  return sql`ri.id = any(${idArray(items.map((i) => i.id))}::bigint[]) and ri.lease_owner = ${owners[0]}`;
}

/**
 * Moves the run items matched by `where` (on `run_items ri`) with `transition`, in one statement:
 * only items in the transition's source states move; the lease is cleared; the budget an item
 * reserved goes back to its run (so a run's reservation is always what its items in flight
 * hold); `set` adds columns (`, last_error = …`). With `restoreConversations`, the items'
 * conversations that are Generating go back to their status from before the run (the
 * conversation's cancel transition) in the same statement.
 */
export async function moveItems(db: Db, transition: ItemRelease, where: SQL, set: SQL = sql``, opts: { restoreConversations?: boolean } = {}): Promise<MovedItem[]> {
  const target = runItemLifecycle.target(transition);
  const restore = opts.restoreConversations
    ? sql`, restored as (
        update conversations c set status = case when moved.previous_status in (${statusList(conversationLifecycle.transitions.cancel.to)}) then moved.previous_status else 'not_generated' end, updated_at = now()
        from moved where c.id = moved.conversation_id and c.status in (${statusList(conversationLifecycle.sources('cancel'))}))`
    : sql``;
  const rows = await queryRows<{ id: number | string; run_id: string; conversation_id: string; previous_status: string | null }>(
    db,
    sql`with held as (
          select ri.id, ri.run_id, ri.reserved_usd from run_items ri
          where (${where}) and ri.status in (${statusList(runItemLifecycle.sources(transition))})
          order by ri.id for update of ri
        ), released as (
          update generation_runs r set reserved_usd = greatest(0, r.reserved_usd - h.total), updated_at = now()
          from (select run_id, sum(reserved_usd) as total from held group by run_id) h
          where r.id = h.run_id and h.total > 0
        ), moved as (
          update run_items ri set status = ${statusLiteral(target)}, lease_owner = null, lease_expires_at = null, reserved_usd = 0 ${set}
          from held where ri.id = held.id
          returning ri.id, ri.run_id, ri.conversation_id, ri.previous_status
        )${restore}
        select id, run_id, conversation_id, previous_status from moved`,
  );
  return rows.map((r) => ({ id: Number(r.id), runId: r.run_id, conversationId: r.conversation_id, previousStatus: r.previous_status }));
}
