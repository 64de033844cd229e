import { sql, type SQL } from 'drizzle-orm';
import { runItemLifecycle, runLifecycle } from '../../core/run-statuses';
import { conversationLifecycle } from '../../core/statuses';
import { queryRows, type Db } from '../../db/client';
import { statusList, statusLiteral } from '../../db/status-sql';
import type { ClaimedChunkItem, ClaimedItem } from '../item-types';
import { idArray } from './item-moves';
import { lockActiveRun } from './runs';

export interface ClaimRequest {
  /** The lease owner: a worker's id, or a batch submission's. */
  owner: string;
  runId: string;
  limit: number;
  leaseMs: number;
  /** Items this owner already holds. */
  exclude?: number[];
}

/**
 * Claims up to `limit` items of an active run under a lease: pending items whose backoff has
 * passed (claim), and items whose lease lapsed because their worker died (take_over) — never
 * an item sent in a Message Batch, which its batch still holds. FOR UPDATE SKIP LOCKED means
 * several workers on one PostgreSQL never take the same item.
 *
 * In the same statement: a taken-over item's reservation goes back to the run's budget; each
 * item remembers its conversation's status from before (what cancelling restores, and what a
 * failed regeneration falls back to); the conversations become Generating (claim); the run
 * becomes Running (start). The run row is locked first, like every run command does, so a
 * claim and a cancel wait for each other instead of deadlocking.
 */
export async function claimItems(db: Db, req: ClaimRequest): Promise<ClaimedItem[]> {
  const rows = await claimRows(db, req, sql`ri.conversation_id is not null`);
  return rows.map((r) => ({ id: Number(r.id), runId: r.run_id, conversationId: r.conversation_id!, attempts: r.attempts, leaseOwner: req.owner }));
}

/** The same claim for a `chunk_dimensions` run: its items analyse chunks, and no conversation changes. */
export async function claimChunkItems(db: Db, req: ClaimRequest): Promise<ClaimedChunkItem[]> {
  const rows = await claimRows(db, req, sql`ri.chunk_id is not null`);
  return rows.map((r) => ({ id: Number(r.id), runId: r.run_id, chunkId: r.chunk_id!, attempts: r.attempts, leaseOwner: req.owner }));
}

type ClaimedRow = { id: number | string; run_id: string; conversation_id: string | null; chunk_id: string | null; attempts: number };

async function claimRows(db: Db, req: ClaimRequest, subject: SQL): Promise<ClaimedRow[]> {
  if (req.limit <= 0) return [];
  const item = (t: 'claim' | 'take_over') => statusList(runItemLifecycle.sources(t));
  const rows = await db.transaction(async (tx) => {
    if (!(await lockActiveRun(tx, req.runId))) return [];
    return queryRows<ClaimedRow>(
      tx,
      sql`with picked as (
            select ri.id, ri.status as old_status, ri.reserved_usd as old_reserved from run_items ri
            where ri.run_id = ${req.runId} and ${subject}
              and ((ri.status in (${item('claim')}) and (ri.next_attempt_at is null or ri.next_attempt_at <= now()))
                or (ri.status in (${item('take_over')}) and ri.batch_id is null and ri.lease_expires_at < now()))
              and ri.id <> all(${idArray(req.exclude ?? [])}::bigint[])
            order by ri.id
            limit ${req.limit}
            for update of ri skip locked
          ), run as (
            -- An item taken over from a dead worker gives back the budget that worker had reserved.
            update generation_runs r set
              reserved_usd = greatest(0, r.reserved_usd - (select coalesce(sum(old_reserved), 0) from picked where old_status <> 'pending')),
              status = case when r.status in (${statusList(runLifecycle.sources('start'))}) then ${statusLiteral(runLifecycle.target('start'))} else r.status end,
              started_at = coalesce(r.started_at, now()), updated_at = now()
            where r.id = ${req.runId} and exists (select 1 from picked)
              and (r.status in (${statusList(runLifecycle.sources('start'))}) or exists (select 1 from picked where old_status <> 'pending' and old_reserved > 0))
          ), claimed as (
            update run_items ri set status = ${statusLiteral(runItemLifecycle.target('claim'))}, lease_owner = ${req.owner},
              lease_expires_at = now() + (${req.leaseMs} * interval '1 millisecond'), reserved_usd = 0,
              attempts = ri.attempts + 1, started_at = coalesce(ri.started_at, now()),
              previous_status = coalesce((select c.status from conversations c where c.id = ri.conversation_id and c.status in (${statusList(conversationLifecycle.sources('claim'))})), ri.previous_status)
            from picked where ri.id = picked.id
            returning ri.id, ri.run_id, ri.conversation_id, ri.chunk_id, ri.attempts
          ), generating as (
            update conversations c set status = ${statusLiteral(conversationLifecycle.target('claim'))}, updated_at = now()
            from claimed where c.id = claimed.conversation_id and c.status in (${statusList(conversationLifecycle.sources('claim'))})
          )
          select id, run_id, conversation_id, chunk_id, attempts from claimed order by id`,
    );
  });
  return rows;
}

/** Extends the leases of items still being worked on, so a slow call is never taken over. */
export async function renewLeases(db: Db, owner: string, itemIds: number[], leaseMs: number): Promise<number> {
  if (!itemIds.length) return 0;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update run_items set lease_expires_at = now() + (${leaseMs} * interval '1 millisecond')
        where lease_owner = ${owner} and status = ${statusLiteral('in_progress')} and id = any(${idArray(itemIds)}::bigint[])
        returning id`,
  );
  return rows.length;
}
