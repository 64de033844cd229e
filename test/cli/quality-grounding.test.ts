import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../src/contract/conversations';
import type { RunProgress } from '../../src/contract/runs';
import { createTestApp, type TestApp } from '../support/app';
import { convgen, listenForCli } from '../support/cli';
import { waitFor } from '../support/wait';

let t: TestApp;
let env: NodeJS.ProcessEnv;
let scenario: string;

beforeAll(async () => {
  t = await createTestApp({ worker: true });
  env = await listenForCli(t, 'generator');
  const list = (await t.as('viewer', { method: 'GET', url: '/api/conversations?tier=scenario&status=not_generated&sort=conversationId&pageSize=25' })).json<{ items: { conversationId: string }[] }>();
  scenario = list.items[0].conversationId;
  const { runId } = (await t.as('admin', { method: 'POST', url: '/api/runs', payload: { conversationIds: [scenario] } })).json<{ runId: string }>();
  await waitFor(async () => {
    const p = (await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress>();
    return p.status === 'completed' ? p : null;
  }, { timeoutMs: 30_000 });
});
afterAll(() => t.close());

const cli = (...args: string[]) => convgen(env, ['quality', 'grounding', ...args]);

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
