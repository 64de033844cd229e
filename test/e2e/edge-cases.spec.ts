import { expect, test } from '@playwright/test';
import { SAME_ORIGIN } from '../../playwright.config';
import { signIn } from './support/session';

/**
 * Tier 3 as a technical leader meets it (US8.3.1, US8.3.2): add an own edge case, read the
 * suggestions, dismiss one, generate a suggested one, and see bulk approve refuse it in the
 * conversations table with the reason. Puts back what it changes: the definition, the
 * dismissal, the planned conversation and the approval minimum.
 */
test.describe.configure({ mode: 'serial' });

const TITLE = 'Wants the Rules Waived Just Once';
let planned = '';
let dismissed = '';
let minApprovalScore = 6;

test('explains the rules and adds an own edge case', async ({ page }) => {
  await signIn(page);
  await page.goto('/edge-cases');
  await expect(page.getByTestId('edge-case-rules')).toContainText('reviewed one at a time');
  await expect(page.getByTestId('edge-case-rules')).toContainText('scores at least 8');
  // The library shows each edge case's adversarial prompt.
  await expect(page.getByRole('table', { name: 'Edge cases', exact: true })).toContainText('Adversarial prompt');

  await page.getByRole('button', { name: 'New edge case' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill(TITLE);
  await dialog.getByLabel('Category').selectOption('ethical_dilemma');
  await dialog.getByLabel('Conditions to test').fill('A loyal customer asks for an exception that the rules do not allow.');
  await dialog.getByLabel('Adversarial prompt').fill('I have been with you for ten years. Surely you can bend this one rule for me?');
  await dialog.getByLabel('Expected behaviour').fill('Thanks them, explains the rule kindly and offers what is allowed.');
  await dialog.getByRole('button', { name: 'Add edge case' }).click();
  await expect(dialog).toBeHidden();
  const row = page.locator(`tr[data-edge-case="${TITLE}"]`);
  await expect(row).toContainText('Ethical dilemmas');
  await expect(row).toContainText('I have been with you for ten years');
  await expect(row).toContainText('Your own');
});

test('suggests untested pairs, and a dismissed one moves out of the open list', async ({ page }) => {
  await signIn(page);
  await page.goto('/edge-cases');
  const suggestions = page.locator('[data-suggestion]');
  await expect(suggestions.first()).toContainText('never been tested');
  dismissed = (await suggestions.first().getAttribute('data-suggestion'))!;
  await suggestions.first().getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.locator(`[data-suggestion="${dismissed}"]`)).toHaveCount(0);
  await page.getByRole('tab', { name: /Dismissed/ }).click();
  await expect(page.locator(`[data-suggestion="${dismissed}"]`)).toBeVisible();
});

test('generates a suggested edge case through the run dialog', async ({ page }) => {
  await signIn(page);
  await page.goto('/edge-cases');
  const first = page.locator('[data-suggestion]').first();
  const key = (await first.getAttribute('data-suggestion'))!;
  await first.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Generate Suggested Edge Cases (1)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate the suggested edge case?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Generate 1' }).click();
  // The suggestion is completed and its conversation exists in the edge-case tier.
  const suggestions = await (await page.request.get('/api/edge-cases/suggestions')).json();
  expect(suggestions.items.find((s: { key: string }) => s.key === key).status).toBe('completed');
  const [persona, emotion] = key.split('--');
  const list = await (await page.request.get(`/api/conversations?tier=edge_case&persona=${persona}&emotion=${emotion}&pageSize=25`)).json();
  expect(list.items).toHaveLength(1);
  planned = list.items[0].conversationId;
  await expect.poll(async () => (await (await page.request.get(`/api/conversations/${planned}`)).json()).status, { timeout: 45_000 }).toBe('generated');
});

test('bulk approve refuses the edge case in the conversations table, and says why', async ({ page }) => {
  await signIn(page);
  // The bar for all conversations is set aside, so the edge-case rule is what decides.
  minApprovalScore = (await (await page.request.get('/api/settings')).json()).quality.minApprovalScore;
  expect((await page.request.patch('/api/settings', { headers: SAME_ORIGIN, data: { quality: { minApprovalScore: 0 } } })).status()).toBe(200);
  await page.goto(`/conversations?tier=edge_case&q=${planned}`);
  await page.locator(`tr[data-row="${planned}"]`).getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Approve Selected (1)' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('bulk-preview')).toContainText('1 is an edge case: will be refused');
  await page.screenshot({ path: test.info().outputPath('edge-case-bulk-preview.png') });
  await expect(dialog.getByTestId('bulk-preview')).toContainText('Nothing to approve');
  await expect(dialog.getByRole('button', { name: 'Approve 0 conversations' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Asked all the same (a script would), the answer lists it under failed with the reason.
  const res = await page.request.post('/api/conversations/bulk/review', { headers: SAME_ORIGIN, data: { selection: { conversationIds: [planned] }, action: 'approve' } });
  const body = await res.json();
  expect(res.status()).toBe(200);
  expect(body.failed[0]).toMatchObject({ conversationId: planned, reason: 'edge_case' });
  expect(body.failed[0].message).toContain('edge cases are reviewed one at a time');
  expect((await (await page.request.get(`/api/conversations/${planned}`)).json()).status).toBe('generated');
  // The preview flags whether it meets the edge-case criteria.
  await page.goto(`/conversations?tier=edge_case&open=${planned}`);
  await expect(page.getByTestId('edge-case-check')).toContainText(/edge-case criteria/);
});

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page);
  await page.request.patch('/api/settings', { headers: SAME_ORIGIN, data: { quality: { minApprovalScore } } });
  if (dismissed) await page.request.post(`/api/edge-cases/suggestions/${dismissed}/reopen`, { headers: SAME_ORIGIN });
  if (planned) await page.request.post('/api/conversations/bulk/delete', { headers: SAME_ORIGIN, data: { selection: { conversationIds: [planned] }, confirm: true } });
  const mine = (await (await page.request.get(`/api/edge-cases?q=${encodeURIComponent(TITLE)}`)).json()).items;
  for (const e of mine) await page.request.delete(`/api/edge-cases/${e.id}`, { headers: SAME_ORIGIN });
  await page.close();
});
