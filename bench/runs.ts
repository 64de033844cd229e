/**
 * npm run bench:runs [a|b|c|d|e] — the generation machinery end to end (worker, rate limiter,
 * budget, database writes), with the real Anthropic SDK against the fake Messages API on loopback.
 * (a) 200 conversations, 2 s latency, a 120 requests/min limit set as custom limits: wall time
 *     against the bound max(N / limit, N × latency / concurrency).
 * (b) 2,000 conversations, no latency, no limit: conversations per second.
 * (c) 90 conversations against a provider that announces 30 requests/min in its headers, with
 *     nothing configured: wall time against the bound its announced limits set.
 * (d) the same for a token limit: 8,000 output tokens/min announced, nothing configured.
 * (e) (only when named) (c)'s provider with 40 conversations and the old default, Anthropic tier 1,
 *     chosen as a preset: what convgen did before it learned limits.
 * Prints figures; asserts nothing.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client';
import { describeLimits } from '../src/core/describe-limits';
import { startFakeProvider, type ProviderLimits } from './support/fake-anthropic';
import { startInProcessApp } from './support/in-process-app';

/** Copies the demo's planned slots under new ids until there are `count` to generate. */
async function addPlanned(db: Db, count: number) {
  await db.execute(sql`
    insert into conversations (conversation_id, title, document_id, chunk_id, persona, emotion, topic, intent, tone, tier, arc_key, template_id, template_version, scenario_id, edge_case_id, search_text)
    select 'bench-' || lpad(n::text, 6, '0'), '', c.document_id, c.chunk_id, c.persona, c.emotion, c.topic, c.intent, c.tone, 'template', c.arc_key, c.template_id, c.template_version, null, null, 'bench'
    from generate_series(1, ${count}) n
    join lateral (select * from conversations where tier = 'template' and not is_seed order by conversation_id offset (n % 40) limit 1) c on true`);
}

interface Scenario {
  count: number;
  latencyMs: number;
  provider: ProviderLimits;
  /** The workspace's generation settings; none: a new workspace, which learns the limits. */
  settings?: Record<string, unknown>;
  /** The workspace's "conversations at a time" (a new workspace has 3). */
  concurrency: number;
}

async function scenario(name: string, opts: Scenario) {
  const fake = await startFakeProvider(opts.latencyMs, opts.provider);
  const { app, db, headers, close } = await startInProcessApp('runs', {
    ANTHROPIC_API_KEY: 'sk-ant-bench',
    ANTHROPIC_BASE_URL: fake.url,
    CONVGEN_MODEL: 'claude-haiku-4-5',
  });
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await app.inject({ method, url, payload: payload as object, headers });
    if (res.statusCode >= 400) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  try {
    await addPlanned(db, opts.count);
    if (opts.settings) await call('PATCH', '/api/settings', { generation: opts.settings });
    const started = performance.now();
    const { runId, total } = await call('POST', '/api/runs', { filter: { q: 'bench' } });
    let run;
    for (;;) {
      run = await call('GET', `/api/runs/${runId}`);
      if (run.status !== 'running' && run.status !== 'queued') break;
      // About as often as the progress panel asks.
      await new Promise((r) => setTimeout(r, 500));
    }
    const seconds = (performance.now() - started) / 1000;
    const stats = await fake.stats();
    // The fastest the provider's limits allow: the whole run's requests and tokens at the limits' pace.
    const { requestsPerMinute, inputTokensPerMinute, outputTokensPerMinute } = opts.provider;
    const rateBound = Math.max(
      requestsPerMinute ? (total / requestsPerMinute) * 60 : 0,
      inputTokensPerMinute ? (stats.inputTokens / inputTokensPerMinute) * 60 : 0,
      outputTokensPerMinute ? (stats.outputTokens / outputTokensPerMinute) * 60 : 0,
    );
    const latencyBound = (total * opts.latencyMs) / 1000 / opts.concurrency;
    const bound = Math.max(rateBound, latencyBound);
    const lateRejections = stats.rejectedAtMs.filter((ms) => ms >= 60_000).length;
    console.log(`\n${name}`);
    console.log(`  ${total} conversations: ${run.succeeded} succeeded, ${run.failed} failed, status ${run.status}`);
    console.log(`  wall time ${seconds.toFixed(1)} s${bound ? `; bound ${bound.toFixed(1)} s (limits ${rateBound.toFixed(1)} s, latency ${latencyBound.toFixed(1)} s); ratio ${(seconds / bound).toFixed(3)}` : ''}`);
    console.log(`  ${(total / seconds).toFixed(1)} conversations/s; provider saw ${stats.requests} requests, ${stats.rejected429} answered 429 (${lateRejections} after the first minute), at most ${stats.maxConcurrent} at once, at most ${stats.maxRequestsInAnyWindow} in any 60 s window`);
    if (outputTokensPerMinute) console.log(`  ${stats.outputTokens} output tokens in all; at most ${stats.maxOutputTokensInAnyWindow} in any 60 s window (limit ${outputTokensPerMinute})`);
    if (run.providerLimits) console.log(`  run progress: provider allows ${describeLimits(run.providerLimits)}`);
  } finally {
    await close();
    await fake.close();
  }
}

/** Limits an admin sets by hand, as (a) and (b) measure the machinery rather than learning. */
const custom = (requestsPerMinute: number | null, concurrency: number) => ({
  rateLimitPreset: 'custom',
  customRateLimits: { requestsPerMinute, inputTokensPerMinute: null, outputTokensPerMinute: null, maxConcurrency: concurrency },
  concurrency,
});

async function main() {
  const only = process.argv[2];
  if (!only || only === 'a') {
    await scenario('(a) 200 conversations, 2 s latency, 120 requests/min, 4 at a time', { count: 200, latencyMs: 2000, provider: { requestsPerMinute: 120 }, settings: custom(120, 4), concurrency: 4 });
  }
  if (!only || only === 'b') {
    const count = Number(process.env.BENCH_COUNT ?? 2000);
    await scenario('(b) 2,000 conversations, no latency, no limit, 20 at a time', { count, latencyMs: 0, provider: { requestsPerMinute: null }, settings: custom(null, 20), concurrency: 20 });
  }
  if (!only || only === 'c') {
    await scenario('(c) 90 conversations, 2 s latency, the provider announces 30 requests/min, nothing configured (3 at a time)', { count: 90, latencyMs: 2000, provider: { requestsPerMinute: 30 }, concurrency: 3 });
  }
  if (!only || only === 'd') {
    await scenario('(d) 40 conversations, 2 s latency, the provider announces 1,000 requests and 8,000 output tokens/min, nothing configured (3 at a time)', {
      count: 40,
      latencyMs: 2000,
      provider: { requestsPerMinute: 1000, inputTokensPerMinute: 1_000_000, outputTokensPerMinute: 8000 },
      concurrency: 3,
    });
  }
  if (only === 'e') {
    await scenario('(e) 40 conversations, 2 s latency, the provider announces 30 requests/min, Anthropic tier 1 chosen (the old default)', {
      count: 40,
      latencyMs: 2000,
      provider: { requestsPerMinute: 30 },
      settings: { rateLimitPreset: 'anthropic-tier-1' },
      concurrency: 3,
    });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
