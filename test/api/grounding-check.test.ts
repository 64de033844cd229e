import { and, gt, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../src/contract/conversations';
import type { RunProgress } from '../../src/contract/runs';
import { conversations } from '../../src/db/schema';
import { type FakeAnthropic } from '../fakes/anthropic-fake';
import { GROUNDING_TOOL } from '../fakes/grounding-output';
import { type TestApp } from '../support/app';
import { resetClaudeApp, startClaudeApp, stopClaudeApp } from '../support/claude-app';
import { waitFor } from '../support/wait';

let fake: FakeAnthropic;
let t: TestApp;
/** A scenario conversation generated through the fake, so it has a source chunk and a word-overlap grounding. */
let grounded: string;
/** A generated conversation with no source chunk. */
let ungrounded: string;
let planned: string;

const detail = async (id: string) => (await t.as('viewer', { method: 'GET', url: `/api/conversations/${id}` })).json<ConversationDetail>();
const firstOf = async (query: string) => (await t.as('viewer', { method: 'GET', url: `/api/conversations?${query}&sort=conversationId&pageSize=25` })).json<{ items: { conversationId: string }[] }>().items.map((c) => c.conversationId);
const groundingCalls = () => fake.requests.filter((r) => (r.body as { tool_choice?: { name?: string } } | null)?.tool_choice?.name === GROUNDING_TOOL);

beforeAll(async () => {
  ({ fake, t } = await startClaudeApp({ latencyMs: 5 }));
  const [scenario] = await firstOf('tier=scenario&status=not_generated');
  [planned] = await firstOf('tier=template&status=not_generated');
  const res = await t.as('admin', { method: 'POST', url: '/api/runs', payload: { conversationIds: [scenario] } });
  expect(res.statusCode, res.body).toBe(201);
  const { runId } = res.json<{ runId: string }>();
  await waitFor(async () => {
    const p = (await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress>();
    return p.status === 'completed' && p.inProgress === 0 ? p : null;
  }, { timeoutMs: 30_000 });
  grounded = scenario;
  const [noChunk] = await t.services.ctx.database.db
    .select({ id: conversations.conversationId })
    .from(conversations)
    .where(and(isNull(conversations.chunkId), gt(conversations.turnCount, 0)))
    .limit(1);
  ungrounded = noChunk.id;
});
afterAll(() => stopClaudeApp({ fake, t }));
beforeEach(() => resetClaudeApp({ fake }));

describe('grounding checked by the provider (fake Messages API)', () => {
  it('sends the source chunk and the numbered statements through a forced tool, and stores a verdict for each', async () => {
    const before = await detail(grounded);
    expect(before.grounding).toMatchObject({ method: 'lexical' });
    const statements = before.grounding!.sentences;
    expect(statements.length).toBeGreaterThan(3);

    const res = await t.as('generator', { method: 'POST', url: `/api/conversations/${grounded}/grounding-check` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ method: 'provider', model: 'claude-haiku-4-5' });
    expect(body.costUsd).toBeGreaterThan(0);
    expect(body.sentences.map((s: { text: string }) => s.text)).toEqual(statements.map((s) => s.text));
    // The fake cycles supported, not a claim, unsupported, contradicted: the share is of the claims only.
    const verdicts: string[] = body.sentences.map((s: { verdict: string }) => s.verdict);
    const claims = verdicts.filter((v) => v !== 'not_a_claim');
    expect(body.supportedShare).toBeCloseTo(claims.filter((v) => v === 'supported').length / claims.length, 2);
    expect(body.sentences.filter((s: { supported: boolean }) => !s.supported).map((s: { verdict: string }) => s.verdict)).toEqual(verdicts.filter((v) => v === 'unsupported' || v === 'contradicted'));

    expect(groundingCalls()).toHaveLength(1);
    const prompt = JSON.stringify(groundingCalls()[0].body);
    expect(prompt).toContain('<source>');
    expect(prompt).toContain(`${statements.length}. `);

    const after = await detail(grounded);
    expect(after.grounding).toMatchObject({ method: 'provider', model: 'claude-haiku-4-5', supportedShare: body.supportedShare });
    expect(after.grounding!.sentences[0].reason).toMatch(/Verdict/);
  });

  it('answers a provider failure with what to do and keeps the stored grounding', async () => {
    const before = (await detail(grounded)).grounding;
    fake.fail({ kind: 'status', status: 500 });
    const failed = await t.as('generator', { method: 'POST', url: `/api/conversations/${grounded}/grounding-check` });
    expect(failed.statusCode).toBe(502);
    expect(failed.json().error).toMatchObject({ code: 'provider_server' });
    expect(failed.json().error.hint).toMatch(/keeps its word-overlap grounding/);
    expect((await detail(grounded)).grounding).toEqual(before);
  });

  it('refuses a viewer, an unknown conversation, one with no source chunk and one not generated yet, sending nothing', async () => {
    expect((await t.as('viewer', { method: 'POST', url: `/api/conversations/${grounded}/grounding-check` })).statusCode).toBe(403);
    expect((await t.as('generator', { method: 'POST', url: '/api/conversations/conv-99999/grounding-check' })).statusCode).toBe(404);
    const noChunk = await t.as('generator', { method: 'POST', url: `/api/conversations/${ungrounded}/grounding-check` });
    expect(noChunk.statusCode).toBe(409);
    expect(noChunk.json().error).toMatchObject({ code: 'no_source_chunk' });
    expect(noChunk.json().error.hint).toMatch(/documents/);
    const notYet = await t.as('generator', { method: 'POST', url: `/api/conversations/${planned}/grounding-check` });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().error).toMatchObject({ code: 'not_generated' });
    expect(groundingCalls()).toHaveLength(0);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    expect(Object.keys(doc.paths['/api/conversations/{id}/grounding-check'])).toEqual(['post']);
  });
});
