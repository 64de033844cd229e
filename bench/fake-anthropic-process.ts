/**
 * Runs the fake Messages API in its own process for the benchmarks, so the provider's own work
 * does not share convgen's event loop (a real provider runs elsewhere too). Prints its URL.
 */
import { startFakeAnthropic } from '../test/fakes/anthropic-fake';

const latencyMs = Number(process.env.FAKE_LATENCY_MS ?? 0);
const requestsPerMinute = process.env.FAKE_RPM ? Number(process.env.FAKE_RPM) : 1_000_000;
const fake = await startFakeAnthropic({ latencyMs, requestsPerMinute });
process.stdout.write(`${fake.url}\n`);
process.on('message', (msg) => {
  if (msg === 'stats') {
    const stats = fake.stats();
    process.send?.({ ...stats, maxRequestsInAnyWindow: stats.maxRequestsInAnyWindow() });
  }
});
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
