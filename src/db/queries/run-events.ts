import { count, desc, eq } from 'drizzle-orm';
import type { RunEvent } from '../../contract/runs';
import type { Db } from '../client';
import { conversations, runEvents } from '../schema';

export interface NewRunEvent {
  runId: string;
  conversationId: string | null;
  kind: RunEvent['kind'];
  message: string;
  hint: string;
  costUsd?: number;
}

export async function addRunEvent(db: Db, event: NewRunEvent): Promise<void> {
  await db.insert(runEvents).values({ ...event, costUsd: event.costUsd ?? 0 });
}

/** A run's log, newest first: at most `limit` rows, and how many there are. */
export async function listRunEvents(db: Db, runId: string, limit: number): Promise<{ items: RunEvent[]; total: number }> {
  const rows = await db
    .select({
      id: runEvents.id,
      createdAt: runEvents.createdAt,
      kind: runEvents.kind,
      conversationId: runEvents.conversationId,
      conversationLabel: conversations.conversationId,
      message: runEvents.message,
      hint: runEvents.hint,
      costUsd: runEvents.costUsd,
    })
    .from(runEvents)
    .leftJoin(conversations, eq(conversations.id, runEvents.conversationId))
    .where(eq(runEvents.runId, runId))
    .orderBy(desc(runEvents.createdAt), desc(runEvents.id))
    .limit(limit);
  const [{ total }] = await db.select({ total: count() }).from(runEvents).where(eq(runEvents.runId, runId));
  return { items: rows.map((r) => ({ ...r, kind: r.kind as RunEvent['kind'], createdAt: r.createdAt.toISOString() })), total };
}
