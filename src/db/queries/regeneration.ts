import { sql } from 'drizzle-orm';
import type { BulkSelection } from '../../contract/bulk';
import type { RegenerationCandidate } from '../../core/regeneration';
import { queryRows, type Db } from '../client';
import { conversations } from '../schema';
import { selectedWhere } from './selection';

export interface SelectedCandidate extends RegenerationCandidate {
  id: string;
  conversationId: string;
}

/**
 * The selected conversations with what decides whether they can be rejected and regenerated,
 * in id order, as one JSON text (the embedded database hands back one row far faster than
 * thousands).
 */
export async function regenerationCandidates(db: Db, selection: BulkSelection): Promise<SelectedCandidate[]> {
  const where = selectedWhere(selection);
  const [row] = await queryRows<{ rows: string | null }>(
    db,
    sql`select json_agg(json_build_array(${conversations.id}, ${conversations.conversationId}, ${conversations.status}, ${conversations.isSeed}, ${conversations.turnCount},
          (select r.conversation_id from conversations r where r.regenerated_from = ${conversations.id} limit 1)) order by ${conversations.conversationId})::text as "rows"
        from ${conversations} ${where ? sql`where ${where}` : sql``}`,
  );
  return (JSON.parse(row?.rows ?? '[]') as [string, string, string, boolean, number, string | null][]).map(([id, conversationId, status, isSeed, turnCount, replacedBy]) => ({
    id,
    conversationId,
    status,
    isSeed,
    turnCount,
    replacedBy,
  }));
}
