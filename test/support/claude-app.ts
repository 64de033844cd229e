import { resetProviderLimiters } from '../../src/generation/provider-limiters';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-fake';
import { createTestApp, type TestApp } from './app';

export interface ClaudeApp {
  fake: FakeAnthropic;
  t: TestApp;
}

/**
 * A test app whose worker generates with Claude through the fake Messages API on loopback. It runs
 * at the tier-4 pace: tier 1's token limits allow only a few calls a minute, and the tests that use
 * it are about other things.
 */
export async function startClaudeApp({ latencyMs }: { latencyMs: number }): Promise<ClaudeApp> {
  const fake = await startFakeAnthropic({ latencyMs, requestsPerMinute: 1000 });
  const t = await createTestApp({ worker: true, env: { ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: fake.url, CONVGEN_MODEL: 'claude-haiku-4-5' } });
  await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { generation: { rateLimitPreset: 'anthropic-tier-4' } } });
  return { fake, t };
}

export async function stopClaudeApp({ fake, t }: ClaudeApp): Promise<void> {
  await t.close();
  await fake.close();
}

/** Before each test: no faults or recorded requests left from the last one, and fresh rate limiters. */
export function resetClaudeApp({ fake }: Pick<ClaudeApp, 'fake'>): void {
  fake.reset();
  resetProviderLimiters();
}
