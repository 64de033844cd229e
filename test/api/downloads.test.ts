import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRequest } from '../../src/contract/exports';
import { exportLogs } from '../../src/db/schema';
import { prepareExport, runExport } from '../../src/exports/export-service';
import { createTestApp, type TestApp } from '../support/app';
import { waitFor } from '../support/wait';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A download whose reader went away: it takes one byte and never asks for more. */
const stalledReader = () => new Writable({ highWaterMark: 1, write: () => {} });

describe('an export whose client hangs up', () => {
  it.each([
    ['json', { format: 'json', approvedOnly: false }],
    ['a split zip', { format: 'openai', approvedOnly: false, split: { validationFraction: 0.5, seed: 1 } }],
  ])('stops, removes its temporary files and is logged as abandoned (%s)', async (_name, body) => {
    const db = t.services.ctx.database.db;
    const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-abort-'));
    try {
      const request = exportRequest.parse(body);
      const prepared = await prepareExport(db, request);
      const out = stalledReader();
      const hangUp = new AbortController();
      const running = runExport(db, prepared, out, { userId: null, systemVersion: 'test', signal: hangUp.signal, tempRoot });
      await waitFor(async () => (out.writableNeedDrain && fs.readdirSync(tempRoot).length > 0 ? true : null));
      hangUp.abort(new Error('The client closed the connection.'));
      await expect(running).rejects.toThrow(/closed the connection/);
      expect(fs.readdirSync(tempRoot)).toEqual([]);
      const [logged] = await db.select().from(exportLogs).where(eq(exportLogs.exportId, prepared.exportId));
      expect(logged.metadata).toMatchObject({ status: 'abandoned', reason: expect.stringMatching(/cancelled or the connection closed/) });
      expect(logged.conversationCount).toBe(0);
    } finally {
      fs.rmSync(tempRoot, { recursive: true, force: true });
    }
  });
});

describe('CSV downloads and filters the database refuses', () => {
  it('answer a clear 400 before any byte of the file, never a 200 with a cut body', async () => {
    for (const url of ['/api/exports.csv?from=0000-01-01', '/api/exports?minCount=99999999999', '/api/exports?minCount=2147483648']) {
      const res = await t.as('admin', { method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toMatch(/application\/json/);
      expect(res.json().error.hint, url).toBeTruthy();
    }
    const ok = await t.as('admin', { method: 'GET', url: '/api/exports.csv?from=2026-01-01' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body.split('\n')[0]).toMatch(/^exportedAt,exportId/);
  });

  it('words validation errors as sentences, not raw schema text', async () => {
    const res = await t.as('admin', { method: 'POST', url: '/api/conversations/bulk/review', payload: { selection: { ids: 'not-a-list' }, action: 'approve' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).not.toMatch(/ Invalid input/);
    expect(res.json().error.message).toMatch(/^The field '[^']+' (is not valid|must|is not)/);
  });
});
