import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, exportLogs } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../support/app';
import { unzip } from '../support/unzip';
import { waitFor } from '../support/wait';

let t: TestApp;

/** Generates the template tier with the offline provider, then approves some of it. */
beforeAll(async () => {
  t = await createTestApp({ worker: true });
  const run = await t.as('admin', { method: 'POST', url: '/api/runs', payload: { tier: 'template' } });
  expect(run.statusCode, run.body).toBe(201);
  await waitFor(async () => ((await t.as('viewer', { method: 'GET', url: `/api/runs/${run.json().runId}` })).json().status === 'completed' ? true : null), { timeoutMs: 60_000 });
  const approve = await t.as('admin', { method: 'POST', url: '/api/conversations/bulk/review', payload: { selection: { filter: { tier: ['template'], persona: ['anxious_investor', 'skeptical_analyst', 'confident_planner'] } }, action: 'approve' } });
  expect(approve.json().succeeded).toBeGreaterThan(5);
}, 90_000);
afterAll(() => t.close());

const approvedCount = async () => (await t.as('viewer', { method: 'GET', url: '/api/conversations?status=approved&pageSize=25' })).json().total as number;
const lines = (body: string) => body.trimEnd().split('\n').map((l) => JSON.parse(l));

describe('exports', () => {
  it('exports approved conversations as OpenAI JSONL with a descriptive name, and logs who did it', async () => {
    const approved = await approvedCount();
    const res = await t.as('reviewer', { method: 'POST', url: '/api/exports', payload: { format: 'openai', options: { systemPrompt: 'You are a patient financial guide.' } } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(new RegExp(`attachment; filename="training-data-\\d{4}-\\d{2}-\\d{2}-approved-${approved}-conversations-openai\\.jsonl"`));
    const records = lines(res.body);
    expect(records).toHaveLength(approved);
    for (const r of records) {
      expect(Object.keys(r)).toEqual(['messages']);
      expect(r.messages[0]).toEqual({ role: 'system', content: 'You are a patient financial guide.' });
      expect(r.messages.some((m: { role: string }) => m.role === 'assistant')).toBe(true);
    }
    // The log entry is written once the last byte is out.
    const log = await waitFor(async () => (await t.services.ctx.database.db.select().from(exportLogs).where(eq(exportLogs.exportId, String(res.headers['x-convgen-export-id']))))[0] ?? null);
    expect(log).toMatchObject({ format: 'openai', conversationCount: approved });
    expect(log.userId).not.toBeNull();
    expect(log.metadata).toMatchObject({ status: 'completed', approvedOnly: true, unreviewedCount: 0 });
  });

  it('exports the current filtered view, counting conversations nobody reviewed', async () => {
    const filter = { tier: ['template'], persona: ['expert_consultant'] };
    const expected = (await t.as('viewer', { method: 'GET', url: '/api/conversations?tier=template&persona=expert_consultant&status=generated,approved,rejected' })).json().total;
    const preview = await t.as('admin', { method: 'POST', url: '/api/exports/preview', payload: { format: 'hf', approvedOnly: false, selection: { filter } } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ count: expected, unreviewedCount: expected, checked: expected });
    expect(preview.json().validation.valid).toBe(expected);
    expect(JSON.parse(preview.json().sample[0])).toHaveProperty('messages');
    const res = await t.as('admin', { method: 'POST', url: '/api/exports', payload: { format: 'hf', approvedOnly: false, selection: { filter } } });
    expect(lines(res.body)).toHaveLength(expected);
    const history = (await t.as('admin', { method: 'GET', url: '/api/exports?pageSize=1' })).json();
    expect(history.items[0]).toMatchObject({ format: 'hf', conversationCount: expected, request: { approvedOnly: false, selection: { filter } } });
    expect(history.items[0].metadata.unreviewedCount).toBe(expected);
  });

  it('writes a zip with a seeded, stratified split, metadata, a dataset card and a ShareGPT dataset_info.json', async () => {
    const approved = await approvedCount();
    const res = await t.as('admin', { method: 'POST', url: '/api/exports', payload: { format: 'sharegpt', split: { validationFraction: 0.2, seed: 7 }, datasetCard: true, fileName: 'advisor set' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="advisor-set.zip"');
    const files = await unzip(res.rawPayload);
    expect(Object.keys(files).sort()).toEqual(['README.md', 'advisor-set-train.jsonl', 'advisor-set-validation.jsonl', 'dataset_info.json', 'metadata.json']);
    const train = lines(files['advisor-set-train.jsonl']);
    const validation = files['advisor-set-validation.jsonl'].trim() ? lines(files['advisor-set-validation.jsonl']) : [];
    expect(train.length + validation.length).toBe(approved);
    expect(train[0].conversations[0].from).toBe('human');
    const metadata = JSON.parse(files['metadata.json']);
    expect(metadata).toMatchObject({ conversationCount: approved, splits: { train: train.length, validation: validation.length } });
    expect(JSON.parse(files['dataset_info.json'])).toMatchObject({
      advisor_set_train: { file_name: 'advisor-set-train.jsonl', formatting: 'sharegpt' },
      advisor_set_validation: { file_name: 'advisor-set-validation.jsonl', formatting: 'sharegpt' },
    });
    expect(files['README.md']).toContain(`${approved}`);
    // The same seed gives the same split.
    const again = await unzip((await t.as('admin', { method: 'POST', url: '/api/exports', payload: { format: 'sharegpt', split: { validationFraction: 0.2, seed: 7 }, fileName: 'advisor set' } })).rawPayload);
    expect(again['advisor-set-validation.jsonl']).toBe(files['advisor-set-validation.jsonl']);
  });

  it('writes generic JSON with the metadata header first', async () => {
    const res = await t.as('admin', { method: 'POST', url: '/api/exports', payload: { format: 'json' } });
    const doc = JSON.parse(res.body);
    expect(Object.keys(doc)).toEqual(['metadata', 'conversations']);
    expect(doc.metadata).toMatchObject({ conversationCount: doc.conversations.length, settings: { format: 'json', approvedOnly: true } });
    expect(Object.values(doc.metadata.byTier as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(doc.conversations.length);
  });

  it('leaves out and reports conversations the target would refuse', async () => {
    // Empty an approved conversation's assistant turns: Bedrock needs at least one, ending the conversation.
    const db = t.services.ctx.database.db;
    const [victim] = await db.select().from(conversations).where(eq(conversations.status, 'approved')).limit(1);
    const { conversationTranscripts, conversationTurns } = await import('../../src/db/schema');
    const { transcriptText } = await import('../../src/db/transcripts');
    const turns = [{ role: 'assistant', content: 'Hello?' }];
    await db.delete(conversationTurns).where(eq(conversationTurns.conversationId, victim.id));
    await db.insert(conversationTurns).values(turns.map((turn, i) => ({ conversationId: victim.id, turnNumber: i + 1, ...turn })));
    // Stored as convgen stores turns: with the transcript the export reads.
    await db.update(conversationTranscripts).set({ turns: transcriptText(turns) }).where(eq(conversationTranscripts.conversationId, victim.id));
    try {
      const preview = (await t.as('admin', { method: 'POST', url: '/api/exports/preview', payload: { format: 'anthropic' } })).json();
      expect(preview.validation.invalid).toBe(1);
      expect(preview.validation.examples[0].conversationId).toBe(victim.conversationId);
      const res = await t.as('admin', { method: 'POST', url: '/api/exports', payload: { format: 'anthropic' } });
      const records = lines(res.body);
      expect(records).toHaveLength(preview.count - 1);
      for (const r of records) {
        expect(r.messages[0].role).toBe('user');
        expect(r.messages.at(-1).role).toBe('assistant');
      }
    } finally {
      // Out of the approved set again, so the next tests export only well-formed conversations.
      await db.update(conversations).set({ status: 'generated', turnCount: 1 }).where(eq(conversations.id, victim.id));
    }
  });

  it('re-runs an earlier export with exactly its request, and lists the history as CSV', async () => {
    const first = await t.as('admin', { method: 'POST', url: '/api/exports', payload: { format: 'openai', selection: { filter: { persona: ['anxious_investor'] } } } });
    const exportId = String(first.headers['x-convgen-export-id']);
    const rerun = await t.as('admin', { method: 'POST', url: `/api/exports/${exportId}/rerun` });
    expect(rerun.statusCode).toBe(200);
    expect(rerun.body).toBe(first.body);
    const detail = (await t.as('admin', { method: 'GET', url: `/api/exports/${exportId}` })).json();
    expect(detail.request.selection).toEqual({ filter: { persona: ['anxious_investor'] } });
    const csv = await t.as('admin', { method: 'GET', url: '/api/exports.csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('exportedAt,exportId,user,email,format,conversationCount,fileName,approvedOnly,selection,status');
    expect(csv.body).toContain(exportId);
  });

  it('filters the history by user and still offers everyone who has exported', async () => {
    await t.as('admin', { method: 'POST', url: '/api/exports', payload: { format: 'hf' } });
    await t.as('reviewer', { method: 'POST', url: '/api/exports', payload: { format: 'sharegpt' } });
    const all = (await t.as('admin', { method: 'GET', url: '/api/exports?pageSize=1' })).json();
    expect(all.items).toHaveLength(1);
    const names = all.exporters.map((u: { name: string }) => u.name);
    expect(names).toEqual([...names].sort());
    expect(all.exporters.length).toBeGreaterThanOrEqual(2);
    const reviewer = (await t.as('reviewer', { method: 'GET', url: '/api/exports?pageSize=1' })).json().items[0].user;
    const mine = (await t.as('admin', { method: 'GET', url: `/api/exports?userId=${reviewer.id}` })).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e: { user: { id: string } }) => e.user.id === reviewer.id)).toBe(true);
    expect(mine.exporters).toEqual(all.exporters);
  });

  it('takes a browser form post and streams the same file', async () => {
    const request = JSON.stringify({ format: 'hf' });
    const res = await t.as('admin', { method: 'POST', url: '/api/exports/download', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `request=${encodeURIComponent(request)}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/\.jsonl"$/);
    expect(lines(res.body).length).toBe(await approvedCount());
  });

  it('refuses bad requests with the field named, and nothing to export with the next step', async () => {
    for (const payload of [{ format: 'csv' }, { format: 'openai', split: { validationFraction: 0.9 } }, { format: 'json', split: { validationFraction: 0.1 } }, { format: 'openai', extra: 1 }, { format: 'openai', fileName: 'x'.repeat(101) }]) {
      const res = await t.as('admin', { method: 'POST', url: '/api/exports', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.message).toMatch(/'/);
    }
    const form = await t.as('admin', { method: 'POST', url: '/api/exports/download', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'request=%7Bnot-json' });
    expect(form.statusCode).toBe(400);
    const none = await t.as('admin', { method: 'POST', url: '/api/exports', payload: { format: 'openai', selection: { filter: { q: 'no such conversation anywhere' } } } });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('nothing_to_export');
    expect((await t.as('viewer', { method: 'POST', url: '/api/exports', payload: { format: 'openai' } })).statusCode).toBe(403);
    expect((await t.as('admin', { method: 'GET', url: '/api/exports?from=yesterday' })).statusCode).toBe(400);
    expect((await t.as('admin', { method: 'POST', url: '/api/exports/nope/rerun' })).statusCode).toBe(404);
  });

  it('filters the history by user and date, newest first', async () => {
    const db = t.services.ctx.database.db;
    const all = (await t.as('admin', { method: 'GET', url: '/api/exports' })).json();
    expect(all.total).toBeGreaterThanOrEqual(5);
    const dates = all.items.map((e: { exportedAt: string }) => e.exportedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const reviewerId = all.items.find((e: { user: { email: string } | null }) => e.user?.email === 'reviewer@example.test').user.id;
    const mine = (await t.as('admin', { method: 'GET', url: `/api/exports?userId=${reviewerId}` })).json();
    expect(mine.items.every((e: { user: { id: string } }) => e.user.id === reviewerId)).toBe(true);
    expect((await t.as('admin', { method: 'GET', url: '/api/exports?to=2000-01-01' })).json().total).toBe(0);
    const ids = all.items.map((e: { exportId: string }) => e.exportId);
    expect(await db.select().from(exportLogs).where(inArray(exportLogs.exportId, ids))).toHaveLength(ids.length);
  });
});
