import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // Three generated conversations scoring 5.5, 6 and 8.2 (and one never scored).
  const db = t.services.ctx.database.db;
  const scores: [string, number | null][] = [['conv-00071', 5.5], ['conv-00072', 6], ['conv-00073', 8.2], ['conv-00074', null]];
  for (const [id, score] of scores) await db.update(conversations).set({ status: 'generated', qualityScore: score, generatedAt: new Date() }).where(inArray(conversations.conversationId, [id]));
});
afterAll(() => t.close());

const status = async (id: string) => (await t.as('viewer', { method: 'GET', url: `/api/conversations/${id}` })).json().status;

describe("the workspace's minimum score for approval", () => {
  it('refuses to approve a conversation scoring under it, and says what to do', async () => {
    const res = await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00071/review', payload: { action: 'approve' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'below_quality_bar' });
    expect(res.json().error.message).toBe("conv-00071 scores 5.5, below the workspace's minimum of 6 for approval: regenerate it, reject it, or lower the minimum in Settings.");
    expect(await status('conv-00071')).toBe('generated');
    // Rejecting it is always possible.
    expect((await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00071/review', payload: { action: 'reject' } })).statusCode).toBe(200);
  });

  it('approves the others in a bulk action and lists the ones under the bar as skipped', async () => {
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { quality: { minApprovalScore: 7 } } });
    const selection = { conversationIds: ['conv-00072', 'conv-00073', 'conv-00074'] };
    // The preview counts the bar the same way.
    const preview = await t.as('reviewer', { method: 'POST', url: '/api/conversations/bulk/preview', payload: { selection, action: 'approve' } });
    expect(preview.json()).toMatchObject({ selected: 3, willChange: 2, skipped: 1, skippedByReason: { below_quality_bar: 1 } });
    const res = await t.as('reviewer', { method: 'POST', url: '/api/conversations/bulk/review', payload: { selection, action: 'approve' } });
    expect(res.json()).toMatchObject({ succeeded: 2, skippedCount: 1, failedCount: 0, skippedByReason: { below_quality_bar: 1 } });
    expect(res.json().skipped[0]).toMatchObject({ conversationId: 'conv-00072', reason: 'below_quality_bar' });
    expect(res.json().skipped[0].message).toMatch(/scores 6\.0, below the workspace's minimum of 7/);
    expect(await status('conv-00073')).toBe('approved');
    expect(await status('conv-00074')).toBe('approved');
  });

  it('follows the setting: lowering it lets the conversation through', async () => {
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { quality: { minApprovalScore: 5 } } });
    expect((await t.as('reviewer', { method: 'POST', url: '/api/conversations/conv-00072/review', payload: { action: 'approve' } })).statusCode).toBe(200);
    expect(await status('conv-00072')).toBe('approved');
  });
});
