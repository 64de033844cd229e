/**
 * npm run bench:quality (first part) — the coverage endpoint and the Coverage dashboard at
 * 100,000 conversations (PGlite): GET /api/coverage p50/p95 per scope over HTTP — answered from
 * the server's memory while the dataset is unchanged, and counted again right after a change —
 * and the dashboard's load in headless Chromium from navigation to every chart drawn (and, on
 * the same loads, to the app shell alone: the floor under any page). Most bench
 * conversations are given a demo chunk and its document, so the category and chunk figures have
 * work to do. Prints figures; nothing is asserted.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { seedDemoWorkspace } from '../src/db/seed/seed-demo';
import { SERVER_NODE_FLAGS, waitForServer } from './dataset';
import { loadConversations } from './load-conversations';
import { formatMs, percentile } from './percentiles';

const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const LOADS = Number(process.env.BENCH_LOADS ?? 10);
const PORT = 3874;
const TOKEN = 'bench-token-0123456789abcdef';
const base = `http://localhost:${PORT}`;
const log = (msg: string) => console.log(msg);

/** The demo workspace plus `COUNT` conversations without turns (coverage reads none), 70 % of them drawn from a demo chunk. */
async function prepare(dataDir: string) {
  const database = await openDatabase({ dataDir });
  const { db } = database;
  await migrateDatabase(database);
  await seedDemoWorkspace(db);
  log(`Loading ${COUNT.toLocaleString()} conversations…`);
  await loadConversations(db, COUNT, 0, log);
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

async function endpoint() {
  const get = async (url: string) => {
    const t0 = performance.now();
    const res = await fetch(base + url, { headers: { authorization: `Bearer ${TOKEN}` } });
    const body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} → ${res.status}: ${Buffer.from(body).toString()}`);
    return { ms: performance.now() - t0, bytes: body.byteLength };
  };
  // A change the report must show: dismissing or restoring a recommendation (not timed).
  let dismissed = false;
  const change = async () => {
    const url = `/api/coverage/recommendations/chunks:high_confidence/${dismissed ? 'restore' : 'dismiss'}`;
    const res = await fetch(base + url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    if (!res.ok) throw new Error(`${url} → ${res.status}: ${await res.text()}`);
    dismissed = !dismissed;
  };
  log(`\nGET /api/coverage through HTTP, ${REQUESTS} requests each after 3 warm-up requests (PGlite, ${COUNT.toLocaleString()} conversations):\n`);
  log('| scope | unchanged dataset: p50 | p95 | right after a change: p50 | p95 | answer size |');
  log('| --- | --- | --- | --- | --- | --- |');
  for (const scope of ['generated', 'approved', 'all']) {
    const url = `/api/coverage?scope=${scope}`;
    for (let i = 0; i < 3; i++) await get(url);
    const kept: number[] = [];
    const counted: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const r = await get(url);
      kept.push(r.ms);
      bytes = r.bytes;
    }
    for (let i = 0; i < REQUESTS; i++) {
      await change();
      counted.push((await get(url)).ms);
    }
    log(`| ${scope} | ${formatMs(percentile(kept, 50))} | ${formatMs(percentile(kept, 95))} | ${formatMs(percentile(counted, 50))} | ${formatMs(percentile(counted, 95))} | ${(bytes / 1024).toFixed(0)} KB |`);
  }
  if (dismissed) await change();
}

/** A full page load of /coverage each time, timed in the page from navigation start until the heatmap and the Recharts charts are in the DOM. */
async function dashboard() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill('bench@example.test');
    await page.getByLabel('Password').fill('bench-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/conversations/);
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
      await page.goto(`${base}/coverage`);
      await page.waitForFunction(() => (window as unknown as { __chartsDrawn?: number }).__chartsDrawn !== undefined, undefined, { timeout: 60_000 });
      times.push((await page.evaluate('window.__chartsDrawn')) as number);
      shell.push((await page.evaluate('window.__shellDrawn')) as number);
    }
    log(`\nCoverage dashboard in headless Chromium, ${LOADS} full page loads (navigation start → drawn; the first load is cold):\n`);
    log('| drawn | p50 | p95 | max | first |');
    log('| --- | --- | --- | --- | --- |');
    log(`| heatmap and charts | ${formatMs(percentile(times, 50))} | ${formatMs(percentile(times, 95))} | ${formatMs(Math.max(...times))} | ${formatMs(times[0])} |`);
    log(`| the app shell alone | ${formatMs(percentile(shell, 50))} | ${formatMs(percentile(shell, 95))} | ${formatMs(Math.max(...shell))} | ${formatMs(shell[0])} |`);
  } finally {
    await browser.close();
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-bench-coverage-'));
  await prepare(dataDir);
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'bin/convgen.js', 'start'], {
    env: { ...process.env, PORT: String(PORT), CONVGEN_DATA_DIR: dataDir, CONVGEN_DEMO: '0', CONVGEN_WORKER: '0', CONVGEN_ADMIN_EMAIL: 'bench@example.test', CONVGEN_ADMIN_PASSWORD: 'bench-password', CONVGEN_API_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  try {
    await waitForServer(`${base}/api/health`);
    await endpoint();
    await dashboard();
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
