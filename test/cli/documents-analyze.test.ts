import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunks, documents } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../support/app';

const run = promisify(execFile);
let t: TestApp;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  t = await createTestApp({ worker: true, offlineLatencyMs: 5 });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  env = { ...process.env, CONVGEN_URL: `http://127.0.0.1:${port}`, CONVGEN_API_TOKEN: t.tokens.generator };
});
afterAll(() => t.close());

const cli = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/convgen.js', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

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
