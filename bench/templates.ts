/**
 * npm run bench:templates — prints, nothing asserted:
 *  1. "Test template" end to end (POST /api/templates/:id/test) against the fake Anthropic
 *     Messages API answering after 2 s: median and p95 over a few calls, and convgen's own
 *     overhead beyond the provider's 2 s;
 *  2. the Templates page with 200 templates and 2,000 versions (and 20,000 conversations made
 *     with them, so the usage figures have work to do): GET /api/templates, and the page in
 *     headless Chromium from navigation until the list is shown.
 */
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { templates, templateVersions } from '../src/db/schema';
import { seedDemoWorkspace } from '../src/db/seed/seed-demo';
import { SERVER_NODE_FLAGS, waitForServer } from './dataset';
import { loadConversations } from './load-conversations';
import { formatMs, percentile } from './percentiles';

const TEMPLATES = 200;
const VERSIONS_EACH = 10;
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 20_000);
const TEST_CALLS = Number(process.env.BENCH_TEST_CALLS ?? 5);
const TRIES = Number(process.env.BENCH_TRIES ?? 10);
const PROVIDER_MS = 2000;
const PORT = 3874;
const base = `http://localhost:${PORT}`;
const TOKEN = 'bench-templates-token-0123456789';
const log = (msg: string) => console.log(msg);

async function prepare(dataDir: string) {
  const database = await openDatabase({ dataDir });
  await migrateDatabase(database);
  await seedDemoWorkspace(database.db);
  const existing = await database.db.select({ id: templates.id, tier: templates.tier }).from(templates);
  const tiers = ['template', 'scenario', 'edge_case'];
  const added = await database.db
    .insert(templates)
    .values(Array.from({ length: TEMPLATES - existing.length }, (_, i) => ({ key: `bench_${i}`, name: `Bench template ${i}`, description: `Template ${i} for the benchmark`, tier: tiers[i % 3], currentVersion: VERSIONS_EACH - 1 })))
    .returning({ id: templates.id, tier: templates.tier });
  const body = (n: number, v: number) => `Version ${v} of template ${n}.\nPersona: {persona}. Emotion: {emotion}. Topic: {topic}. Intent: {intent}. Tone: {tone}.\n{chunk_content?Source:\n{chunk_content}}`;
  // Every template gets versions up to VERSIONS_EACH (the demo ones have their version 1 already).
  const all = [...existing.map((t) => ({ ...t, from: 2 })), ...added.map((t) => ({ ...t, from: 1 }))];
  await database.db.insert(templateVersions).values(all.flatMap((t, n) => Array.from({ length: VERSIONS_EACH - t.from + 1 }, (_, k) => ({ templateId: t.id, version: t.from + k, body: body(n, t.from + k), notes: `Edit ${t.from + k}` }))));
  log(`Loading ${CONVERSATIONS.toLocaleString()} conversations…`);
  await loadConversations(database.db, CONVERSATIONS, 12, log);
  // Spread the conversations over the templates of their tier and over versions, as a long-used workspace would have them.
  await database.db.execute(sql`
    with t as (select id, tier, row_number() over (partition by tier order by id) - 1 as n, count(*) over (partition by tier) as k from templates)
    update conversations c set template_id = t.id, template_version = 1 + (abs(hashtext(c.id::text)) % ${VERSIONS_EACH})
    from t where t.tier = c.tier and t.n = abs(hashtext(c.conversation_id)) % t.k`);
  await database.db.execute(sql`vacuum analyze`);
  const [{ n }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from template_versions`);
  log(`${TEMPLATES} templates, ${n} versions.`);
  await database.close();
}

async function startFake() {
  const child = fork(new URL('./fake-anthropic-process.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, FAKE_LATENCY_MS: String(PROVIDER_MS) },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
  return { url, stop: () => child.kill('SIGTERM') };
}

const api = async (method: string, url: string, body?: unknown) => {
  const started = performance.now();
  const res = await fetch(base + url, { method, headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return { json, ms: performance.now() - started };
};

const row = (name: string, times: number[]) => log(`| ${name} | ${formatMs(percentile(times, 50))} | ${formatMs(percentile(times, 95))} | ${formatMs(Math.max(...times))} |`);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-bench-templates-'));
  await prepare(dataDir);
  const fake = await startFake();
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'bin/convgen.js', 'start'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      CONVGEN_DATA_DIR: dataDir,
      CONVGEN_DEMO: '0',
      CONVGEN_WORKER: '0',
      CONVGEN_API_TOKEN: TOKEN,
      CONVGEN_ADMIN_EMAIL: 'bench@example.test',
      CONVGEN_ADMIN_PASSWORD: 'bench-password',
      ANTHROPIC_API_KEY: 'sk-ant-bench',
      ANTHROPIC_BASE_URL: fake.url,
      CONVGEN_MODEL: 'claude-haiku-4-5',
      LOG_LEVEL: 'warn',
    },
    stdio: 'inherit',
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await waitForServer(`${base}/api/health`);
    // The fake enforces no limits here; the limiter should not hold calls back for a benchmark of latency.
    await api('PATCH', '/api/settings', { generation: { rateLimitPreset: 'anthropic-tier-4' } });

    // 1. Test template, one call after another.
    const { json: list } = await api('GET', '/api/templates?tier=template');
    const id = (list.items as { id: string; key: string }[]).find((t) => !t.key.startsWith('bench_'))!.id;
    const wall: number[] = [];
    const server: number[] = [];
    for (let i = 0; i < TEST_CALLS; i++) {
      const { json, ms } = await api('POST', `/api/templates/${id}/test`, {});
      wall.push(ms);
      server.push(Number(json.durationMs));
    }
    log(`\nTest template against the fake Anthropic API (${PROVIDER_MS} ms per answer), ${TEST_CALLS} calls:\n`);
    log('| measure | median | p95 | max |\n| --- | --- | --- | --- |');
    row('end to end (HTTP round trip)', wall);
    row('provider call as the server timed it', server);
    row(`overhead beyond the provider's ${PROVIDER_MS} ms`, wall.map((ms) => ms - PROVIDER_MS));

    // 2. The list: the API, then the page.
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < TRIES; i++) {
      const { json, ms } = await api('GET', '/api/templates');
      times.push(ms);
      count = (json.items as unknown[]).length;
    }
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill('bench@example.test');
    await page.getByLabel('Password').fill('bench-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/conversations/);
    await page.addInitScript(`new MutationObserver((_, observer) => {
      if (document.querySelectorAll('table[aria-label="Templates"] tbody tr').length >= ${TEMPLATES}) { window.__listShown = performance.now(); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });`);
    const shown: number[] = [];
    for (let i = 0; i < TRIES; i++) {
      await page.goto(`${base}/templates`);
      // The page's CSP forbids string evaluation in polling, so wait for the last row itself.
      await page.waitForSelector(`table[aria-label="Templates"] tbody tr:nth-child(${TEMPLATES})`, { timeout: 30_000 });
      shown.push((await page.evaluate('window.__listShown')) as number);
    }
    log(`\nTemplates page with ${count} templates and ${TEMPLATES * VERSIONS_EACH} versions (${CONVERSATIONS.toLocaleString()} conversations using them), ${TRIES} tries:\n`);
    log('| measure | median | p95 | max |\n| --- | --- | --- | --- |');
    row('GET /api/templates', times);
    row('page load until all rows are shown', shown);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    fake.stop();
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
