/**
 * npm run bench:table — latency of GET /api/conversations over HTTP with 100,000 conversations
 * (about 12 turns each) on PGlite. Prints p50/p95 per query type. Nothing here is asserted.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDataset, SERVER_NODE_FLAGS, waitForServer } from './dataset';
import { formatMs, percentile } from './percentiles';

const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const PORT = 3871;
const TOKEN = 'bench-token-0123456789abcdef';
const log = (msg: string) => console.log(msg);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-bench-'));
  await prepareDataset(dataDir, COUNT, log);
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'bin/convgen.js', 'serve'], {
    env: { ...process.env, PORT: String(PORT), CONVGEN_DATA_DIR: dataDir, CONVGEN_DEMO: '0', CONVGEN_WORKER: '0', CONVGEN_ADMIN_EMAIL: 'bench@example.test', CONVGEN_ADMIN_PASSWORD: 'bench-password', CONVGEN_API_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  try {
    const base = `http://localhost:${PORT}`;
    await waitForServer(`${base}/api/health`);
    const get = async (url: string) => {
      const t0 = performance.now();
      const res = await fetch(base + url, { headers: { authorization: `Bearer ${TOKEN}` } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url} → ${res.status}`);
      return performance.now() - t0;
    };
    const catalog = (await (await fetch(`${base}/api/catalog`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as Record<string, { key: string; label: string }[]>;
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
      for (let i = 0; i < 20; i++) await get(url(i));
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) times.push(await get(url(i)));
      log(`| ${name} | ${formatMs(percentile(times, 50))} | ${formatMs(percentile(times, 95))} |`);
    }
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
