import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFilter } from '../../src/cli/generate-command';
import { progressLine } from '../../src/cli/progress-line';
import type { RunProgress } from '../../src/contract/runs';
import { createTestApp, type TestApp } from '../support/app';
import { convgen, listenForCli } from '../support/cli';

let t: TestApp;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  t = await createTestApp({ worker: true });
  env = await listenForCli(t, 'generator');
});
afterAll(() => t.close());

const cli = (...args: string[]) => convgen(env, args);

describe('convgen generate and runs', () => {
  it('generates a tier with --wait, printing progress and the outcome', async () => {
    const result = await cli('generate', '--tier', 'edge_case', '--wait');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^15 conversations · about \$0\.00/m);
    expect(result.stdout).toMatch(/\[█+\] 15\/15 100%/);
    expect(result.stdout).toMatch(/Run completed: 15 succeeded, 0 failed/);
    expect(result.code).toBe(0);
  });

  it('lists runs and refuses to resume a finished one with the reason', async () => {
    const list = await cli('runs');
    const id = list.stdout.trim().split('\n')[0].split(/\s+/)[0];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const resume = await cli('runs', 'resume', id);
    expect(resume.code).toBe(1);
    expect(resume.stderr).toMatch(/cannot be resumed/);
  });

  it('explains bad arguments and a missing token', async () => {
    const both = await cli('generate', '--all', '--tier', 'template');
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/exactly one of --all, --tier, --ids or --filter/);
    const badFilter = await cli('generate', '--filter', 'persona=Not A Key');
    expect(badFilter.stderr).toMatch(/persona/);
    const saved = env.CONVGEN_API_TOKEN;
    delete env.CONVGEN_API_TOKEN;
    const noToken = await cli('runs');
    env.CONVGEN_API_TOKEN = saved;
    expect(noToken.stderr).toMatch(/CONVGEN_API_TOKEN is not set/);
  });

  it('only estimates with --estimate', async () => {
    const result = await cli('generate', '--filter', 'persona=anxious_investor&tier=template', '--estimate');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/conversations · about/);
    expect(result.stdout).not.toMatch(/started/);
  });
});

describe('CLI helpers', () => {
  it('reads a filter written like the table URL', () => {
    expect(parseFilter('persona=a,b&tier=template&q=fees&qualityMin=6')).toEqual({ persona: ['a', 'b'], tier: ['template'], q: 'fees', qualityMin: 6 });
  });

  const running: RunProgress = { id: 'x', kind: 'all', status: 'running', total: 100, succeeded: 40, failed: 2, pending: 55, inProgress: 3, current: [], recent: [], etaSeconds: 190, spentUsd: 0.84, estimatedCostUsd: 2, spendingLimitUsd: 5, reservedUsd: 0, error: null, throttledUntil: new Date(30_000).toISOString(), provider: 'anthropic', model: 'm', providerLimits: null, eventCount: 0, createdAt: '', startedAt: null, finishedAt: null };

  it('draws a progress line with counts, ETA, cost and throttling', () => {
    const line = progressLine(running, 10, 0);
    expect(line).toBe('[████░░░░░░]  42/100  42% · 40 ok, 2 failed · ~3m 10s left · $0.84 of $5.00 · rate limit: pausing 30s');
  });

  it('says what the provider allows once its answers have announced it', () => {
    const providerLimits = { requestsPerMinute: 4000, inputTokensPerMinute: 2_000_000, outputTokensPerMinute: 400_000, tokensPerMinute: null, observedAt: '' };
    const line = progressLine({ ...running, throttledUntil: null, providerLimits }, 10, 0);
    expect(line).toBe('[████░░░░░░]  42/100  42% · 40 ok, 2 failed · ~3m 10s left · $0.84 of $5.00 · provider allows 4,000 requests/min, 2,000,000 input and 400,000 output tokens/min');
  });
});
