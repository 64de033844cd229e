import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/contract/runs';
import type { GenerationLogSummary } from '../../src/contract/generation-logs';
import { waitFor } from '../support/wait';

const PORT = 3931;
const TOKEN = 'crash-test-token-0123456789';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-crash-'));
const base = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | null = null;

function startServer(): ChildProcess {
  return spawn(process.execPath, ['bin/convgen.js', 'serve'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', CONVGEN_DATA_DIR: dataDir, CONVGEN_ADMIN_EMAIL: 'ops@example.test', CONVGEN_ADMIN_PASSWORD: 'ops-password', CONVGEN_API_TOKEN: TOKEN, CONVGEN_OFFLINE_LATENCY_MS: '250', LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
}

const api = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
  const res = await fetch(base + url, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const up = () => waitFor(async () => ((await fetch(`${base}/api/health`).catch(() => null))?.ok ? true : null), { timeoutMs: 60_000, intervalMs: 200 });

afterAll(() => {
  server?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a server killed in the middle of a run', () => {
  it('resumes after a restart and generates every conversation exactly once, leaving nothing in progress', async () => {
    server = startServer();
    await up();
    const { runId, total } = await api<{ runId: string; total: number }>('POST', '/api/runs', { tier: 'template', concurrency: 3 });
    expect(total).toBe(40);

    // Kill it hard while items are in flight.
    await waitFor(async () => {
      const p = await api<RunProgress>('GET', `/api/runs/${runId}`);
      return p.succeeded >= 6 && p.inProgress > 0 ? p : null;
    }, { timeoutMs: 60_000 });
    server.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));

    server = startServer();
    await up();
    const done = await waitFor(async () => {
      const p = await api<RunProgress>('GET', `/api/runs/${runId}`);
      return p.status === 'completed' ? p : null;
    }, { timeoutMs: 90_000, intervalMs: 250 });
    expect(done).toMatchObject({ total: 40, succeeded: 40, failed: 0, pending: 0, inProgress: 0 });

    const logs = await api<{ items: GenerationLogSummary[]; total: number }>('GET', `/api/generation-logs?runId=${runId}&status=success&pageSize=200`);
    const perConversation = new Map<string, number>();
    for (const log of logs.items) perConversation.set(log.conversationLabel!, (perConversation.get(log.conversationLabel!) ?? 0) + 1);
    expect(perConversation.size).toBe(40);
    expect([...perConversation.values()].every((n) => n === 1)).toBe(true);

    const generating = await api<{ total: number }>('GET', '/api/conversations?status=generating');
    expect(generating.total).toBe(0);
    const generated = await api<{ total: number }>('GET', '/api/conversations?tier=template&status=generated');
    expect(generated.total).toBe(40);
    // Two server starts and a 40-conversation run: the waits above allow up to 150 s.
  }, 240_000);
});
