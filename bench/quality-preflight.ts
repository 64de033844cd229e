/**
 * Part of npm run bench:quality — trainer preflight throughput per base model over the bench data
 * set (the demo workspace plus BENCH_CONVERSATIONS conversations of 12 turns, PGlite), in process
 * with the server's heap limit. For each model: the tokenizer's first load (time, heap, RSS), a
 * cold preflight of the approved conversations (every one rendered and counted, counts stored),
 * a warm one (stored counts reused), and the event loop's longest stall while counting (what an
 * API request waiting behind the check would feel). Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase } from '../src/db/client';
import { BASE_MODELS } from '../src/preflight/base-models';
import { runPreflight } from '../src/preflight/run-preflight';
import { isInstalled, loadModel } from '../src/preflight/tokenizers';
import { prepareDataset } from './dataset';

const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const MAX_SEQ_LEN = 4096;
const log = (msg: string) => console.log(msg);
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-bench-preflight-'));
  try {
    await prepareDataset(dataDir, COUNT, log);
    const database = await openDatabase({ dataDir });
    const rows: string[] = [];
    for (const model of BASE_MODELS) {
      if (!isInstalled(model)) {
        log(`${model.id}: not installed (${model.packageName}), skipped`);
        continue;
      }
      global.gc?.();
      const before = process.memoryUsage();
      const loaded = await loadModel(model);
      const after = process.memoryUsage();
      log(`${model.id}: tokenizer loaded in ${(loaded.loadMs / 1000).toFixed(1)} s, heap +${mb(after.heapUsed - before.heapUsed)}, RSS ${mb(after.rss)}`);

      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      let started = performance.now();
      const cold = await runPreflight(database.db, { baseModel: model.id, maxSeqLen: MAX_SEQ_LEN, approvedOnly: true });
      const coldSeconds = (performance.now() - started) / 1000;
      delay.disable();
      started = performance.now();
      const warm = await runPreflight(database.db, { baseModel: model.id, maxSeqLen: MAX_SEQ_LEN, approvedOnly: true });
      const warmSeconds = (performance.now() - started) / 1000;
      const line =
        `${model.id.padEnd(10)} ${cold.count.toLocaleString().padStart(7)} conversations  cold ${(cold.countedNow / coldSeconds).toFixed(0).padStart(5)} conv/s (${coldSeconds.toFixed(1)} s)` +
        `  warm ${(warm.count / warmSeconds).toFixed(0).padStart(6)} conv/s (${warmSeconds.toFixed(2)} s, ${warm.countedNow} recounted)` +
        `  p50 ${cold.tokens.p50} max ${cold.tokens.max} tokens, assistant ${(cold.assistantTokenShare * 100).toFixed(0)} %` +
        `  longest event-loop stall ${(delay.max / 1e6).toFixed(0)} ms  RSS ${mb(process.memoryUsage().rss)}`;
      log(line);
      rows.push(line);
    }
    await database.close();
    log('\nTrainer preflight (approved conversations, limit 4,096 tokens):');
    for (const r of rows) log(r);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
