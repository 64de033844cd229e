import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../src/contract/conversations';
import type { ExportPreview } from '../../src/contract/exports';
import { conversations, reviewLogs } from '../../src/db/schema';
import { resetProviderLimiters } from '../../src/generation/provider-limiters';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-fake';
import { createTestApp, type TestApp } from '../support/app';
import { waitFor } from '../support/wait';

let fake: FakeAnthropic;
let t: TestApp;
/** 36 template, 1 scenario and 1 edge-case conversation with text: the lopsided export of the issue. */
let lopsided: string[];

const ids = async (query: string) => ((await t.as('viewer', { method: 'GET', url: `/api/conversations?${query}` })).json().items as { conversationId: string }[]).map((c) => c.conversationId);
const detail = async (id: string) => (await t.as('viewer', { method: 'GET', url: `/api/conversations/${id}` })).json<ConversationDetail>();
const settle = (runId: string) =>
  waitFor(async () => {
    const p = (await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json();
    return p.status === 'completed' && p.inProgress === 0 ? p : null;
  }, { timeoutMs: 60_000 });

beforeAll(async () => {
  fake = await startFakeAnthropic({ requestsPerMinute: 5000 });
  t = await createTestApp({ worker: true, env: { ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: fake.url, CONVGEN_MODEL: 'claude-haiku-4-5' } });
  await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { generation: { rateLimitPreset: 'anthropic-tier-4' } } });
  resetProviderLimiters();
  lopsided = [...(await ids('tier=template&pageSize=50&sort=conversationId')).slice(0, 36), ...(await ids('tier=scenario&pageSize=25')).slice(0, 1), ...(await ids('tier=edge_case&pageSize=25')).slice(0, 1)];
  const run = await t.as('admin', { method: 'POST', url: '/api/runs', payload: { conversationIds: lopsided, regenerate: true, concurrency: 8 } });
  expect(run.statusCode, run.body).toBe(201);
  await settle(run.json().runId);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

describe('balance at export', () => {
  it("shows the selection's spread and warns about 36 template, 1 scenario and 1 edge-case conversation", async () => {
    const res = await t.as('reviewer', { method: 'POST', url: '/api/exports/preview', payload: { format: 'openai', approvedOnly: false, selection: { conversationIds: lopsided } } });
    expect(res.statusCode, res.body).toBe(200);
    const { balance, count } = res.json<ExportPreview>();
    expect(count).toBe(38);
    expect(balance.total).toBe(38);
    expect(balance.byTier.map((b) => [b.key, b.count])).toEqual([
      ['template', 36],
      ['scenario', 1],
      ['edge_case', 1],
    ]);
    expect(balance.byPersona.reduce((s, b) => s + b.count, 0)).toBe(38);
    expect(balance.byEmotion.reduce((s, b) => s + b.count, 0)).toBe(38);
    const tiers = balance.warnings.filter((w) => w.dimension === 'tier');
    expect(tiers.map((w) => w.hint)).toEqual(['Generate more scenario conversations or export by tier.', 'Generate more edge case conversations or export by tier.']);
  });

  it('does not warn about the tier spread of an export by tier', async () => {
    const res = await t.as('reviewer', { method: 'POST', url: '/api/exports/preview', payload: { format: 'openai', approvedOnly: false, selection: { filter: { tier: ['template'] } } } });
    expect(res.statusCode, res.body).toBe(200);
    const { balance } = res.json<ExportPreview>();
    expect(balance.byTier.map((b) => b.key)).toEqual(['template']);
    expect(balance.warnings.filter((w) => w.dimension === 'tier')).toEqual([]);
  });
});

describe('reject and regenerate with guidance', () => {
  const guidance = 'The assistant drifted into inherited IRAs; keep every answer on the emergency fund.';

  it('rejects the old one with the note, plans the same slot linked to it, and sends the guidance in the prompt', async () => {
    const oldId = lopsided[0];
    const before = await detail(oldId);
    fake.reset();
    const res = await t.as('admin', { method: 'POST', url: `/api/conversations/${oldId}/regenerate-with-guidance`, payload: { guidance } });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ replaces: { id: before.id, conversationId: oldId }, guidance, runId: expect.any(String) });
    expect(created.conversationId).not.toBe(oldId);

    const old = await detail(oldId);
    expect(old.status).toBe('rejected');
    expect(old.review.notes).toBe(guidance);
    expect(old.regeneratedAs).toEqual({ id: created.id, conversationId: created.conversationId });
    // The rejection went through the normal review path, so it is in the audit trail.
    const audit = await t.services.ctx.database.db.select().from(reviewLogs).where(eq(reviewLogs.conversationId, before.id));
    expect(audit.at(-1)).toMatchObject({ action: 'reject', reviewerNotes: guidance, fromStatus: before.status, toStatus: 'rejected' });

    await settle(created.runId);
    const fresh = await detail(created.conversationId);
    expect(fresh.status).toBe('generated');
    expect(fresh.regeneratedFrom).toEqual({ id: before.id, conversationId: oldId, guidance });
    for (const key of ['persona', 'emotion', 'topic', 'intent', 'tone', 'tier'] as const) expect(fresh[key]).toBe(before[key]);
    expect(fresh.arc?.key).toBe(before.arc?.key);
    expect(fresh.template?.id).toBe(before.template?.id);

    // The provider was asked with the guidance in the prompt, and "View prompt" shows it.
    const sent = fake.requests.filter((r) => r.path.startsWith('/v1/messages')).map((r) => JSON.stringify(r.body));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(`Reviewer guidance from a rejected version: ${guidance}`);
    const prompt = (await t.as('viewer', { method: 'GET', url: `/api/conversations/${created.conversationId}/prompt` })).json();
    expect(prompt.prompt).toContain(`Reviewer guidance from a rejected version: ${guidance}`);
    const oldPrompt = (await t.as('viewer', { method: 'GET', url: `/api/conversations/${oldId}/prompt` })).json();
    expect(oldPrompt.prompt).not.toContain('Reviewer guidance');
  });

  it('refuses a second replacement of the same conversation', async () => {
    const res = await t.as('admin', { method: 'POST', url: `/api/conversations/${lopsided[0]}/regenerate-with-guidance`, payload: { guidance: 'Again.' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/already replaced by conv-\d+/);
  });

  it('refuses bad input with a 400 naming the field, and changes nothing', async () => {
    const id = lopsided[1];
    for (const payload of [{ guidance: '   ' }, {}, { guidance: 'x'.repeat(501) }, { guidance: 'ok', extra: 1 }]) {
      const res = await t.as('admin', { method: 'POST', url: `/api/conversations/${id}/regenerate-with-guidance`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.body).toMatch(/guidance|extra/);
    }
    expect((await detail(id)).status).toBe('generated');
    expect((await detail(id)).regeneratedAs).toBeNull();
  });

  it('answers 409 for a conversation without text and 403 for a role that may not review', async () => {
    const [empty] = await ids('status=not_generated&pageSize=25');
    const res = await t.as('admin', { method: 'POST', url: `/api/conversations/${empty}/regenerate-with-guidance`, payload: { guidance } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'no_text', message: `${empty} has no text yet, so there is nothing to reject and regenerate.` });
    expect((await detail(empty)).status).toBe('not_generated');
    const viewer = await t.as('viewer', { method: 'POST', url: `/api/conversations/${lopsided[2]}/regenerate-with-guidance`, payload: { guidance } });
    expect(viewer.statusCode).toBe(403);
  });

  it('lets a reviewer who may not generate reject and plan the replacement, for someone else to generate', async () => {
    const res = await t.as('reviewer', { method: 'POST', url: `/api/conversations/${lopsided[2]}/regenerate-with-guidance`, payload: { guidance } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ runId: null, message: expect.stringContaining('ask a generator or admin to generate it') });
    expect((await detail(res.json().conversationId)).status).toBe('not_generated');
  });

  it('replaces several at once: given guidance for all, or each one’s own rejection note', async () => {
    const [a, b, c] = lopsided.slice(3, 6);
    await t.as('admin', { method: 'POST', url: `/api/conversations/${c}/review`, payload: { action: 'reject', notes: 'Too short for the arc.' } });
    const res = await t.as('admin', { method: 'POST', url: '/api/conversations/regenerate-with-guidance', payload: { conversationIds: [a, c] } });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    // a was never rejected and no guidance was given: skipped with why; c reuses its rejection note.
    expect(body.skipped).toEqual([{ id: expect.any(String), conversationId: a, reason: `The guidance for ${a} is empty.` }]);
    expect(body.created).toHaveLength(1);
    expect(body.created[0]).toMatchObject({ replaces: { conversationId: c }, guidance: 'Too short for the arc.' });
    const all = await t.as('admin', { method: 'POST', url: '/api/conversations/regenerate-with-guidance', payload: { conversationIds: [a, b], guidance } });
    expect(all.json().created.map((x: { replaces: { conversationId: string } }) => x.replaces.conversationId)).toEqual([a, b]);
    const [row] = await t.services.ctx.database.db.select({ status: conversations.status }).from(conversations).where(eq(conversations.conversationId, a));
    expect(row.status).toBe('rejected');
    const unknown = await t.as('admin', { method: 'POST', url: '/api/conversations/regenerate-with-guidance', payload: { conversationIds: ['conv-99999'], guidance } });
    expect(unknown.statusCode).toBe(404);
  });

  it('previews a bulk reject-and-regenerate: which would be replaced, which are skipped and why, changing nothing', async () => {
    const [fresh, rejected] = lopsided.slice(6, 8);
    await t.as('admin', { method: 'POST', url: `/api/conversations/${rejected}/review`, payload: { action: 'reject', notes: 'Off topic.' } });
    const [empty] = await ids('status=not_generated&pageSize=25');
    const [seed] = await ids('seed=only&pageSize=25');
    const selection = { conversationIds: [fresh, rejected, lopsided[0], empty, seed, 'conv-99999'] };
    const res = await t.as('reviewer', { method: 'POST', url: '/api/conversations/regenerate-with-guidance/preview', payload: { selection } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      selected: 5,
      notFound: 1,
      conversationIds: [fresh, rejected].sort(),
      toReject: 1,
      skippedByReason: { not_generated: 1, generating: 0, seed: 1, replaced: 1 },
      tooMany: false,
      max: 500,
    });
    expect((await detail(fresh)).status).toBe('generated');
    expect((await detail(fresh)).regeneratedAs).toBeNull();
    // A filter previews the same way.
    const byFilter = (await t.as('reviewer', { method: 'POST', url: '/api/conversations/regenerate-with-guidance/preview', payload: { selection: { filter: { status: ['not_generated'] } } } })).json();
    expect(byFilter).toMatchObject({ conversationIds: [], toReject: 0 });
    expect(byFilter.skippedByReason.not_generated).toBe(byFilter.selected);
    for (const payload of [{}, { selection: {} }, { selection: { conversationIds: ['conv 1'] } }, { selection: { all: true }, extra: 1 }]) {
      const bad = await t.as('reviewer', { method: 'POST', url: '/api/conversations/regenerate-with-guidance/preview', payload });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await t.as('viewer', { method: 'POST', url: '/api/conversations/regenerate-with-guidance/preview', payload: { selection } })).statusCode).toBe(403);
  });
});
