/**
 * npm run bench:bulk — one bulk approval of 90,000 conversations through HTTP on a server holding
 * the bench's 100,000, and what other users feel meanwhile: p50/p95 of GET /api/health and of
 * GET /api/conversations while the server is idle, while the approval runs, and after it ended.
 * Before it, the confirmation dialog's question: POST /api/conversations/bulk/preview over the
 * same 90,000-row filter, and over the whole table.
 * On PGlite by default; BENCH_ENGINE=postgres runs the same on a throwaway PostgreSQL server.
 * CONVGEN_BULK_BATCH_SIZE is passed on to the server. Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client';
import { prepareDataset } from './support/dataset';
import { latencyCells } from './support/latency';
import { BENCH_API_TOKEN, withBenchServer } from './support/server';
import { engineFromEnv, type BenchStore } from './support/store';

const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const TO_APPROVE = Number(process.env.BENCH_APPROVE ?? 90_000);
/** Requests per probe when idle, and after the action. */
const SAMPLES = Number(process.env.BENCH_REQUESTS ?? 200);
/** How long to let the server settle after the action before measuring again (its maintenance runs meanwhile). */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 15_000);
/** A folder to keep the prepared PGlite data set in, and to copy it from on the next run (loading takes minutes). */
const CACHE = process.env.BENCH_DATASET_CACHE;
const PORT = 3874;
const log = (msg: string) => console.log(msg);
const base = `http://localhost:${PORT}`;
const headers = { authorization: `Bearer ${BENCH_API_TOKEN}`, 'content-type': 'application/json' };

const LIST_URL = '/api/conversations?pageSize=50';

async function timedGet(url: string, retried = false): Promise<number> {
  const t0 = performance.now();
  try {
    const res = await fetch(base + url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} → ${res.status}`);
  } catch (err) {
    // A kept-alive connection the server closed just as it was reused: the request never reached the server.
    if (retried || !String((err as { cause?: { code?: string } }).cause?.code).startsWith('ECONNRESET')) throw err;
    return timedGet(url, true);
  }
  return performance.now() - t0;
}

/** Requests `url` one after another until `until()` says stop (checked after each request), returning each latency. */
async function probe(url: string, until: (samples: number[]) => boolean): Promise<number[]> {
  const samples: number[] = [];
  while (!until(samples)) samples.push(await timedGet(url));
  return samples;
}

/** Health and list probes side by side, as two users would be. */
async function measure(until: (samples: number[]) => boolean) {
  const [health, list] = await Promise.all([probe('/api/health', until), probe(LIST_URL, until)]);
  return { health, list };
}

function row(name: string, { health, list }: { health: number[]; list: number[] }) {
  const figures = (v: number[]) => (v.length ? `${latencyCells(v, ['p50', 'p95', 'max'])} | ${v.length}` : '– | – | – | 0');
  log(`| ${name} | ${figures(health)} | ${figures(list)} |`);
}

/**
 * Starts the approval and resolves when it has ended, whichever shape the answer takes: the
 * finished result (200), or a running action (202) whose progress is polled until it ends.
 */
async function approveAll(): Promise<{ seconds: number; succeeded: number; skippedCount: number; failedCount: number; polls: number }> {
  const started = performance.now();
  const res = await fetch(`${base}/api/conversations/bulk/review`, { method: 'POST', headers, body: JSON.stringify({ selection: { filter: { status: ['generated'] } }, action: 'approve' }) });
  if (res.status !== 200 && res.status !== 202) throw new Error(`bulk review → ${res.status} ${await res.text()}`);
  let body = (await res.json()) as { id?: string; state?: string; succeeded: number; skippedCount: number; failedCount: number };
  let polls = 0;
  while (body.state === 'running') {
    await new Promise((r) => setTimeout(r, 250));
    const next = await fetch(`${base}/api/conversations/bulk/actions/${body.id}`, { headers });
    if (!next.ok) throw new Error(`bulk progress → ${next.status} ${await next.text()}`);
    body = (await next.json()) as typeof body;
    polls++;
  }
  return { seconds: (performance.now() - started) / 1000, succeeded: body.succeeded, skippedCount: body.skippedCount, failedCount: body.failedCount, polls };
}

const PREVIEW_SAMPLES = Number(process.env.BENCH_PREVIEW_REQUESTS ?? 20);

/** Latencies of the bulk preview for `selection`, one request after another, and its last answer. */
async function timePreview(selection: object, action: string): Promise<{ ms: number[]; last: { selected: number; willChange: number; skipped: number } }> {
  const ms: number[] = [];
  let last = { selected: 0, willChange: 0, skipped: 0 };
  for (let i = 0; i < PREVIEW_SAMPLES; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/conversations/bulk/preview`, { method: 'POST', headers, body: JSON.stringify({ selection, action }) });
    if (!res.ok) throw new Error(`bulk preview → ${res.status} ${await res.text()}`);
    last = (await res.json()) as typeof last;
    ms.push(performance.now() - t0);
  }
  return { ms, last };
}

