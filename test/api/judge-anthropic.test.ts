import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationAudit, ReviewEventPage } from '../../src/contract/audit';
import type { ConversationDetail } from '../../src/contract/conversations';
import type { RunEventPage, RunProgress } from '../../src/contract/runs';
import { costOf, estimateTokens } from '../../src/core/pricing';
import { generationLogs } from '../../src/db/schema';
import { type FakeAnthropic } from '../fakes/anthropic-fake';
import { JUDGE_TOOL } from '../fakes/judge-output';
import { type TestApp } from '../support/app';
import { resetClaudeApp, startClaudeApp, stopClaudeApp } from '../support/claude-app';
import { waitFor } from '../support/wait';

let fake: FakeAnthropic;
let t: TestApp;
beforeAll(async () => {
  ({ fake, t } = await startClaudeApp({ latencyMs: 20 }));
});
afterAll(() => stopClaudeApp({ fake, t }));
beforeEach(() => resetClaudeApp({ fake }));

const detail = async (id: string) => (await t.as('viewer', { method: 'GET', url: `/api/conversations/${id}` })).json<ConversationDetail>();
const judgeCalls = () => fake.requests.filter((r) => (r.body as { tool_choice?: { name?: string } } | null)?.tool_choice?.name === JUDGE_TOOL);
const runToEnd = async (payload: Record<string, unknown>) => {
  const res = await t.as('admin', { method: 'POST', url: '/api/runs', payload });
  expect(res.statusCode, res.body).toBe(201);
  const { runId } = res.json<{ runId: string }>();
  return waitFor(async () => {
    const p = (await t.as('viewer', { method: 'GET', url: `/api/runs/${runId}` })).json<RunProgress & { id: string }>();
    return p.status === 'completed' && p.inProgress === 0 ? { ...p, runId } : null;
  }, { timeoutMs: 30_000 });
};

