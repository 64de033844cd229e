/**
 * The offline generator on the demo workspace, generated as "Generate All" would: the first
 * thing every new user sees must not look stamped out of a template, must never read out its
 * instructions, and must stay reproducible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks, measureReuse } from '../../src/core/offline/variety';
import { scoreConversation } from '../../src/core/quality';
import type { Database } from '../../src/db/client';
import { generateDemoOffline, type DemoConversation } from '../support/demo-offline';
import { openTestDatabase } from '../support/databases';

describe('the offline generator on the demo workspace', () => {
  let database: Database;
  let first: DemoConversation[];
  let retry: DemoConversation[];

  beforeAll(async () => {
    database = await openTestDatabase('pglite', { demo: true });
    first = await generateDemoOffline(database.db, 1);
    // The seeds a retry would use: the figure must not hang on one lucky draw.
    retry = await generateDemoOffline(database.db, 2);
  }, 120_000);
  afterAll(() => database?.close());

  it('generates all 90 planned conversations', () => {
    expect(first).toHaveLength(90);
    expect(new Set(first.map((c) => c.tier))).toEqual(new Set(['template', 'scenario', 'edge_case']));
  });

  it('reuses at most 10 % of assistant sentences word for word in 5 or more conversations', () => {
    for (const batch of [first, retry]) {
      const report = measureReuse(batch.map((c) => c.turns));
      expect(report.sentences).toBeGreaterThan(1500);
      expect(report.share, JSON.stringify(report.top.slice(0, 5))).toBeLessThanOrEqual(0.1);
    }
  });

  it('never speaks of "the user" and never repeats instruction or prompt text in any turn', () => {
    const leaks = [...first, ...retry].flatMap((c) =>
      findLeaks(c.turns, c.instructions, c.material).map((leak) => `${c.conversationId} turn ${leak.turn + 1}: ${leak.match}`),
    );
    expect(leaks).toEqual([]);
  });

  it('gives the same conversations for the same seeds and different ones for other seeds', async () => {
    const again = await generateDemoOffline(database.db, 1);
    expect(again.map((c) => c.turns)).toEqual(first.map((c) => c.turns));
    const differing = first.filter((c, i) => JSON.stringify(c.turns) !== JSON.stringify(retry[i].turns));
    expect(differing).toHaveLength(first.length);
  });

  it('keeps every conversation alternating, on its topic, and scored high', () => {
    for (const c of first) {
      c.turns.forEach((turn, i) => expect(turn.role).toBe(i % 2 === 0 ? 'user' : 'assistant'));
      const topic = c.slot.topic.label.toLowerCase().replace(/&/g, 'and').split(/\s+/)[0];
      expect(c.turns.map((t) => t.content.toLowerCase()).join(' ')).toContain(topic);
      expect(scoreConversation(c.turns, c.confidence).score, c.conversationId).toBeGreaterThanOrEqual(8);
    }
  });
});
