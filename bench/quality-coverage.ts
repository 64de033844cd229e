/**
 * npm run bench:quality (first part) — the coverage endpoint and the Coverage dashboard at
 * 100,000 conversations (PGlite): GET /api/coverage p50/p95 per scope over HTTP — answered from
 * the server's memory while the dataset is unchanged, and counted again right after a change —
 * and the dashboard's load in headless Chromium from navigation to every chart drawn (and, on
 * the same loads, to the app shell alone: the floor under any page). Most bench
 * conversations are given a demo chunk and its document, so the category and chunk figures have
 * work to do. Prints figures; nothing is asserted.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/client';
import { launchChromium, openPage, signIn } from './support/browser';
import { openWorkspaceWithConversations } from './support/dataset';
import { sampleGets, timedGet } from './support/http';
import { latencyCells } from './support/latency';
import type { BenchStore } from './support/store';
import { withBenchServer, type BenchServer } from './support/server';

const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const LOADS = Number(process.env.BENCH_LOADS ?? 10);
const PORT = 3874;
const log = (msg: string) => console.log(msg);

/** The demo workspace plus `COUNT` conversations without turns (coverage reads none), 70 % of them drawn from a demo chunk. */
async function prepare(store: BenchStore) {
  const database = await openWorkspaceWithConversations(store.connection, COUNT, 0, log);
  const { db } = database;
  await db.execute(sql`
    with numbered as (select ch.id, ch.document_id, (row_number() over (order by ch.id) - 1)::int as i, count(*) over () as n from chunks ch)
    update conversations c set chunk_id = numbered.id, document_id = numbered.document_id
    from numbered
    where c.conversation_id like 'bench-%' and (hashtext(c.conversation_id || 'g') & 2147483647) % 10 < 7
      and numbered.i = (hashtext(c.conversation_id) & 2147483647) % numbered.n`);
  await db.execute(sql`vacuum analyze`);
  const [counts] = await queryRows<{ total: number; grounded: number; chunks: number }>(
    db,
    sql`select (select count(*) from conversations)::int as total, (select count(*) from conversations where chunk_id is not null)::int as grounded, (select count(*) from chunks)::int as chunks`,
  );
  await database.close();
  log(`${counts.total.toLocaleString()} conversations, ${counts.grounded.toLocaleString()} drawn from ${counts.chunks} chunks.`);
}

async function endpoint(server: BenchServer) {
  // A change the report must show: dismissing or restoring a recommendation (not timed).
  let dismissed = false;
  const change = async () => {
    const url = `/api/coverage/recommendations/chunks:high_confidence/${dismissed ? 'restore' : 'dismiss'}`;
    const res = await fetch(server.base + url, { method: 'POST', headers: server.headers });
    if (!res.ok) throw new Error(`${url} → ${res.status}: ${await res.text()}`);
    dismissed = !dismissed;
  };
  log(`\nGET /api/coverage through HTTP, ${REQUESTS} requests each after 3 warm-up requests (PGlite, ${COUNT.toLocaleString()} conversations):\n`);
  log('| scope | unchanged dataset: p50 | p95 | right after a change: p50 | p95 | answer size |');
  log('| --- | --- | --- | --- | --- | --- |');
  for (const scope of ['generated', 'approved', 'all']) {
    const url = `/api/coverage?scope=${scope}`;
    const { times: kept, bytes } = await sampleGets(server, url, { warmUp: 3, count: REQUESTS });
    const counted: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      await change();
      counted.push((await timedGet(server, url)).ms);
    }
    log(`| ${scope} | ${latencyCells(kept)} | ${latencyCells(counted)} | ${(bytes / 1024).toFixed(0)} KB |`);
  }
  if (dismissed) await change();
}

/** A full page load of /coverage each time, timed in the page from navigation start until the heatmap and the Recharts charts are in the DOM. */
async function dashboard(server: BenchServer) {
  const browser = await launchChromium();
  try {
    const page = await openPage(browser);
    await signIn(page, server);
    // Charts drawn: the heatmap's cells and the persona, arc, tier and category charts' SVG marks.
    // The shell: the main navigation, drawn before any page's own content.
    await page.addInitScript(`new MutationObserver((_, observer) => {
      if (window.__shellDrawn === undefined && document.querySelector('nav[aria-label="Main"]')) window.__shellDrawn = performance.now();
      const drawn = document.querySelector('[data-testid^="heatmap-cell-"]') && document.querySelectorAll('.recharts-surface .recharts-layer').length > 0 && document.querySelectorAll('.recharts-surface').length >= 4;
      if (drawn) { window.__chartsDrawn = performance.now(); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });`);
    const times: number[] = [];
    const shell: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      await page.goto(`${server.base}/coverage`);
      await page.waitForFunction(() => (window as unknown as { __chartsDrawn?: number }).__chartsDrawn !== undefined, undefined, { timeout: 60_000 });
      times.push((await page.evaluate('window.__chartsDrawn')) as number);
      shell.push((await page.evaluate('window.__shellDrawn')) as number);
    }
    log(`\nCoverage dashboard in headless Chromium, ${LOADS} full page loads (navigation start → drawn; the first load is cold):\n`);
    log('| drawn | p50 | p95 | max | first |');
    log('| --- | --- | --- | --- | --- |');
    log(`| heatmap and charts | ${latencyCells(times, ['p50', 'p95', 'max', 'first'])} |`);
    log(`| the app shell alone | ${latencyCells(shell, ['p50', 'p95', 'max', 'first'])} |`);
  } finally {
    await browser.close();
  }
}

async function main() {
  await withBenchServer({ name: 'coverage', port: PORT, command: 'start', prepare }, async (server) => {
    await endpoint(server);
    await dashboard(server);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
