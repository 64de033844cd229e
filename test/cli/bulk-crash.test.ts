import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { and, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BulkAction } from '../../src/contract/bulk';
import { openDatabase, type Database } from '../../src/db/client';
import { conversations, reviewLogs, user } from '../../src/db/schema';
import { BulkActions } from '../../src/review/bulk-actions';
import { undoBulkReview } from '../../src/review/undo-bulk-review';
import { waitFor } from '../support/wait';

const BATCH = 10;
const TOKEN = 'bulk-crash-token-0123456789';
const adminUrl = inject('postgresUrl');
const name = `t_crash_${randomBytes(4).toString('hex')}`;
const databaseUrl = adminUrl.replace(/\/postgres$/, `/${name}`);
let server: ChildProcess | null = null;
let database: Database;
let base = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function admin(query: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(query);
  await client.end();
}

const api = async (method: string, url: string, body?: unknown) =>
  fetch(base + url, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

beforeAll(async () => {
  await admin(`create database ${name} template template_demo`);
  database = await openDatabase({ databaseUrl });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['bin/convgen.js', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      CONVGEN_DEMO: '0',
      CONVGEN_WORKER: '0',
      CONVGEN_ADMIN_EMAIL: 'ops@example.test',
      CONVGEN_ADMIN_PASSWORD: 'ops-password',
      CONVGEN_API_TOKEN: TOKEN,
      CONVGEN_BULK_BATCH_SIZE: String(BATCH),
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  await waitFor(async () => ((await fetch(`${base}/api/health`).catch(() => null))?.ok ? true : null), { timeoutMs: 60_000, intervalMs: 200 });
});

afterAll(async () => {
  server?.kill('SIGKILL');
  await database?.close();
  await admin(`drop database if exists ${name} with (force)`);
});

describe('a server killed in the middle of a bulk approval', () => {
  it('leaves exactly the committed batches approved and recorded, and undo reverts exactly them', async () => {
    const db = database.db;
    await db.update(conversations).set({ status: 'generated', qualityScore: 8 }).where(eq(conversations.tier, 'template'));
    // The order a bulk action takes them in: as they lie in the table.
    const template = await db.select({ id: conversations.id }).from(conversations).where(eq(conversations.tier, 'template')).orderBy(sql`ctid`);
    const ids = template.map((c) => c.id);
    expect(ids.length).toBeGreaterThan(3 * BATCH);

    // Another connection holds the third batch's first conversation, so the action is mid-way when it is killed.
    const holder = new pg.Client({ connectionString: databaseUrl });
    await holder.connect();
    await holder.query('begin');
    await holder.query('select id from conversations where id = $1 for update', [ids[2 * BATCH]]);

    const res = await api('POST', '/api/conversations/bulk/review', { selection: { filter: { tier: ['template'] } }, action: 'approve', notes: 'Looks right' });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as BulkAction;
    await waitFor(async () => (((await (await api('GET', `/api/conversations/bulk/actions/${id}`)).json()) as BulkAction).processed === 2 * BATCH ? true : null));

    server!.kill('SIGKILL');
    await new Promise((resolve) => server!.once('exit', resolve));
    server = null;
    await holder.query('rollback');
    await holder.end();

    // Two batches committed with their audit rows; the third, in flight when the server died, left nothing.
    const statuses = Object.fromEntries((await db.select({ id: conversations.id, status: conversations.status }).from(conversations).where(inArray(conversations.id, ids))).map((r) => [r.id, r.status]));
    expect(ids.map((c) => statuses[c])).toEqual(ids.map((_, i) => (i < 2 * BATCH ? 'approved' : 'generated')));
    const logged = await db.select({ conversationId: reviewLogs.conversationId }).from(reviewLogs).where(and(eq(reviewLogs.actionId, id), eq(reviewLogs.action, 'approve')));
    expect(new Set(logged.map((l) => l.conversationId))).toEqual(new Set(ids.slice(0, 2 * BATCH)));

    // After the restart nothing is running, and undo reverts exactly what was applied.
    const [ops] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'ops@example.test'));
    const actions = new BulkActions({ db, kind: 'postgres', batchSize: BATCH });
    expect(await undoBulkReview(db, actions, ops.id, id)).toEqual({ restored: 2 * BATCH, skipped: [], skippedCount: 0 });
    const after = await db.select({ status: conversations.status }).from(conversations).where(inArray(conversations.id, ids));
    expect(after.every((s) => s.status === 'generated')).toBe(true);
    await expect(undoBulkReview(db, actions, ops.id, id)).rejects.toMatchObject({ code: 'already_undone', status: 409 });
  });
});
