/**
 * npm run bench:table — latency of GET /api/conversations over HTTP with 100,000 conversations
 * (about 12 turns each) on PGlite. Prints p50/p95 per query type. Nothing here is asserted.
 */
import { prepareDataset } from './support/dataset';
import { sampleGets } from './support/http';
import { latencyCells } from './support/latency';
import { withBenchServer } from './support/server';

const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const PORT = 3871;
const log = (msg: string) => console.log(msg);

async function main() {
  await withBenchServer({ name: 'table', port: PORT, prepare: (store) => prepareDataset(store.connection, COUNT, log) }, async (server) => {
    const catalog = (await (await fetch(`${server.base}/api/catalog`, { headers: server.headers })).json()) as Record<string, { key: string; label: string }[]>;
    const pick = <T>(items: T[], i: number) => items[i % items.length];
    const scenarios: [string, (i: number) => string][] = [
      ['first page, unfiltered', () => '/api/conversations'],
      ['three-dimension filter', (i) => `/api/conversations?persona=${pick(catalog.persona, i).key},${pick(catalog.persona, i + 3).key}&emotion=${pick(catalog.emotion, i).key}&topic=${pick(catalog.topic, i).key},${pick(catalog.topic, i + 5).key}`],
      ['quality 6–8 sorted by score', (i) => `/api/conversations?qualityMin=6&qualityMax=8&sort=qualityScore&dir=${i % 2 ? 'asc' : 'desc'}`],
      ['text search', (i) => `/api/conversations?q=${encodeURIComponent(pick(['anxious', 'retirement', 'bench-0421', 'skeptical analyst', 'estate'], i))}`],
      ['page 200', () => '/api/conversations?page=200'],
      ['preview fetch (12 turns)', (i) => `/api/conversations/bench-${String(1 + ((i * 7919) % COUNT)).padStart(6, '0')}`],
    ];
    log(`\nGET latency through HTTP, ${REQUESTS} requests each after 20 warm-up requests (PGlite, ${COUNT.toLocaleString()} conversations):\n`);
    log('| query | p50 | p95 |');
    log('| --- | --- | --- |');
    for (const [name, url] of scenarios) {
      const { times } = await sampleGets(server, url, { warmUp: 20, count: REQUESTS });
      log(`| ${name} | ${latencyCells(times)} |`);
    }
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