/**
 * The bench data set with the first TO_APPROVE bench conversations generated and above the default
 * approval bar (6), everything else out of the filter, so "status = generated" names exactly them.
 * With BENCH_DATASET_CACHE, on PGlite, copied from the cache when it holds one.
 */
async function prepare(store: BenchStore) {
  const cache = !store.databaseUrl && CACHE ? path.join(CACHE, `pglite-${COUNT}-${TO_APPROVE}`) : null;
  if (cache && fs.existsSync(cache)) {
    log(`Copying the data set from ${cache}…`);
    fs.cpSync(cache, store.dataDir, { recursive: true });
    return;
  }
  await prepareDataset(store.connection, COUNT, log);
  const database = await openDatabase(store.connection);
  await database.db.execute(sql`update conversations set status = 'approved' where status = 'generated'`);
  await database.db.execute(sql`
    update conversations set status = 'generated', quality_score = 6 + (hashint4(length(title)) & 31) / 10.0, reviewed_at = null, reviewed_by = null, review_notes = null
    where conversation_id like 'bench-%' and conversation_id <= ${`bench-${String(TO_APPROVE).padStart(6, '0')}`}`);
  await database.db.execute(sql`vacuum analyze`);
  await database.close();
  if (cache) fs.cpSync(store.dataDir, cache, { recursive: true });
}

async function main() {
  await withBenchServer({ name: 'bulk', engine: engineFromEnv(), port: PORT, prepare }, async (server) => {
    const generated = ((await (await fetch(`${base}/api/conversations?status=generated&pageSize=25`, { headers })).json()) as { total: number }).total;
    for (let i = 0; i < 20; i++) await Promise.all([timedGet('/api/health'), timedGet(LIST_URL)]);

    log(`\nBulk preview (the confirmation dialog's counts), ${PREVIEW_SAMPLES} requests each, idle server:\n`);
    log('| selection | action | selected | will change | skipped | p50 | p95 | max |');
    log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const [name, selection, action] of [
      ['filter status = generated', { filter: { status: ['generated'] } }, 'approve'],
      ['all', { all: true }, 'reject'],
      ['all', { all: true }, 'delete'],
    ] as const) {
      const { ms, last } = await timePreview(selection, action);
      log(`| ${name} | ${action} | ${last.selected.toLocaleString()} | ${last.willChange.toLocaleString()} | ${last.skipped.toLocaleString()} | ${latencyCells(ms, ['p50', 'p95', 'max'])} |`);
    }

    log(`\nBulk approval through HTTP, ${server.store.label}, ${COUNT.toLocaleString()} conversations, ${generated.toLocaleString()} of them generated and selected.`);
    log(`GET /api/health and GET ${LIST_URL}, one request after another each, side by side:\n`);
    log('| server | health p50 | health p95 | health max | requests | list p50 | list p95 | list max | requests |');
    log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    row('idle', await measure((s) => s.length >= SAMPLES));
    let done = false;
    const during = measure(() => done);
    const action = await approveAll().finally(() => (done = true));
    row('during the approval', await during);
    const afterAt = Date.now() + SETTLE_MS;
    // Measured from the moment the action ended: what a user sees next, including any maintenance.
    row('right after it', await measure((s) => s.length >= SAMPLES));
    await new Promise((r) => setTimeout(r, Math.max(0, afterAt - Date.now())));
    row(`${SETTLE_MS / 1000} s after it`, await measure((s) => s.length >= SAMPLES));
    log(`\n${action.succeeded.toLocaleString()} approved, ${action.skippedCount.toLocaleString()} skipped, ${action.failedCount.toLocaleString()} failed, in ${action.seconds.toFixed(1)} s (${Math.round(action.succeeded / action.seconds).toLocaleString()} conversations/s${action.polls ? `, progress polled ${action.polls} times` : ''}).`);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
