import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationListResponse } from '../../src/contract/conversations';
import { createTestApp, type TestApp } from '../support/app';
import { convgen, listenForCli } from '../support/cli';

let t: TestApp;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  t = await createTestApp();
  env = await listenForCli(t, 'generator');
});
afterAll(() => t.close());

const cli = (...args: string[]) => convgen(env, ['plan', ...args]);
const total = async () => (await t.as('viewer', { method: 'GET', url: '/api/conversations' })).json<ConversationListResponse>().total;

describe('convgen plan', () => {
  it('previews without creating, then plans with a split', async () => {
    const before = await total();
    const preview = await cli('--count', '10', '--preview');
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain('Would plan 10 conversations: 4 template, 4 scenario, 2 edge case');
    expect(await total()).toBe(before);

    const planned = await cli('--count', '6', '--split', '0/1/0', '--persona', 'anxious_investor');
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain('Planned 6 conversations: 0 template, 6 scenario, 0 edge case');
    expect(planned.stdout).toContain('by persona: anxious_investor 6');
    expect(planned.stdout).toMatch(/Ids conv-00091 – conv-00096/);
    expect(await total()).toBe(before + 6);
  }, 120_000);

  it('explains a bad split or an unknown persona', async () => {
    const split = await cli('--count', '5', '--split', '40/35');
    expect(split.code).not.toBe(0);
    expect(split.stderr).toContain('such as 40/35/15');
    const persona = await cli('--count', '5', '--persona', 'martian');
    expect(persona.code).toBe(1);
    expect(persona.stderr).toContain('Persona "martian" is not in the workspace\'s catalog');
  }, 120_000);
});
