import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../src/contract/conversations';
import { chunks, conversations } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../support/app';
import { waitFor } from '../support/wait';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ worker: true });
});
afterAll(() => t.close());

describe('source snapshots', () => {
  it('keeps the exact source text when a conversation is generated, and answers with it after its document is deleted', { timeout: 60_000 }, async () => {
    const db = t.services.ctx.database.db;
    const [slot] = await db
      .select({ id: conversations.id, chunkId: conversations.chunkId, documentId: chunks.documentId, content: chunks.content })
      .from(conversations)
      .innerJoin(chunks, eq(chunks.id, conversations.chunkId))
      .where(and(eq(conversations.status, 'not_generated'), isNotNull(conversations.chunkId)))
      .limit(1);
    expect(slot).toBeDefined();
    expect((await t.as('generator', { method: 'POST', url: `/api/conversations/${slot.id}/generate` })).statusCode).toBe(202);
    const stored = await waitFor(async () => {
      const [row] = await db.select().from(conversations).where(eq(conversations.id, slot.id));
      return row.status === 'generated' ? row : null;
    });
    expect(stored.sourceSnapshot).toMatchObject({ chunkId: slot.chunkId, documentId: slot.documentId, content: slot.content });

    const removed = await t.as('admin', { method: 'DELETE', url: `/api/documents/${slot.documentId}?confirm=true` });
    expect(removed.statusCode).toBe(200);
    const detail = (await t.as('viewer', { method: 'GET', url: `/api/conversations/${slot.id}` })).json<ConversationDetail>();
    expect(detail.source.chunk).toMatchObject({ id: slot.chunkId, content: slot.content });
    expect(detail.source.document?.id).toBe(slot.documentId);
  });
});
