import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreflightResult } from '../../src/contract/preflight';
import { tokenWorker } from '../../src/preflight/token-worker-client';
import { createTestApp, type TestApp } from '../support/app';
import { convgen, listenForCli } from '../support/cli';

let t: TestApp;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  t = await createTestApp();
  env = await listenForCli(t, 'viewer');
}, 120_000);
afterAll(async () => {
  await tokenWorker.stop();
  await t.close();
});

describe('convgen preflight', () => {
  it("prints the result on stdout and, when stderr is not a terminal, the tokenizer's load on it", async () => {
    // Cold: the largest tokenizer takes seconds to load, longer than the command's half-second polls.
    await tokenWorker.stop();
    const { code, stdout, stderr } = await convgen(env, ['preflight', '--model', 'gemma-3', '--max-seq-len', '4096'], 120_000);
    expect(code, stderr).toBe(0);
    const direct = (await t.as('viewer', { method: 'POST', url: '/api/preflight', payload: { baseModel: 'gemma-3', maxSeqLen: 4096 } })).json<PreflightResult>();
    expect(stdout).toContain(`${direct.count} conversations through gemma-3's chat template`);
    expect(stdout).toContain(`max ${direct.tokens.max.toLocaleString('en')}`);
    expect(stderr).toContain('Loading the Gemma 3 tokenizer…');
    // Lines, not a redrawn one: no carriage returns or terminal codes in a log.
    expect(stderr).not.toContain('\r');
  }, 180_000);
});
