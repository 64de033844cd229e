/**
 * npm run bench:export — 100,000 approved conversations (12 turns each), exported through HTTP
 * in each format. Prints conversations per second and the server's peak resident memory during
 * each export. On PGlite by default; BENCH_ENGINE=postgres runs the same on a throwaway
 * PostgreSQL server (Debian's binaries); BENCH_CASES=<text> runs only the cases whose name contains
 * it. Nothing here is asserted.
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { FORMAT_IDS } from '../src/core/export/record';
import { openDatabase } from '../src/db/client';
import { prepareDataset } from './support/dataset';
import { withBenchServer } from './support/server';
import { engineFromEnv, type BenchStore } from './support/store';

const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const PORT = 3873;
const log = (msg: string) => console.log(msg);

/** The server's resident memory now, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

const TICK_MS = 10; // Linux reports CPU time in clock ticks of 1/100 s.

/**
 * CPU time (user + system, ms) used so far by one process, from /proc; with `children`, also
 * that of its ended children (a PostgreSQL connection that closed mid-export still counts).
 */
function cpuMs(pid: number, children = false): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const own = Number(fields[11]) + Number(fields[12]);
  return (children ? own + Number(fields[13]) + Number(fields[14]) : own) * TICK_MS;
}

/** CPU time used so far by every PostgreSQL server process (0 on PGlite, which runs inside the server). */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuMs(Number(pid), true);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** The bench data set with every bench conversation approved, so "approved only" exports all of them. */
async function prepare(store: BenchStore) {
  await prepareDataset(store.connection, COUNT, log);
  const database = await openDatabase(store.connection);
  await database.db.execute(sql`update conversations set status = 'approved', reviewed_at = now() where conversation_id like 'bench-%' and turn_count > 0`);
  await database.close();
}

async function main() {
  await withBenchServer({ name: 'export', engine: engineFromEnv(), port: PORT, prepare }, async (server) => {
    const { base, pid, store } = server;
    log(`\nThe server holds ${rssMb(pid).toFixed(0)} MB before the first export${store.engine === 'pglite' ? ' (the embedded database with the data set loaded)' : ''}.`);
    log(`\nExport through HTTP, ${store.label}, ${COUNT.toLocaleString()} approved conversations of 12 turns:\n`);
    log('| format | conversations | bytes | seconds | conversations/s | peak server RSS | CPU µs per conversation: server / database / client |');
    log('| --- | --- | --- | --- | --- | --- | --- |');
    const all: [string, Record<string, unknown>][] = [
      ...FORMAT_IDS.map((format) => [format, { format }] as [string, Record<string, unknown>]),
      ['sharegpt, zip with 10 % split and card', { format: 'sharegpt', split: { validationFraction: 0.1 }, datasetCard: true }],
      ['openai, zip with 10 % split and metadata sidecars', { format: 'openai', split: { validationFraction: 0.1 }, options: { includeMetadata: true } }],
    ];
    // BENCH_CASES=sharegpt runs only the cases whose name contains it.
    const cases = all.filter(([name]) => !process.env.BENCH_CASES || name.includes(process.env.BENCH_CASES));
    for (const [name, body] of cases) {
      let peak = rssMb(pid);
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
      const cpuBefore = { server: cpuMs(pid), database: postgresCpuMs(), client: process.cpuUsage() };
      const started = performance.now();
      const res = await fetch(`${base}/api/exports`, { method: 'POST', headers: { ...server.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok || !res.body) throw new Error(`${name}: ${res.status} ${await res.text()}`);
      let bytes = 0;
      const reader = res.body.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) bytes += next.value.byteLength;
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const count = Number(res.headers.get('x-convgen-export-count'));
      const client = process.cpuUsage(cpuBefore.client);
      const perConversation = (ms: number) => Math.round((ms * 1000) / count);
      const cpu = [cpuMs(pid) - cpuBefore.server, postgresCpuMs() - cpuBefore.database, (client.user + client.system) / 1000].map(perConversation).join(' / ');
      log(`| ${name} | ${count.toLocaleString()} | ${(bytes / 1e6).toFixed(1)} MB | ${seconds.toFixed(1)} | ${Math.round(count / seconds).toLocaleString()} | ${peak.toFixed(0)} MB | ${cpu} |`);
    }
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
