import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunks, documents } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../support/app';
import { convgen, listenForCli } from '../support/cli';

let t: TestApp;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  t = await createTestApp({ worker: true, offlineLatencyMs: 5 });
  env = await listenForCli(t, 'generator');
});
afterAll(() => t.close());

const cli = (...args: string[]) => convgen(env, args);

describe('convgen documents analyze', () => {
  it('analyses one document with progress, then finds nothing missing', async () => {
    const [doc] = await t.services.ctx.database.db.select().from(documents).limit(1);
    const count = (await t.services.ctx.database.db.select().from(chunks).where(eq(chunks.documentId, doc.id))).length;
    const result = await cli('documents', 'analyze', '--document', doc.id);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^${count} chunks · about \\$0\\.00`, 'm'));
    expect(result.stdout).toMatch(new RegExp(`Run completed: ${count} analysed, 0 failed`));
    expect(result.code).toBe(0);
    const again = await cli('documents', 'analyze', '--document', doc.id, '--only-missing');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/None of the selected chunks needs analysing/);
  }, 120_000);

  it('names a bad document id', async () => {
    const result = await cli('documents', 'analyze', '--document', 'nope');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/documentIds/);
  }, 60_000);
});
