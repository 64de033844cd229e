import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../src/db/client';
import { conversations, conversationTurns } from '../../src/db/schema';
import { ENGINES, openTestDatabase } from '../support/databases';

describe.each(ENGINES)('database schema on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { demo: true });
  });
  afterAll(() => database.close());

  const insertConversation = (conversationId: string, extra: Record<string, unknown> = {}) =>
    database.db.insert(conversations).values({ conversationId, persona: 'p', emotion: 'e', topic: 't', intent: 'i', tone: 'o', tier: 'template', ...extra }).returning({ id: conversations.id });

  it('reports its engine', () => {
    expect(database.kind).toBe(engine);
  });

  it('holds the demo workspace: 90 planned in 40/35/15 plus seeds', async () => {
    const rows = await queryRows<{ tier: string; n: number }>(database.db, sql`select tier, count(*)::int as n from conversations where not is_seed group by tier order by tier`);
    expect(Object.fromEntries(rows.map((r) => [r.tier, r.n]))).toEqual({ edge_case: 15, scenario: 35, template: 40 });
    const [{ chunks }] = await queryRows<{ chunks: number }>(database.db, sql`select count(*)::int as chunks from chunks`);
    expect(chunks).toBeGreaterThanOrEqual(30);
  });

  it('enforces a unique conversation_id', async () => {
    await insertConversation('dup-1');
    await expect(insertConversation('dup-1')).rejects.toThrow();
  });

  it('enforces NOT NULL on the dimensions', async () => {
    await expect(database.db.execute(sql`insert into conversations (conversation_id, persona, emotion, topic, intent, tier) values ('nn-1', 'p', 'e', 't', 'i', 'template')`)).rejects.toThrow();
  });

  it('deletes turns with their conversation', async () => {
    const [row] = await insertConversation('cascade-1');
    await database.db.insert(conversationTurns).values([
      { conversationId: row.id, turnNumber: 1, role: 'user', content: 'Hi' },
      { conversationId: row.id, turnNumber: 2, role: 'assistant', content: 'Hello' },
    ]);
    await database.db.execute(sql`delete from conversations where id = ${row.id}`);
    const [{ n }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from conversation_turns where conversation_id = ${row.id}`);
    expect(n).toBe(0);
  });

  it('refuses turns for a conversation that does not exist', async () => {
    await expect(database.db.insert(conversationTurns).values({ conversationId: '00000000-0000-0000-0000-000000000000', turnNumber: 1, role: 'user', content: 'x' })).rejects.toThrow();
  });

  it('has the indexes the table view relies on', async () => {
    const rows = await queryRows<{ indexname: string }>(database.db, sql`select indexname from pg_indexes where tablename = 'conversations'`);
    const names = rows.map((r) => r.indexname);
    for (const name of [
      'conversations_status_idx',
      'conversations_quality_idx',
      'conversations_persona_idx',
      'conversations_emotion_idx',
      'conversations_tier_idx',
      'conversations_created_idx',
      'conversations_status_quality_idx',
      'conversations_persona_emotion_idx',
      'conversations_search_trgm_idx',
    ])
      expect(names).toContain(name);
  });

  it("has the run item indexes a run's progress and the worker's claim rely on", async () => {
    const rows = await queryRows<{ indexname: string; indexdef: string }>(database.db, sql`select indexname, indexdef from pg_indexes where tablename = 'run_items'`);
    const byName = new Map(rows.map((r) => [r.indexname, r.indexdef]));
    for (const name of ['run_items_run_status_idx', 'run_items_status_next_idx', 'run_items_conversation_idx', 'run_items_one_active_per_conversation']) expect(byName.has(name), name).toBe(true);
    expect(byName.get('run_items_run_finished_idx')).toMatch(/\(run_id, finished_at\)/);
  });

  it('queries JSONB metadata and chunk dimensions', async () => {
    await insertConversation('meta-1', { metadata: { campaign: 'spring' } });
    const rows = await queryRows<{ conversation_id: string }>(database.db, sql`select conversation_id from conversations where metadata->>'campaign' = 'spring'`);
    expect(rows.map((r) => r.conversation_id)).toEqual(['meta-1']);
    const advanced = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from chunks where dimensions->>'expertise_level' = 'advanced'`);
    expect(advanced[0].n).toBeGreaterThan(0);
  });

  it('rolls back a failed transaction completely', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(conversations).values({ conversationId: 'tx-1', persona: 'p', emotion: 'e', topic: 't', intent: 'i', tone: 'o', tier: 'template' });
        await tx.insert(conversations).values({ conversationId: 'tx-1', persona: 'p', emotion: 'e', topic: 't', intent: 'i', tone: 'o', tier: 'template' });
      }),
    ).rejects.toThrow();
    const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from conversations where conversation_id = 'tx-1'`);
    expect(rows[0].n).toBe(0);
  });
});
