/**
 * The fake Anthropic Messages API (test/fakes/anthropic-fake.ts) in a child process, like a real
 * provider: its own work does not compete for the event loop of the convgen that calls it.
 */
import { fork } from 'node:child_process';

/** What the fake enforces and announces in its headers, per minute; none: no limit. */
export interface ProviderLimits {
  requestsPerMinute?: number | null;
  inputTokensPerMinute?: number;
  outputTokensPerMinute?: number;
}

/** What the fake saw, as fake-anthropic-process.ts reports it. */
export interface FakeStats {
  requests: number;
  rejected429: number;
  maxConcurrent: number;
  maxRequestsInAnyWindow: number;
  rejectedAtMs: number[];
  inputTokens: number;
  outputTokens: number;
  maxOutputTokensInAnyWindow: number;
}

/** Starts the fake answering after `latencyMs`; resolves with its URL once it listens. */
export async function startFakeProvider(latencyMs: number, limits: ProviderLimits = {}) {
  const optional = (name: string, value: number | null | undefined) => (value ? { [name]: String(value) } : {});
  const child = fork(new URL('./fake-anthropic-process.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      FAKE_LATENCY_MS: String(latencyMs),
      ...optional('FAKE_RPM', limits.requestsPerMinute),
      ...optional('FAKE_ITPM', limits.inputTokensPerMinute),
      ...optional('FAKE_OTPM', limits.outputTokensPerMinute),
    },
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
