import { eq, sql } from 'drizzle-orm';
import type { ConversationPatch } from '../contract/conversations';
import { AppError, notFound } from '../core/errors';
import { DIMENSIONS, type Dimension } from '../core/tiers';
import type { Db } from '../db/client';
import { assertKnownDimensionValues } from '../db/queries/dimension-validation';
import { conversations, reviewLogs } from '../db/schema';
import { searchTextSql } from '../db/search-text-sql';

/**
 * A post-generation edit of a conversation's dimensions and metadata (US9.2.1), in one
 * transaction with its audit entry: changed dimension values must be active catalog values;
 * metadata keys merge in, a null removes its key; the search text follows the new labels.
 */
export async function updateConversation(db: Db, conversationId: string, userId: string, patch: ConversationPatch): Promise<{ changed: string[] }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).for('update');
    if (!row) throw notFound('The conversation');
    if (row.status === 'generating') {
      throw new AppError({ code: 'conversation_generating', status: 409, message: `${row.conversationId} is being generated right now.`, hint: 'Wait until generation finishes, then edit it.', retryable: true });
    }
    const changedDims = DIMENSIONS.filter((d) => patch[d] !== undefined && patch[d] !== row[d]);
    // Only values that change are checked: a conversation keeps a value deactivated after it was made.
    await assertKnownDimensionValues(tx, Object.fromEntries(changedDims.map((d) => [d, patch[d]])) as Partial<Record<Dimension, string>>);
    const metadata = patch.metadata ?? {};
    const removed = Object.keys(metadata).filter((k) => metadata[k] === null);
    const set = Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== null));
    const changes = [...changedDims.map((d) => `${d}: ${row[d]} → ${patch[d]}`), ...Object.keys(set).map((k) => `metadata.${k} set`), ...removed.filter((k) => k in row.metadata).map((k) => `metadata.${k} removed`)];
    if (!changes.length) return { changed: [] };

    const now = new Date();
    await tx
      .update(conversations)
      .set({
        ...Object.fromEntries(changedDims.map((d) => [d, patch[d]])),
        metadata: removed.length
          ? sql`(${conversations.metadata} || ${JSON.stringify(set)}::jsonb) - array[${sql.join(removed.map((k) => sql`${k}`), sql`, `)}]::text[]`
          : sql`${conversations.metadata} || ${JSON.stringify(set)}::jsonb`,
        updatedAt: now,
      })
      .where(eq(conversations.id, row.id));
    if (changedDims.length) await tx.update(conversations).set({ searchText: searchTextSql() }).where(eq(conversations.id, row.id));
    await tx.insert(reviewLogs).values({ conversationId: row.id, action: 'edit', reviewerId: userId, reviewerNotes: changes.join('; '), fromStatus: row.status, toStatus: row.status, createdAt: now });
    return { changed: changes };
  });
}
