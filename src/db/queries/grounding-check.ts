import { eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../core/errors';
import type { Grounding } from '../../core/quality-criteria/grounding';
import { queryRows, type Db } from '../client';
import { conversations } from '../schema';

export interface GroundingSubject {
  conversationId: string;
  turns: { role: string; content: string }[];
  chunk: string;
}

/** What the grounding check reads: the conversation's turns and the text of its source chunk. */
export async function loadGroundingSubject(db: Db, id: string): Promise<GroundingSubject> {
  const [row] = await queryRows<{ conversation_id: string; turn_count: number; turns: string | null; chunk: string | null }>(
    db,
    sql`select c.conversation_id, c.turn_count, t.turns, ch.content as chunk
      from conversations c
      left join conversation_transcripts t on t.conversation_id = c.id
      left join chunks ch on ch.id = c.chunk_id
      where c.id = ${id}`,
  );
  if (!row) throw notFound('The conversation');
  if (!row.turns || row.turn_count === 0) {
    throw new AppError({ code: 'not_generated', status: 409, message: `${row.conversation_id} has no turns to check yet.`, hint: 'Generate it first, then check its grounding.', details: { field: 'id' } });
  }
  if (!row.chunk?.trim()) {
    throw new AppError({
      code: 'no_source_chunk',
      status: 409,
      message: `${row.conversation_id} is not drawn from a document chunk, so there is no source to check it against.`,
      hint: 'Grounding applies to conversations generated from your documents (scenario tier, or any slot with a source chunk).',
      details: { field: 'id' },
    });
  }
  return { conversationId: row.conversation_id, turns: JSON.parse(row.turns) as GroundingSubject['turns'], chunk: row.chunk };
}

export async function saveGrounding(db: Db, id: string, grounding: Grounding): Promise<void> {
  await db.update(conversations).set({ grounding: grounding as unknown as Record<string, unknown> }).where(eq(conversations.id, id));
}
