/**
 * Part of npm run bench:quality — trainer preflight throughput per base model over the bench data
 * set (the demo workspace plus BENCH_CONVERSATIONS conversations of 12 turns, PGlite), in process
 * with the server's heap limit; BENCH_MODELS=llama-3.1,qwen-3 limits the models. For each model,
 * with no token worker running: a cold preflight of the approved conversations (the worker starts
 * and loads the tokenizer, every conversation is counted and stored), then a warm one (stored
 * counts reused). Throughout the cold one, the event loop's longest stall: how long an API
 * request arriving during the check could wait. Prints figures; asserts nothing.
 */
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { conversationListQuery } from '../src/contract/conversations';
import { openDatabase } from '../src/db/client';
import { listConversations } from '../src/db/queries/conversation-list';
import { BASE_MODELS } from '../src/preflight/base-models';
import { runPreflight } from '../src/preflight/run-preflight';
import { tokenWorker } from '../src/preflight/token-worker-client';
import { isInstalled } from '../src/preflight/tokenizers';
import { prepareDataset } from './support/dataset';
import { createStore } from './support/store';

const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const MODELS = process.env.BENCH_MODELS?.split(',');
const MAX_SEQ_LEN = 4096;
const log = (msg: string) => console.log(msg);
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

async function main() {
  const store = await createStore('preflight');
  try {
    await prepareDataset(store.connection, COUNT, log);
    const database = await openDatabase(store.connection);
    const rows: string[] = [];
    log(`load average at the start: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} cores`);
    for (const model of BASE_MODELS.filter((m) => !MODELS || MODELS.includes(m.id))) {
      if (!isInstalled(model)) {
        log(`${model.id}: not installed (${model.packageName}), skipped`);
        continue;
      }
      await tokenWorker.stop();
      const rssBefore = process.memoryUsage().rss;
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      let started = performance.now();
      const cold = await runPreflight(database.db, { baseModel: model.id, maxSeqLen: MAX_SEQ_LEN, approvedOnly: true });
      const coldSeconds = (performance.now() - started) / 1000;
      delay.disable();
      const rssLoaded = process.memoryUsage().rss;
      started = performance.now();
      const warm = await runPreflight(database.db, { baseModel: model.id, maxSeqLen: MAX_SEQ_LEN, approvedOnly: true });
      const warmSeconds = (performance.now() - started) / 1000;
      const countingSeconds = coldSeconds - cold.loadMs / 1000;
      // The table sorted by its Tokens column (every conversation, the counted ones first).
      const sortMs: number[] = [];
      for (let i = 0; i < 5; i++) {
        started = performance.now();
        await listConversations(database.db, conversationListQuery.parse({ sort: 'tokens', dir: i % 2 ? 'asc' : 'desc' }), model.id);
        sortMs.push(performance.now() - started);
      }
      sortMs.sort((a, b) => a - b);
      const line =
        `${model.id.padEnd(10)} ${cold.count.toLocaleString().padStart(7)} conversations  tokenizer load ${(cold.loadMs / 1000).toFixed(1)} s (in the worker)` +
        `  cold ${(cold.countedNow / countingSeconds).toFixed(0).padStart(5)} conv/s (${coldSeconds.toFixed(1)} s with the load)` +
        `  warm ${(warm.count / warmSeconds).toFixed(0).padStart(6)} conv/s (${warmSeconds.toFixed(2)} s, ${warm.countedNow} recounted)` +
        `  p50 ${cold.tokens.p50} max ${cold.tokens.max} tokens, assistant ${(cold.assistantTokenShare * 100).toFixed(0)} %` +
        `  table sorted by tokens p50 ${sortMs[2].toFixed(0)} ms` +
        `  longest event-loop stall ${(delay.max / 1e6).toFixed(0)} ms (p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms)  RSS ${mb(rssBefore)} → ${mb(rssLoaded)}`;
      log(line);
      rows.push(line);
    }
    await tokenWorker.stop();
    await database.close();
    log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`);
    log('\nTrainer preflight (approved conversations, limit 4,096 tokens):');
    for (const r of rows) log(r);
  } finally {
    store.remove();
  }
}

await main();
