/**
 * Runs the fake Messages API in its own process for the benchmarks, so the provider's own work
 * does not share convgen's event loop (a real provider runs elsewhere too). Prints its URL.
 * FAKE_RPM, FAKE_ITPM and FAKE_OTPM set the limits it enforces and announces in its headers.
 */
import { startFakeAnthropic } from '../../test/fakes/anthropic-fake';

const latencyMs = Number(process.env.FAKE_LATENCY_MS ?? 0);
const requestsPerMinute = process.env.FAKE_RPM ? Number(process.env.FAKE_RPM) : 1_000_000;
const tokens = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const fake = await startFakeAnthropic({ latencyMs, requestsPerMinute, inputTokensPerMinute: tokens('FAKE_ITPM'), outputTokensPerMinute: tokens('FAKE_OTPM') });
process.stdout.write(`${fake.url}\n`);
process.on('message', (msg) => {
  if (msg === 'stats') {
    const stats = fake.stats();
    const calls = fake.requests.filter((r) => r.limited);
    const first = calls[0]?.arrivedAt ?? 0;
    const accepted = calls.filter((r) => r.status !== 429);
    process.send?.({
      ...stats,
      maxRequestsInAnyWindow: stats.maxRequestsInAnyWindow(),
      // When each 429 came, from the first call: the goal allows them only in the first minute.
      rejectedAtMs: calls.filter((r) => r.status === 429).map((r) => r.arrivedAt - first),
      inputTokens: accepted.reduce((sum, r) => sum + r.inputTokens, 0),
      outputTokens: accepted.reduce((sum, r) => sum + r.outputTokens, 0),
      maxOutputTokensInAnyWindow: mostInAnyWindow(accepted.map((r) => ({ at: r.arrivedAt, weight: r.outputTokens }))),
    });
  }
});
/** The largest sum of weights whose arrivals lie within one 60 s window. */
function mostInAnyWindow(entries: { at: number; weight: number }[]): number {
  const sorted = [...entries].sort((a, b) => a.at - b.at);
  let best = 0;
  let sum = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    sum += sorted[end].weight;
    while (sorted[end].at - sorted[start].at >= 60_000) sum -= sorted[start++].weight;
    best = Math.max(best, sum);
  }
  return best;
}

process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
