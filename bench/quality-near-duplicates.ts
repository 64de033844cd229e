/**
 * Part of npm run bench:quality — the near-duplicate check at 100,000 conversations (PGlite):
 * how long storing one new conversation's signature and finding its most similar earlier one
 * takes (p50/p95), and the startup backfill's throughput. Nothing here is asserted.
 *
 * The bench loader's turns are one template with a few words swapped, so every conversation
 * would be a near-duplicate of hundreds; real conversations are not. Each bench conversation
 * therefore gets its own text (words drawn from a 3,000-word vocabulary, seeded), and 1 % are
 * planted as copies with one sentence changed.
 */
import { sql } from 'drizzle-orm';
import { seededRandom } from '../src/core/random';
import { bandKeys, textSignature } from '../src/core/minhash';
import { queryRows, type Db } from '../src/db/client';
import { checkNearDuplicate } from '../src/db/queries/near-duplicates';
import { backfillNearDuplicates } from '../src/duplicates/near-duplicates';
import { openWorkspaceWithConversations } from './support/dataset';
import { formatMs, percentile } from './support/latency';
import { createStore } from './support/store';

const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const CHECKS = Number(process.env.BENCH_REQUESTS ?? 200);
const BACKFILL = 500;
const THRESHOLD = 0.85;
const log = (msg: string) => console.log(msg);

const VOCABULARY = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
function textFor(seed: number): string {
  const random = seededRandom(seed);
  const sentences: string[] = [];
  for (let s = 0; s < 24; s++) sentences.push(Array.from({ length: 14 }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]).join(' ') + '.');
  return sentences.join(' ');
}
const oneSentenceChanged = (text: string, seed: number) => {
  const parts = text.split('. ');
  parts[3] = textFor(seed).split('. ')[0];
  return parts.join('. ');
};

async function storeSignatures(db: Db, rows: { id: string; text: string }[]) {
  const values = rows.map((r) => {
    const signature = textSignature(r.text);
    return sql`(${r.id}::uuid, ${`{${signature.join(',')}}`}::int[], ${`{${bandKeys(signature).join(',')}}`}::text[])`;
  });
  await db.execute(sql`insert into conversation_minhash (conversation_id, signature, band_keys) values ${sql.join(values, sql`, `)}`);
}

async function main() {
  const store = await createStore('dup');
  try {
    const database = await openWorkspaceWithConversations(store.connection, COUNT, 0, log);
    const { db } = database;
    try {
      const ids = await queryRows<{ id: string; n: number }>(db, sql`select id, substring(conversation_id from 7)::int as n from conversations where conversation_id like 'bench-%' order by conversation_id`);
      const signed = ids.slice(0, ids.length - BACKFILL - CHECKS);
      let started = Date.now();
      for (let i = 0; i < signed.length; i += 1000) {
        await storeSignatures(db, signed.slice(i, i + 1000).map((r) => ({ id: r.id, text: r.n % 100 === 0 ? oneSentenceChanged(textFor(r.n - 1), r.n) : textFor(r.n) })));
      }
      const seconds = (Date.now() - started) / 1000;
      log(`Signatures: ${signed.length.toLocaleString()} computed and stored in bulk in ${seconds.toFixed(1)} s (${Math.round(signed.length / seconds).toLocaleString()}/s).`);
      await db.execute(sql`vacuum analyze conversation_minhash`);

      // The startup backfill, as it runs: conversations with a transcript and no signature, oldest first.
      const slice = ids.slice(signed.length, signed.length + BACKFILL);
      for (const r of slice) {
        await db.execute(sql`insert into conversation_transcripts (conversation_id, turns) values (${r.id}, ${JSON.stringify([{ role: 'user', content: textFor(r.n) }])}) on conflict (conversation_id) do update set turns = excluded.turns`);
      }
      await db.execute(sql`update conversations set turn_count = 2 where id in (${sql.join(slice.map((r) => sql`${r.id}`), sql`, `)})`);
      await db.execute(sql`update conversations set turn_count = 0 where id not in (${sql.join(slice.map((r) => sql`${r.id}`), sql`, `)}) and conversation_id like 'bench-%'`);
      started = Date.now();
      const done = await backfillNearDuplicates(db);
      const backfillSeconds = (Date.now() - started) / 1000;
      log(`Backfill: ${done.toLocaleString()} conversations checked in ${backfillSeconds.toFixed(1)} s (${Math.round(done / backfillSeconds)}/s, each compared with the ${signed.length.toLocaleString()}+ before it).`);

      // One new conversation at a time: half new text, half a copy of an earlier one with one sentence changed.
      const fresh = ids.slice(signed.length + BACKFILL);
      await db.execute(sql`update conversations set generated_at = now() + interval '1 day' where id in (${sql.join(fresh.map((r) => sql`${r.id}`), sql`, `)})`);
      const times: number[] = [];
      let found = 0;
      for (const [i, r] of fresh.entries()) {
        const text = i % 2 ? oneSentenceChanged(textFor(signed[(i * 7919) % signed.length].n), i + 1_000_000) : textFor(r.n + 5_000_000);
        const t0 = performance.now();
        const match = await checkNearDuplicate(db, r.id, [{ content: text }], THRESHOLD);
        times.push(performance.now() - t0);
        if (match) found++;
      }
      log(`Check one new conversation at ${COUNT.toLocaleString()} conversations (${times.length} checks, half of them copies): p50 ${formatMs(percentile(times, 50))}, p95 ${formatMs(percentile(times, 95))}, max ${formatMs(Math.max(...times))} (goal ≤ 20 ms); ${found} marked as near-duplicates.`);
    } finally {
      await database.close();
    }
  } finally {
    // Also when loading the conversations failed.
    store.remove();
  }
}

await main();
