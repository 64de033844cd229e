import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../src/contract/conversations';
import type { RunProgress } from '../../src/contract/runs';
import { createTestApp, type TestApp } from '../support/app';
import { waitFor } from '../support/wait';

const run = promisify(execFile);
let t: TestApp;
let env: NodeJS.ProcessEnv;
let scenario: string;

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  env = { ...process.env, CONVGEN_URL: `http://127.0.0.1:${port}`, CONVGEN_API_TOKEN: t.tokens.generator };
  const list = (await t.as('viewer', { method: 'GET', url: '/api/conversations?tier=scenario&status=not_generated&sort=conversationId&pageSize=25' })).json<{ items: { conversationId: string }[] }>();
  scenario = list.items[0].conversationId;
  const { runId } = (await t.as('admin', { method: 'POST', url: '/api/runs', payload: { conversationIds: [scenario] } })).json<{ runId: string }>();
  await waitFor(async () => {
    const p = (await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress>();
    return p.status === 'completed' ? p : null;
  }, { timeoutMs: 30_000 });
});
afterAll(() => t.close());

const cli = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/convgen.js', 'quality', 'grounding', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('convgen quality grounding', () => {
  it("checks a conversation's statements against its source and lists the unsupported ones", async () => {
    const out = await cli(scenario);
    expect(out.code, out.stderr).toBe(0);
    const detail = (await t.as('viewer', { method: 'GET', url: `/api/conversations/${scenario}` })).json<ConversationDetail>();
    expect(detail.grounding).toMatchObject({ method: 'provider', model: 'offline' });
    const claims = detail.grounding!.sentences.filter((s) => s.verdict !== 'not_a_claim');
    expect(out.stdout).toContain(`${Math.round(detail.grounding!.supportedShare * 100)} % of ${claims.length} factual statements supported (checked by offline, $0.0000).`);
    const firstUnsupported = detail.grounding!.sentences.find((s) => !s.supported)!;
    expect(out.stdout).toContain(`turn ${firstUnsupported.turnNumber}: ${firstUnsupported.text}`);
    const json = JSON.parse((await cli(scenario, '--json')).stdout);
    expect(json).toMatchObject({ method: 'provider', costUsd: 0 });
  }, 120_000);

  it('says why a conversation without a source chunk cannot be checked', async () => {
    const seeds = (await t.as('viewer', { method: 'GET', url: '/api/conversations?seed=only&pageSize=25' })).json<{ items: { conversationId: string }[] }>();
    const out = await cli(seeds.items[0].conversationId);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain('not drawn from a document chunk');
  }, 120_000);
});
