import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { convgen, listenForCli } from '../support/cli';
import { waitFor } from '../support/wait';

let t: TestApp;
let env: NodeJS.ProcessEnv;
let target: string;
let firstRun: string;
beforeAll(async () => {
  t = await createTestApp({ worker: true });
  env = await listenForCli(t, 'admin');
  target = (await t.as('viewer', { method: 'GET', url: '/api/conversations?status=not_generated&pageSize=25' })).json().items[0].conversationId;
  const { runId } = (await t.as('admin', { method: 'POST', url: `/api/conversations/${target}/generate` })).json();
  firstRun = runId;
  await waitFor(async () => ((await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json().status === 'completed' ? true : null), { timeoutMs: 30_000 });
}, 60_000);
afterAll(() => t.close());

const cli = (...args: string[]) => convgen(env, args);

describe('convgen regenerate', () => {
  it('refuses empty guidance and changes nothing', async () => {
    const result = await cli('regenerate', target, '--guidance', '  ');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--guidance must say what was wrong/);
    expect((await t.as('viewer', { method: 'GET', url: `/api/conversations/${target}` })).json().status).toBe('generated');
  });

  it('rejects the conversation with the note and generates its replacement', async () => {
    const result = await cli('regenerate', target, '--guidance', 'Stay on the topic; no tax advice.', '--wait');
    expect(result.stderr).toBe('');
    const created = /(conv-\d+) is being generated with your guidance/.exec(result.stdout)?.[1];
    expect(created, result.stdout).toBeDefined();
    expect(result.stdout).toContain(`${created} generated.`);
    const fresh = (await t.as('viewer', { method: 'GET', url: `/api/conversations/${created}` })).json();
    expect(fresh.regeneratedFrom).toMatchObject({ conversationId: target, guidance: 'Stay on the topic; no tax advice.' });
    expect(fresh.status).toBe('generated');
  });
});

describe('convgen runs log', () => {
  it("prints a run's log, and says so when there is nothing in it", async () => {
    const plain = await cli('runs', 'log', firstRun);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('Nothing to report');
    const json = await cli('runs', 'log', firstRun, '--json');
    expect(JSON.parse(json.stdout)).toEqual({ items: [], total: 0 });
    const missing = await cli('runs', 'log', '00000000-0000-4000-8000-000000000000');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/not found|no run|does not exist/i);
  });
});
