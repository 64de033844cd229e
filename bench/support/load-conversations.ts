import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client';

/**
 * Bulk-loads `count` conversations (and `turnsEach` turns for each) inside the database with
 * generate_series, drawing dimension values from the catalog, so 100,000 rows take seconds.
 */
export async function loadConversations(db: Db, count: number, turnsEach: number, log: (msg: string) => void) {
  const batch = 10_000;
  for (let start = 1; start <= count; start += batch) {
    const end = Math.min(count, start + batch - 1);
    await db.execute(sql`
      with dims as (
        select dimension, array_agg(key order by key) as keys, array_agg(lower(label) order by key) as labels
        from dimension_values group by dimension
      ), p as (select keys, labels from dims where dimension = 'persona'),
         e as (select keys, labels from dims where dimension = 'emotion'),
         t as (select keys, labels from dims where dimension = 'topic'),
         i as (select keys, labels from dims where dimension = 'intent'),
         o as (select keys, labels from dims where dimension = 'tone'),
      rows as (
        select n,
          1 + (hashint4(n) & 2147483647) % cardinality(p.keys) as pi,
          1 + (hashint4(n + 1) & 2147483647) % cardinality(e.keys) as ei,
          1 + (hashint4(n + 2) & 2147483647) % cardinality(t.keys) as ti,
          1 + (hashint4(n + 3) & 2147483647) % cardinality(i.keys) as ii,
          1 + (hashint4(n + 4) & 2147483647) % cardinality(o.keys) as oi,
          (hashint4(n + 5) & 2147483647) % 100 as roll,
          p.keys pk, p.labels pl, e.keys ek, e.labels el, t.keys tk, t.labels tl, i.keys ik, i.labels il, o.keys ok, o.labels ol
        from generate_series(${start}::int, ${end}::int) n, p, e, t, i, o
      )
      insert into conversations (conversation_id, title, persona, emotion, topic, intent, tone, tier, status, quality_score, turn_count, model, provider, generated_at, search_text, created_at)
      select 'bench-' || lpad(n::text, 6, '0'),
        initcap(pl[pi]) || ' asks about ' || initcap(tl[ti]),
        pk[pi], ek[ei], tk[ti], ik[ii], ok[oi],
        case when roll < 44 then 'template' when roll < 83 then 'scenario' else 'edge_case' end,
        case when roll < 5 then 'not_generated' when roll < 7 then 'failed' when roll < 55 then 'generated' when roll < 90 then 'approved' else 'rejected' end,
        case when roll < 7 then null else round((3 + ((hashint4(n + 6) & 2147483647) % 70) / 10.0)::numeric, 1) end,
        case when roll < 7 then 0 else ${turnsEach} end,
        case when roll < 7 then null else 'claude-sonnet-4-5' end,
        case when roll < 7 then null else 'anthropic' end,
        case when roll < 7 then null else now() - (n || ' seconds')::interval end,
        'bench-' || lpad(n::text, 6, '0') || ' ' || pl[pi] || ' asks about ' || tl[ti] || ' ' || el[ei] || ' ' || il[ii] || ' ' || ol[oi],
        now() - (n || ' seconds')::interval
      from rows`);
    await db.execute(sql`
      insert into conversation_turns (conversation_id, turn_number, role, content)
      select c.id, t.n, case when t.n % 2 = 1 then 'user' else 'assistant' end,
        case when t.n % 2 = 1
          then 'I have a question about ' || c.topic || ' and I feel some ' || c.emotion || ' about it. What should I consider first?'
          else 'That is a fair question. For ' || c.topic || ', start with your time horizon, your emergency savings and how much volatility you can live with. ' || repeat('Then we can look at the options step by step. ', 3)
        end
      from conversations c cross join generate_series(1, ${turnsEach}) t(n)
      where c.conversation_id between ${`bench-${String(start).padStart(6, '0')}`} and ${`bench-${String(end).padStart(6, '0')}`} and c.turn_count > 0`);
    // As convgen stores turns: with the conversation's transcript (src/db/transcripts.ts).
    await db.execute(sql`
      insert into conversation_transcripts (conversation_id, turns)
      select c.id, json_agg(json_build_object('role', t.role, 'content', t.content) order by t.turn_number)::text
      from conversations c join conversation_turns t on t.conversation_id = c.id
      where c.conversation_id between ${`bench-${String(start).padStart(6, '0')}`} and ${`bench-${String(end).padStart(6, '0')}`}
      group by c.id`);
    log(`  loaded ${end.toLocaleString()} conversations`);
  }
}
