import { sql, type SQL } from 'drizzle-orm';
import type { SourceSnapshot } from '../schema/conversations';

/**
 * The jsonb of a conversation's source as it is now (SourceSnapshot), for the conversation row
 * the outer statement updates (`conversations.chunk_id`). Null when it has no chunk. The one
 * definition used when a conversation is generated and before its chunk is replaced or deleted.
 */
export const currentSourceSnapshot: SQL = sql`(
  select jsonb_build_object(
    'documentId', d.id, 'documentTitle', d.title, 'category', d.category,
    'chunkId', c.id, 'ordinal', c.ordinal, 'heading', c.heading, 'content', c.content,
    'dimensions', c.dimensions, 'takenAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  from chunks c join documents d on d.id = c.document_id
  where c.id = conversations.chunk_id)`;

/** The parts of a snapshot the preview shows when its chunk no longer exists. */
export function snapshotSource(snapshot: SourceSnapshot) {
  return {
    chunk: { id: snapshot.chunkId, ordinal: snapshot.ordinal, heading: snapshot.heading, content: snapshot.content, dimensions: snapshot.dimensions },
    document: { id: snapshot.documentId, title: snapshot.documentTitle, category: snapshot.category },
  };
}
