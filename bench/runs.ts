/**
 * npm run bench:runs — the generation machinery end to end (worker, rate limiter, budget,
 * database writes), with the real Anthropic SDK against the fake Messages API on loopback.
 * (a) 200 conversations, 2 s latency, a 120 requests/min limit: wall time against the bound
 *     max(N / limit, N × latency / concurrency).
 * (b) 2,000 conversations, no latency, no limit: conversations per second.
 * Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config/env';
import { openDatabase } from '../src/db/client';
import type { Db } from '../src/db/client';
import { buildApp } from '../src/server/app';
import { startServices } from '../src/server/start';
import { fork } from 'node:child_process';

const TOKEN = 'bench-runs-token-0123456789';

/** Copies the demo's planned slots under new ids until there are `count` to generate. */
async function addPlanned(db: Db, count: number) {
  await db.execute(sql`
    insert into conversations (conversation_id, title, document_id, chunk_id, persona, emotion, topic, intent, tone, tier, arc_key, template_id, template_version, scenario_id, edge_case_id, search_text)
    select 'bench-' || lpad(n::text, 6, '0'), '', c.document_id, c.chunk_id, c.persona, c.emotion, c.topic, c.intent, c.tone, 'template', c.arc_key, c.template_id, c.template_version, null, null, 'bench'
    from generate_series(1, ${count}) n
    join lateral (select * from conversations where tier = 'template' and not is_seed order by conversation_id offset (n % 40) limit 1) c on true`);
}

type FakeStats = { requests: number; rejected429: number; maxConcurrent: number; maxRequestsInAnyWindow: number };

/** The fake provider in a child process, like a real one: it does not compete for our event loop. */
async function startFakeProcess(latencyMs: number, requestsPerMinute: number | null) {
  const child = fork(new URL('./fake-anthropic-process.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, FAKE_LATENCY_MS: String(latencyMs), ...(requestsPerMinute ? { FAKE_RPM: String(requestsPerMinute) } : {}) },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
  return {
    url,
    stats: () =>
      new Promise<FakeStats>((resolve) => {
        child.once('message', (m) => resolve(m as FakeStats));
        child.send('stats');
      }),
    close: () => new Promise<void>((resolve) => child.once('exit', () => resolve()).kill('SIGTERM')),
  };
}

async function scenario(name: string, opts: { count: number; latencyMs: number; requestsPerMinute: number | null; concurrency: number }) {
  const fake = await startFakeProcess(opts.latencyMs, opts.requestsPerMinute);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-bench-runs-'));
  const database = await openDatabase({ dataDir });
  const config = loadConfig({
    ...process.env,
    CONVGEN_DATA_DIR: dataDir,
    CONVGEN_ADMIN_EMAIL: 'bench@example.test',
    CONVGEN_ADMIN_PASSWORD: 'bench-password',
    CONVGEN_API_TOKEN: TOKEN,
    ANTHROPIC_API_KEY: 'sk-ant-bench',
    ANTHROPIC_BASE_URL: fake.url,
    CONVGEN_MODEL: 'claude-haiku-4-5',
    LOG_LEVEL: 'silent',
  });
  const services = await startServices(config, () => {}, database);
  const app = await buildApp(services.ctx);
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${TOKEN}` } });
    if (res.statusCode >= 400) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  try {
    await addPlanned(database.db, opts.count);
    const limits = { requestsPerMinute: opts.requestsPerMinute, inputTokensPerMinute: null, outputTokensPerMinute: null, maxConcurrency: opts.concurrency };
    await call('PATCH', '/api/settings', { generation: { rateLimitPreset: 'custom', customRateLimits: limits, concurrency: opts.concurrency } });
    const started = performance.now();
    const { runId, total } = await call('POST', '/api/runs', { filter: { q: 'bench' }, concurrency: opts.concurrency });
    let run;
    for (;;) {
      run = await call('GET', `/api/runs/${runId}`);
      if (run.status !== 'running' && run.status !== 'queued') break;
      // About as often as the progress panel asks.
      await new Promise((r) => setTimeout(r, 500));
    }
    const seconds = (performance.now() - started) / 1000;
    const stats = await fake.stats();
    const bound = Math.max(opts.requestsPerMinute ? (total / opts.requestsPerMinute) * 60 : 0, (total * opts.latencyMs) / 1000 / opts.concurrency);
    console.log(`\n${name}`);
    console.log(`  ${total} conversations: ${run.succeeded} succeeded, ${run.failed} failed, status ${run.status}`);
    console.log(`  wall time ${seconds.toFixed(1)} s${bound ? `; bound ${bound.toFixed(1)} s; ratio ${(seconds / bound).toFixed(3)}` : ''}`);
    console.log(`  ${(total / seconds).toFixed(1)} conversations/s; provider saw ${stats.requests} requests, ${stats.rejected429} answered 429, at most ${stats.maxConcurrent} at once, at most ${stats.maxRequestsInAnyWindow} in any 60 s window`);
  } finally {
    await app.close();
    await services.close();
    await fake.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const only = process.argv[2];
  if (!only || only === 'a') await scenario('(a) 200 conversations, 2 s latency, 120 requests/min, 4 at a time', { count: 200, latencyMs: 2000, requestsPerMinute: 120, concurrency: 4 });
  if (!only || only === 'b') await scenario('(b) 2,000 conversations, no latency, no limit, 20 at a time', { count: Number(process.env.BENCH_COUNT ?? 2000), latencyMs: 0, requestsPerMinute: null, concurrency: 20 });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
