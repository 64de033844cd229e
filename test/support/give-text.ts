import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client';
import { conversations, conversationTranscripts } from '../../src/db/schema';

const TURNS = [
  { role: 'user', content: 'I keep putting off building an emergency fund. Where do I start?' },
  { role: 'assistant', content: 'Start small: set aside one month of essential expenses in a separate savings account, then grow it to three.' },
];

/** Gives a conversation whose status a test set by hand the turns a judge or an export reads (its transcript). */
export async function giveText(db: Db, conversationId: string): Promise<void> {
  const [row] = await db.update(conversations).set({ turnCount: TURNS.length }).where(eq(conversations.conversationId, conversationId)).returning({ id: conversations.id });
  const turns = JSON.stringify(TURNS);
  await db.insert(conversationTranscripts).values({ conversationId: row.id, turns }).onConflictDoUpdate({ target: conversationTranscripts.conversationId, set: { turns } });
}
