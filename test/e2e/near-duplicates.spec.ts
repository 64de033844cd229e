import { expect, test } from '@playwright/test';
import { useOwnServer } from './support/own-server';

// A copy of a demo seed is imported (through the API), the table marks it "100 % ≈ <earlier>",
// and the link opens the earlier conversation in the preview. On a workspace of its own, so the
// copy stays out of the shared demo.
const TOKEN = 'near-duplicates-e2e-token-0123456789';
const { base, signInAsAdmin } = useOwnServer({ name: 'near-duplicates', portOffset: 10, admin: { email: 'dupes@example.test', password: 'dupes-password' }, env: { CONVGEN_API_TOKEN: TOKEN } });

const api = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  expect(res.ok, `${path}: ${res.status}`).toBe(true);
  return res.json();
};

test('the table shows a near-duplicate with its similarity, and the link opens the earlier conversation', async ({ page }) => {
  test.setTimeout(120_000);
  const seeds = await api('/api/conversations?seed=only');
  const original = await api(`/api/conversations/${seeds.items[0].id}`);
  await api('/api/seeds/import', {
    method: 'POST',
    body: JSON.stringify([{ conversationId: 'dup-copy-1', title: 'A copied seed', persona: original.persona, emotion: original.emotion, topic: original.topic, intent: original.intent, tone: original.tone, tier: original.tier, turns: original.turns.map((t: { role: string; content: string }) => ({ role: t.role, content: t.content })) }]),
  });

  await signInAsAdmin(page);
  await page.getByRole('button', { name: 'Near-duplicates' }).click();
  await expect(page).toHaveURL(/nearDuplicate=1/);
  const link = page.locator(`[data-near-duplicate="${original.conversationId}"]`).first();
  await expect(link).toHaveText(`100 % ≈ ${original.conversationId}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`open=${original.conversationId}`));
  await expect(page.getByTestId('preview-id')).toHaveText(original.conversationId);
});
