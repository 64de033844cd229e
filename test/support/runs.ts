import { eq, inArray } from 'drizzle-orm';
import type { ConversationStatus } from '../../src/core/statuses';
import type { Db } from '../../src/db/client';
import { conversations, generationRuns, runItems } from '../../src/db/schema';
import type { ClaimedItem } from '../../src/generation/item-types';

const DIMENSIONS = { persona: 'p', emotion: 'e', topic: 't', intent: 'i', tone: 'o', tier: 'template' } as const;
let counter = 0;

export interface RunFixture {
  runId: string;
  conversationIds: string[];
  itemIds: number[];
}

/**
 * A run over fresh conversations, one per given status (recorded on each item as its status
 * before the run, as createRun does), its items pending.
 */
export async function createRunFixture(
  db: Db,
  opts: { statuses: ConversationStatus[]; runStatus?: string; spendingLimitUsd?: number | null; useBatchApi?: boolean; concurrency?: number },
): Promise<RunFixture> {
  const [run] = await db
    .insert(generationRuns)
    .values({
      kind: 'selection',
      selector: {},
      status: opts.runStatus ?? 'queued',
      total: opts.statuses.length,
      provider: 'offline',
      model: 'offline',
      concurrency: opts.concurrency ?? 10,
      spendingLimitUsd: opts.spendingLimitUsd ?? null,
      useBatchApi: opts.useBatchApi ?? false,
    })
    .returning({ id: generationRuns.id });
  const conversationIds: string[] = [];
  const itemIds: number[] = [];
  for (const status of opts.statuses) {
    const [conversation] = await db
      .insert(conversations)
      .values({ conversationId: `fixture-${++counter}-${run.id.slice(0, 8)}`, ...DIMENSIONS, status })
      .returning({ id: conversations.id });
    const [item] = await db.insert(runItems).values({ runId: run.id, conversationId: conversation.id, previousStatus: status }).returning({ id: runItems.id });
    conversationIds.push(conversation.id);
    itemIds.push(item.id);
  }
  return { runId: run.id, conversationIds, itemIds };
}

export const itemRows = async (db: Db, ids: number[]) => (await db.select().from(runItems).where(inArray(runItems.id, ids))).sort((a, b) => a.id - b.id);
export const itemRow = async (db: Db, id: number) => (await itemRows(db, [id]))[0];
export const runRow = async (db: Db, id: string) => (await db.select().from(generationRuns).where(eq(generationRuns.id, id)))[0];
export const conversationStatuses = async (db: Db, ids: string[]) => {
  const rows = await db.select({ id: conversations.id, status: conversations.status }).from(conversations).where(inArray(conversations.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r.status]));
  return ids.map((id) => byId.get(id));
};

/** What a worker holds after claiming `item`, as it would have it. */
export const held = (row: { id: number; runId: string; conversationId: string; attempts: number }, leaseOwner: string): ClaimedItem => ({
  id: row.id,
  runId: row.runId,
  conversationId: row.conversationId,
  attempts: row.attempts,
  leaseOwner,
});
