import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageReport } from '../../src/contract/coverage';
import { createTestApp, type TestApp } from '../support/app';
import { convgen, listenForCli } from '../support/cli';

let t: TestApp;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  t = await createTestApp();
  env = await listenForCli(t, 'generator');
});
afterAll(() => t.close());

const cli = (...args: string[]) => convgen(env, ['coverage', ...args]);

describe('convgen coverage', () => {
  it('prints the gaps and the recommendations, or the whole report as JSON', async () => {
    const report = (await t.as('viewer', { method: 'GET', url: '/api/coverage' })).json<CoverageReport>();
    const text = await cli();
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`${report.total} conversations counted (generated)`);
    expect(text.stdout).toContain(`Gaps (persona × emotion under 3): ${report.gaps.length}`);
    expect(text.stdout).toContain(`1. ${report.recommendations[0].personaLabel} + ${report.recommendations[0].emotionLabel}`);
    const json = await cli('--json', '--scope', 'all');
    expect(JSON.parse(json.stdout)).toMatchObject({ scope: 'all', total: report.slots });
  }, 120_000);

  it('plans the recommended slots, and refuses a bad confidence', async () => {
    const [first] = (await t.as('viewer', { method: 'GET', url: '/api/coverage' })).json<CoverageReport>().recommendations;
    const planned = await cli('plan', '--keys', first.key);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain(`${first.personaLabel} + ${first.emotionLabel}: ${first.toPlan} planned`);
    expect(planned.stdout).toContain(`Planned ${first.toPlan} new conversations; ${first.toPlan + first.waiting} to generate.`);
    const bad = await cli('plan', '--confidence-above', '12');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('from 0 to 10');
  }, 120_000);
});