describe('the LLM judge with Claude (fake Messages API)', () => {
  it('judges each conversation a run stores when enabled, through a forced tool, and counts its cost in the run', async () => {
    const enable = await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { quality: { judgeEnabled: true } } });
    expect(enable.statusCode, enable.body).toBe(200);
    const done = await runToEnd({ conversationIds: ['conv-00010', 'conv-00011'] });
    expect(done).toMatchObject({ succeeded: 2, failed: 0 });
    expect(judgeCalls()).toHaveLength(2);
    for (const id of ['conv-00010', 'conv-00011']) {
      const c = await detail(id);
      expect(c.judge).toMatchObject({ rationale: expect.any(String) });
      expect(c.judge!.criteria).toHaveLength(5);
      expect(c.judgeScore).toBe(c.judge!.score);
    }
    const logs = await t.services.ctx.database.db.select().from(generationLogs).where(eq(generationLogs.runId, done.runId));
    const generationCost = logs.reduce((sum, l) => sum + l.costUsd, 0);
    expect(done.spentUsd).toBeGreaterThan(generationCost);
  });

  it('leaves a conversation unjudged, not failed, when the judge call fails, and says so in the run log', async () => {
    // The first request (the conversation) answers; the second (the judge) fails.
    fake.fail({ kind: 'slow', ms: 1 }, { kind: 'status', status: 529 });
    const done = await runToEnd({ conversationIds: ['conv-00012'] });
    expect(done).toMatchObject({ succeeded: 1, failed: 0, eventCount: 1 });
    const c = await detail('conv-00012');
    expect(c.status).toBe('generated');
    expect(c.judgeScore).toBeNull();
    expect(c.judge).toBeNull();
    const log = await t.as('viewer', { method: 'GET', url: `/api/runs/${done.runId}/events` });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json<RunEventPage>()).toMatchObject({
      total: 1,
      items: [
        {
          kind: 'judge_failed',
          conversationId: c.id,
          conversationLabel: 'conv-00012',
          message: 'Judging conv-00012 failed: the provider answered 529: the AI provider is overloaded.',
          hint: expect.stringMatching(/^The conversation is kept, unjudged; judge it again from its preview/),
        },
      ],
    });
  });

  it("keeps a run within its spending limit when the limit leaves room for the generation but not for the judge's reserve", async () => {
    // First without a limit or the judge, to learn the size of this slot's prompt and answer.
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { quality: { judgeEnabled: false } } });
    await runToEnd({ conversationIds: ['conv-00013'] });
    const [sent] = fake.requests.filter((r) => r.path === '/v1/messages');
    const body = sent.body as { system: { text: string }[]; messages: { content: string | { text: string }[] }[] };
    const prompt = body.messages[0].content;
    const inputTokens = estimateTokens(body.system.map((b) => b.text).join('')) + estimateTokens(typeof prompt === 'string' ? prompt : prompt.map((b) => b.text).join(''));
    // A max-tokens close to the real answer leaves the generation's reservation little slack above what it is billed.
    const maxTokens = Math.max(256, sent.outputTokens + 100);
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { generation: { maxTokens }, quality: { judgeEnabled: true } } });
    const limit = costOf('claude-haiku-4-5', { inputTokens, outputTokens: maxTokens }) + 0.0001;
    fake.reset();
    try {
      const done = await runToEnd({ conversationIds: ['conv-00013'], regenerate: true, spendingLimitUsd: limit });
      expect(done).toMatchObject({ succeeded: 1, failed: 0, eventCount: 1 });
      expect(done.spentUsd).toBeGreaterThan(0);
      expect(done.spentUsd).toBeLessThanOrEqual(done.spendingLimitUsd!);
      expect(judgeCalls()).toHaveLength(0);
      expect((await detail('conv-00013')).judgeScore).toBeNull();
      const log = (await t.as('viewer', { method: 'GET', url: `/api/runs/${done.runId}/events` })).json<RunEventPage>();
      expect(log.items[0]).toMatchObject({
        kind: 'judge_skipped',
        message: expect.stringMatching(/^Judging conv-00013 was skipped: the run's spending limit leaves no room for the judge's call \(up to \$0\.\d+\)\.$/),
        hint: expect.stringContaining('raise the run'),
      });
    } finally {
      await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { generation: { maxTokens: 4096 } } });
    }
  });

  it("judges within a spending limit that leaves room, reserving the judge's call and counting its cost", async () => {
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { quality: { judgeEnabled: true } } });
    const done = await runToEnd({ conversationIds: ['conv-00014'], spendingLimitUsd: 1 });
    expect(done).toMatchObject({ succeeded: 1, failed: 0, eventCount: 0, reservedUsd: 0 });
    expect(judgeCalls()).toHaveLength(1);
    const logs = await t.services.ctx.database.db.select().from(generationLogs).where(eq(generationLogs.runId, done.runId));
    expect(done.spentUsd).toBeGreaterThan(logs[0].costUsd);
    expect((await detail('conv-00014')).judgeScore).not.toBeNull();
  });

  it('judges on demand, and answers a provider failure with what to do, changing nothing', async () => {
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { quality: { judgeEnabled: false } } });
    fake.fail({ kind: 'status', status: 500 });
    const failed = await t.as('generator', { method: 'POST', url: '/api/conversations/conv-00012/judge' });
    expect(failed.statusCode).toBe(502);
    expect(failed.json().error).toMatchObject({ code: 'provider_server' });
    expect(failed.json().error.hint).toMatch(/stays unjudged/);
    expect((await detail('conv-00012')).judgeScore).toBeNull();
    const ok = await t.as('generator', { method: 'POST', url: '/api/conversations/conv-00012/judge' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ model: 'claude-haiku-4-5' });
    expect(ok.json().costUsd).toBeGreaterThan(0);
    expect((await detail('conv-00012')).judgeScore).toBe(ok.json().score);
  });

  it('audits on-demand judging: who asked, which conversation, the score and the cost; a failed call changes nothing', async () => {
    fake.fail({ kind: 'status', status: 500 });
    expect((await t.as('generator', { method: 'POST', url: '/api/conversations/conv-00011/judge' })).statusCode).toBe(502);
    const before = (await t.as('admin', { method: 'GET', url: '/api/audit/reviews?action=judge&conversationId=conv-00011' })).json<ReviewEventPage>();
    expect(before.total).toBe(0);
    const ok = (await t.as('generator', { method: 'POST', url: '/api/conversations/conv-00011/judge' })).json<{ score: number; costUsd: number; model: string }>();
    const page = (await t.as('admin', { method: 'GET', url: '/api/audit/reviews?action=judge&conversationId=conv-00011' })).json<ReviewEventPage>();
    expect(page.total).toBe(1);
    const status = (await detail('conv-00011')).status;
    expect(page.items[0]).toMatchObject({
      action: 'judge',
      conversationLabel: 'conv-00011',
      fromStatus: status,
      toStatus: status,
      reviewer: { name: 'Test generator' },
      judge: { score: ok.score, costUsd: ok.costUsd, model: 'claude-haiku-4-5' },
      notes: expect.stringMatching(/^LLM judge score \d+\.\d\/10 by claude-haiku-4-5, cost \$0\.\d+\.$/),
    });
    // The conversation's own trail shows it too, and the CSV carries the figures.
    const trail = (await t.as('reviewer', { method: 'GET', url: '/api/conversations/conv-00011/audit' })).json<ConversationAudit>();
    expect(trail.reviews.map((r) => r.action)).toContain('judge');
    const csv = await t.as('admin', { method: 'GET', url: '/api/audit/reviews.csv?action=judge&conversationId=conv-00011' });
    expect(csv.body.split('\r\n')[1]).toContain(`,${ok.score},${ok.costUsd},claude-haiku-4-5`);
  });

  it('audits an on-demand judgement that failed but was billed, with its cost and reason, and keeps the last score', async () => {
    const judged = (await t.as('generator', { method: 'POST', url: '/api/conversations/conv-00010/judge' })).json<{ score: number }>();
    const events = async () => (await t.as('admin', { method: 'GET', url: '/api/audit/reviews?action=judge&conversationId=conv-00010' })).json<ReviewEventPage>();
    const before = (await events()).total;
    // The provider answers, and bills, something that is not a rubric.
    fake.fail({ kind: 'malformed' });
    const failed = await t.as('generator', { method: 'POST', url: '/api/conversations/conv-00010/judge' });
    expect(failed.statusCode).toBe(502);
    const after = await events();
    expect(after.total).toBe(before + 1);
    expect(after.items[0]).toMatchObject({
      action: 'judge',
      reviewer: { name: 'Test generator' },
      judge: { score: null, costUsd: expect.any(Number), model: 'claude-haiku-4-5', error: expect.stringMatching(/rubric/) },
      notes: expect.stringMatching(/^LLM judge failed; the call still cost \$0\.\d+\. The judge's answer was not a valid rubric/),
    });
    expect(after.items[0].judge!.costUsd).toBeGreaterThan(0);
    // In the CSV the score is empty and the cost and model are there.
    const csv = await t.as('admin', { method: 'GET', url: '/api/audit/reviews.csv?action=judge&conversationId=conv-00010' });
    const failedRow = csv.body.split('\r\n').find((line) => line.includes('LLM judge failed'));
    expect(failedRow).toMatch(new RegExp(`,,${after.items[0].judge!.costUsd},claude-haiku-4-5$`));
    expect((await detail('conv-00010')).judgeScore).toBe(judged.score);
    // A failure the provider did not bill leaves no event.
    fake.fail({ kind: 'status', status: 500 });
    expect((await t.as('generator', { method: 'POST', url: '/api/conversations/conv-00010/judge' })).statusCode).toBe(502);
    expect((await events()).total).toBe(before + 1);
  });
});
