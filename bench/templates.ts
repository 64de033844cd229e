/**
 * npm run bench:templates — prints, nothing asserted:
 *  1. "Test template" end to end (POST /api/templates/:id/test) against the fake Anthropic
 *     Messages API answering after 2 s: median and p95 over a few calls, and convgen's own
 *     overhead beyond the provider's 2 s;
 *  2. the Templates page with 200 templates and 2,000 versions (and 20,000 conversations made
 *     with them, so the usage figures have work to do): GET /api/templates, and the page in
 *     headless Chromium from navigation until the list is shown.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/client';
import { templates, templateVersions } from '../src/db/schema';
import { launchChromium, openPage, signIn } from './support/browser';
import { openWorkspaceWithConversations } from './support/dataset';
import { startFakeProvider } from './support/fake-anthropic';
import { latencyCells } from './support/latency';
import { withBenchServer, type BenchServer } from './support/server';
import type { BenchStore } from './support/store';

const TEMPLATES = 200;
const VERSIONS_EACH = 10;
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 20_000);
const TEST_CALLS = Number(process.env.BENCH_TEST_CALLS ?? 5);
const TRIES = Number(process.env.BENCH_TRIES ?? 10);
const PROVIDER_MS = 2000;
const PORT = 3874;
const log = (msg: string) => console.log(msg);

async function prepare(store: BenchStore) {
  const database = await openWorkspaceWithConversations(store.connection, CONVERSATIONS, 12, log);
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

const row = (name: string, times: number[]) => log(`| ${name} | ${latencyCells(times, ['p50', 'p95', 'max'])} |`);

async function main() {
  const fake = await startFakeProvider(PROVIDER_MS);
  try {
    // The model and key only make the server call the fake; nothing leaves the machine.
    const provider = { ANTHROPIC_API_KEY: 'sk-ant-bench', ANTHROPIC_BASE_URL: fake.url, CONVGEN_MODEL: 'claude-haiku-4-5' };
    await withBenchServer({ name: 'templates', port: PORT, command: 'start', env: provider, prepare }, measure);
  } finally {
    await fake.close();
  }
}

async function measure(server: BenchServer) {
  /** One API call with the server's token, timed; a non-2xx answer throws. */
  const api = async (method: string, url: string, body?: unknown) => {
    const started = performance.now();
    const res = await fetch(server.base + url, { method, headers: { ...server.headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
    return { json, ms: performance.now() - started };
  };
  const browser = await launchChromium();
  try {
    // The fake enforces no limits here; the limiter should not hold calls back for a benchmark of latency.
    await api('PATCH', '/api/settings', { generation: { rateLimitPreset: 'anthropic-tier-4' } });

    // 1. Test template, one call after another.
    const { json: list } = await api('GET', '/api/templates?tier=template');
    const id = (list.items as { id: string; key: string }[]).find((t) => !t.key.startsWith('bench_'))!.id;
    const wall: number[] = [];
    const providerCall: number[] = [];
    for (let i = 0; i < TEST_CALLS; i++) {
      const { json, ms } = await api('POST', `/api/templates/${id}/test`, {});
      wall.push(ms);
      providerCall.push(Number(json.durationMs));
    }
    log(`\nTest template against the fake Anthropic API (${PROVIDER_MS} ms per answer), ${TEST_CALLS} calls:\n`);
    log('| measure | median | p95 | max |\n| --- | --- | --- | --- |');
    row('end to end (HTTP round trip)', wall);
    row('provider call as the server timed it', providerCall);
    row(`overhead beyond the provider's ${PROVIDER_MS} ms`, wall.map((ms) => ms - PROVIDER_MS));

    // 2. The list: the API, then the page.
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < TRIES; i++) {
      const { json, ms } = await api('GET', '/api/templates');
      times.push(ms);
      count = (json.items as unknown[]).length;
    }
    const page = await openPage(browser);
    await signIn(page, server);
    await page.addInitScript(`new MutationObserver((_, observer) => {
      if (document.querySelectorAll('table[aria-label="Templates"] tbody tr').length >= ${TEMPLATES}) { window.__listShown = performance.now(); observer.disconnect(); }
    }).observe(document, { childList: true, subtree: true });`);
    const shown: number[] = [];
    for (let i = 0; i < TRIES; i++) {
      await page.goto(`${server.base}/templates`);
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
  }
}

await main();
