import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { convgen, listenForCli } from '../support/cli';

let t: TestApp;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  env = await listenForCli(t, 'admin');
});
afterAll(() => t.close());

const cli = (...args: string[]) => convgen(env, ['templates', ...args]);

describe('convgen templates', { timeout: 120_000 }, () => {
  it('lists, shows, tests, saves, activates and rolls back a template by its key', async () => {
    const created = await t.as('admin', { method: 'POST', url: '/api/templates', payload: { name: 'CLI Made', tier: 'template', body: 'Talk as {persona} about {topic}.' } });
    const id = created.json().id;
    await t.as('admin', { method: 'PATCH', url: `/api/templates/${id}`, payload: { body: 'Talk as {persona} about {topic}, kindly.', notes: 'Kinder' } });

    const listed = await cli('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/cli_made\s+template\s+v1 \(draft v2\)\s+active/);

    const shown = await cli('show', 'cli_made');
    expect(shown.stdout).toContain('Talk as {persona} about {topic}.');
    expect((await cli('versions', id)).stdout).toMatch(/v2\s+.*Test admin.*Kinder/);

    const tested = await cli('test', 'cli_made', '--version', '2');
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toMatch(/Tested v2 with offline offline/);
    expect(tested.stdout).toMatch(/Quality \d+\.\d/);

    expect((await cli('activate', 'cli_made', '--version', '2')).stdout).toContain('CLI Made now uses v2.');
    const missing = await cli('activate', 'cli_made', '--version', '5');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('has no version 5');
    expect((await cli('activate', 'cli_made', '--version', 'two')).stderr).toContain('not a version number');
    expect((await cli('show', 'no_such_template')).stderr).toContain('convgen templates list');
  });
});
