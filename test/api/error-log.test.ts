import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../src/contract/conversations';
import type { RunProgress } from '../../src/contract/runs';
import { resetProviderLimiters } from '../../src/generation/provider-limiters';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-fake';
import { createTestApp, type TestApp } from '../support/app';
import { waitFor } from '../support/wait';

// A provider that refuses the key: every call fails with a permanent `auth` error, as in real life.
let fake: FakeOpenAI;
let t: TestApp;
let runId: string;
beforeAll(async () => {
  resetProviderLimiters();
  fake = await startFakeOpenAI({ requestsPerMinute: 1000 });
  fake.failAlways({ kind: 'status', status: 401 });
  t = await createTestApp({ worker: true, env: { CONVGEN_PROVIDER: 'openai', OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_API_KEY: 'sk-wrong' } });
  const res = await t.as('generator', { method: 'POST', url: '/api/runs', payload: { conversationIds: ['conv-00004'] } });
  expect(res.statusCode, res.body).toBe(201);
  runId = res.json().runId;
  await waitFor(async () => {
    const run = (await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress>();
    return run.status === 'completed' && run.inProgress === 0 ? run : null;
  });
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

describe('error log filters (US2.2.2)', () => {
  it('records the failure on the conversation with its code, HTTP status and retryability', async () => {
    const detail = (await t.as('viewer', { method: 'GET', url: '/api/conversations/conv-00004' })).json<ConversationDetail>();
    expect(detail.status).toBe('failed');
    expect(detail.error).toMatchObject({ code: 'auth', details: { httpStatus: 401, retryable: false, attempts: 1, runId } });
  });

  it('filters the log by error kind, alone or as a comma-separated list', async () => {
    const auth = (await t.as('viewer', { method: 'GET', url: '/api/generation-logs?status=error&errorKind=auth' })).json();
    expect(auth.total).toBe(1);
    expect(auth.items[0]).toMatchObject({ conversationLabel: 'conv-00004', errorKind: 'auth', httpStatus: 401, status: 'error' });
    expect((await t.as('viewer', { method: 'GET', url: '/api/generation-logs?errorKind=rate_limited' })).json().total).toBe(0);
    expect((await t.as('viewer', { method: 'GET', url: '/api/generation-logs?errorKind=rate_limited,auth' })).json().total).toBe(1);
  });

  it('names the field when an error kind is malformed', async () => {
    const bad = await t.as('viewer', { method: 'GET', url: '/api/generation-logs?errorKind=DROP%20TABLE' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('errorKind');
  });

  it('keeps what the provider answered, for the technical details', async () => {
    const [row] = (await t.as('viewer', { method: 'GET', url: '/api/generation-logs?errorKind=auth' })).json().items;
    const detail = (await t.as('viewer', { method: 'GET', url: `/api/generation-logs/${row.id}` })).json();
    expect(JSON.stringify(detail.responsePayload)).toContain('invalid_api_key');
  });

  it('exports the same filter as CSV', async () => {
    const res = await t.as('viewer', { method: 'GET', url: '/api/generation-logs.csv?status=error&errorKind=auth' });
    const lines = res.body.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('conv-00004');
    expect((await t.as('viewer', { method: 'GET', url: '/api/generation-logs.csv?errorKind=timeout' })).body.trim().split('\r\n')).toHaveLength(1);
  });
});

describe('client error reports (US11.3.2)', () => {
  const report = { message: 'Cannot read properties of undefined', stack: 'TypeError: …\n at ErrorsPage', section: 'page', url: 'http://localhost/errors', appVersion: '0.1.0' };

  it('accepts a report from a signed-in user and returns a reference id', async () => {
    const res = await t.as('viewer', { method: 'POST', url: '/api/client-errors', payload: report });
    expect(res.statusCode).toBe(202);
    expect(res.json().reportId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses anonymous and malformed reports', async () => {
    expect((await t.as(null, { method: 'POST', url: '/api/client-errors', payload: report })).statusCode).toBe(401);
    const empty = await t.as('viewer', { method: 'POST', url: '/api/client-errors', payload: { ...report, message: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('message');
    expect((await t.as('viewer', { method: 'POST', url: '/api/client-errors', payload: { ...report, extra: 1 } })).statusCode).toBe(400);
  });
});
