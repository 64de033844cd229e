import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { waitFor } from '../support/wait';

let t: TestApp;
let runId: string;
beforeAll(async () => {
  t = await createTestApp({ worker: true });
  await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { privacy: { redactPiiInLogs: true } } });
  runId = (await t.as('generator', { method: 'POST', url: '/api/runs', payload: { conversationIds: ['conv-00001', 'conv-00002', 'conv-00003'] } })).json().runId;
  await waitFor(async () => ((await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json().status === 'completed' ? true : null));
});
afterAll(() => t.close());

describe('generation log', () => {
  it('lists one row per call, filtered by run and by conversation', async () => {
    const byRun = (await t.as('viewer', { method: 'GET', url: `/api/generation-logs?runId=${runId}` })).json();
    expect(byRun.total).toBe(3);
    expect(byRun.items.every((l: { status: string; runId: string }) => l.status === 'success' && l.runId === runId)).toBe(true);
    const byConversation = (await t.as('viewer', { method: 'GET', url: '/api/generation-logs?conversationId=conv-00002' })).json();
    expect(byConversation.items.map((l: { conversationLabel: string }) => l.conversationLabel)).toEqual(['conv-00002']);
  });

  it('filters by date range and by the user who started the run', async () => {
    const future = (await t.as('viewer', { method: 'GET', url: '/api/generation-logs?from=2999-01-01T00:00:00Z' })).json();
    expect(future.total).toBe(0);
    const me = (await t.as('generator', { method: 'GET', url: '/api/me' })).json();
    expect((await t.as('viewer', { method: 'GET', url: `/api/generation-logs?userId=${me.id}` })).json().total).toBe(3);
    const bad = await t.as('viewer', { method: 'GET', url: '/api/generation-logs?from=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("'from'");
  });

  it('shows a call with its payloads and parameters', async () => {
    const [first] = (await t.as('viewer', { method: 'GET', url: `/api/generation-logs?runId=${runId}` })).json().items;
    const detail = (await t.as('viewer', { method: 'GET', url: `/api/generation-logs/${first.id}` })).json();
    expect(detail.requestPayload.prompt.length).toBeGreaterThan(100);
    expect(detail.parameters.persona).toBeTruthy();
  });

  it('exports CSV with a header and one row per call', async () => {
    const res = await t.as('viewer', { method: 'GET', url: `/api/generation-logs.csv?runId=${runId}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="generation-log-/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^createdAt,conversationLabel,runId/);
    expect(lines).toHaveLength(4);
  });
});

describe('prompt view and notifications', () => {
  it('shows the resolved prompt of a conversation, with no placeholders left', async () => {
    const res = await t.as('viewer', { method: 'GET', url: '/api/conversations/conv-00010/prompt' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.missing).toEqual([]);
    expect(body.prompt).not.toMatch(/\{(persona|emotion|topic|intent|tone|chunk_content)\}/);
    expect(body.prompt).toContain(body.parameters.persona);
    expect(body.template.version).toBe(1);
  });

  it('tells the run creator that the run finished, and marks it read', async () => {
    const list = (await t.as('generator', { method: 'GET', url: '/api/notifications' })).json();
    const finished = list.items.find((n: { kind: string }) => n.kind === 'run_finished');
    expect(finished.title).toMatch(/3 succeeded/);
    expect(finished.read).toBe(false);
    await t.as('generator', { method: 'POST', url: '/api/notifications/read', payload: { ids: [finished.id] } });
    const after = (await t.as('generator', { method: 'GET', url: '/api/notifications?unreadOnly=true' })).json();
    expect(after.items.find((n: { id: string }) => n.id === finished.id)).toBeUndefined();
  });
});
