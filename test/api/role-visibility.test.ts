import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
let conversationId: string;
beforeAll(async () => {
  t = await createTestApp();
  const db = t.services.ctx.database.db;
  await db.update(conversations).set({ status: 'generated' }).where(eq(conversations.conversationId, 'conv-00041'));
  const [row] = await db.select({ id: conversations.id }).from(conversations).where(eq(conversations.conversationId, 'conv-00041'));
  conversationId = row.id;
  const review = await t.as('reviewer', { method: 'POST', url: `/api/conversations/${conversationId}/review`, payload: { action: 'approve' } });
  expect(review.statusCode, review.body).toBe(200);
});
afterAll(() => t.close());

describe('what each role sees', () => {
  it('shows reviewers\' names to everyone, their email addresses only to those who read the audit', async () => {
    const trail = async (role: 'viewer' | 'generator' | 'reviewer' | 'admin') => (await t.as(role, { method: 'GET', url: `/api/conversations/${conversationId}/audit` })).json();
    for (const role of ['viewer', 'generator'] as const) {
      const body = await trail(role);
      expect(body.reviews[0].reviewer).toMatchObject({ name: 'Test reviewer', email: '' });
      expect(JSON.stringify(body)).not.toContain('reviewer@example.test');
    }
    for (const role of ['reviewer', 'admin'] as const) expect((await trail(role)).reviews[0].reviewer.email).toBe('reviewer@example.test');
  });

  it('lets viewers read the export history, as the README says, but not export', async () => {
    expect((await t.as('viewer', { method: 'GET', url: '/api/exports' })).statusCode).toBe(200);
    expect((await t.as('viewer', { method: 'GET', url: '/api/exports.csv' })).statusCode).toBe(200);
    expect((await t.as('viewer', { method: 'POST', url: '/api/exports', payload: { format: 'openai' } })).statusCode).toBe(403);
  });

  it('refuses a javascript: address for the OpenAI-compatible server, changing nothing', async () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.test/v1']) {
      const res = await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { generation: { openaiBaseUrl: url } } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message).toMatch(/http:\/\/ or https:\/\//);
    }
    expect((await t.as('admin', { method: 'GET', url: '/api/settings' })).json().generation.openaiBaseUrl).toBeNull();
    const ok = await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { generation: { openaiBaseUrl: 'http://localhost:11434/v1' } } });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
