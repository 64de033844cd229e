import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/accounts/users';
import { loadConfig } from '../../src/config/env';
import type { Database } from '../../src/db/client';
import { conversations, generationLogs, runItems } from '../../src/db/schema';
import { createRun } from '../../src/generation/create-run';
import { getSettings } from '../../src/settings/workspace-settings';
import { startServices, type Services } from '../../src/server/start';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-fake';
import { openTestDatabase } from '../support/databases';
import { waitFor } from '../support/wait';

/**
 * A server stopped while its Message Batch is still being processed: on start-up the new
 * worker keeps polling the same batch (its id is on the items) instead of sending it again,
 * and every result is stored exactly once.
 */
describe('a run on Message Batches across a restart', () => {
  let fake: FakeAnthropic;
  let database: Database;
  beforeAll(async () => {
    fake = await startFakeAnthropic({ batchProcessingMs: 2500, requestsPerMinute: 1000 });
    database = await openTestDatabase('pglite', { demo: true });
  });
  afterAll(async () => {
    await database.close();
    await fake.close();
  });

  const config = loadConfig({
    CONVGEN_DEMO: '0',
    CONVGEN_WORKER: '1',
    CONVGEN_SECRET: 'test-secret-test-secret-test-secret',
    ANTHROPIC_API_KEY: 'sk-ant-test',
    CONVGEN_MODEL: 'claude-haiku-4-5',
    CONVGEN_BATCH_POLL_MS: '100',
    LOG_LEVEL: 'silent',
  });
  /** A "process": services on the shared database, which outlives it as a data folder would. */
  const boot = () => startServices({ ...config, anthropicBaseUrl: fake.url }, () => {}, { ...database, close: async () => {} });

  it('keeps polling the batch it sent, and stores every result once', async () => {
    let first: Services | null = await boot();
    const { id: userId } = await createUser(database.db, { email: 'batch-admin@example.test', name: 'Batch admin', role: 'admin', password: 'batch-admin-password' });
    const provider = (await first.ctx.providers.current()).info;
    const { runId, total } = await createRun(database.db, { tier: 'edge_case', useBatchApi: true }, { userId, provider, settings: await getSettings(database.db) });
    await waitFor(async () => (fake.requests.some((r) => r.path === '/v1/messages/batches' && r.method === 'POST') ? true : null));
    await waitFor(async () => {
      const items = await database.db.select().from(runItems).where(eq(runItems.runId, runId));
      return items.every((i) => i.batchId) ? true : null;
    });
    await first.close();
    first = null;

    const second = await boot();
    try {
      await waitFor(async () => {
        const items = await database.db.select().from(runItems).where(eq(runItems.runId, runId));
        return items.every((i) => i.status === 'succeeded') ? true : null;
      }, { timeoutMs: 20_000 });
    } finally {
      await second.close();
    }
    const batchesSent = fake.requests.filter((r) => r.path === '/v1/messages/batches' && r.method === 'POST');
    expect(batchesSent).toHaveLength(1);
    const logs = await database.db.select().from(generationLogs).where(eq(generationLogs.runId, runId));
    expect(logs.filter((l) => l.status === 'success')).toHaveLength(total);
    expect(new Set(logs.map((l) => l.conversationId)).size).toBe(total);
    const edgeCases = await database.db.select().from(conversations).where(eq(conversations.tier, 'edge_case'));
    expect(edgeCases.filter((c) => !c.isSeed).every((c) => c.status === 'generated')).toBe(true);
  });
});
