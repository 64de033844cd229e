import { expect, test } from '@playwright/test';
import { SAME_ORIGIN } from '../../playwright.config';
import { signIn } from './support/session';

/**
 * Quality details on the demo workspace: one scenario conversation is generated first (an
 * ordinary state other specs leave too); nothing is reviewed or changed otherwise.
 */
test('the table score opens the criteria dialog, and the preview highlights unsupported sentences', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const id = 'conv-00050';
  const before = await (await page.request.get(`/api/conversations/${id}`)).json();
  expect(before.tier).toBe('scenario');
  if (before.status === 'not_generated') {
    const run = await page.request.post('/api/runs', { headers: SAME_ORIGIN, data: { conversationIds: [id] } });
    expect(run.status()).toBe(201);
    const { runId } = await run.json();
    await expect.poll(async () => (await (await page.request.get(`/api/runs/${runId}`)).json()).status, { timeout: 60_000 }).toBe('completed');
  }

  await page.goto(`/conversations?q=${id}`);
  const row = page.getByRole('row').filter({ hasText: id });
  await expect(row).toHaveCount(1);
  const score = row.getByTestId('quality-score');

  // Hover: the breakdown, loaded on demand.
  await score.hover();
  await expect(page.getByRole('tooltip')).toContainText(/Turn count \d+(\.\d)?\/10 · .*On topic .*Grounding/);

  // Click: the dialog with every criterion, its value, target, bar and explanation.
  await score.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Quality of ${id}`);
  const criteria = dialog.getByRole('list', { name: 'Quality criteria' }).getByRole('listitem');
  await expect(criteria.filter({ hasText: 'On topic' })).toHaveCount(1);
  await expect(criteria.filter({ hasText: 'Grounding' })).toContainText(/statements supported by the source/);
  await expect(criteria.first()).toContainText('Target');
  await expect(dialog.getByRole('meter').first()).toBeVisible();
  await expect(dialog.getByTestId('quality-recommendation')).toContainText('Recommendation:');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
  // The row's preview did not open behind the dialog.
  await expect(page.getByRole('complementary', { name: 'Conversation preview' })).toBeHidden();

  // Keyboard: the score is a button; Enter opens the dialog, Escape closes it.
  await score.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The preview: the supported share and the unsupported sentences highlighted.
  await row.getByRole('cell').nth(2).click();
  const preview = page.getByRole('complementary', { name: 'Conversation preview' });
  const grounding = preview.getByTestId('grounding');
  await expect(grounding).toBeVisible();
  await expect(grounding.getByTestId('grounding-share')).toHaveText(/^\d+ % supported$/);
  await expect(grounding.getByTestId('unsupported-sentence').first()).toBeVisible();
  const detail = await (await page.request.get(`/api/conversations/${id}`)).json();
  const firstUnsupported = detail.grounding.sentences.find((s: { supported: boolean }) => !s.supported);
  await expect(grounding.getByTestId('unsupported-sentence').first()).toHaveText(firstUnsupported.text);

  // The model reads the source instead (offline: the word-overlap verdicts, $0), and says why on hover.
  await expect(grounding).toHaveAttribute('data-method', 'lexical');
  await grounding.getByRole('button', { name: 'Check with the model' }).click();
  await expect(page.getByText('Grounding checked')).toBeVisible();
  await expect(grounding).toHaveAttribute('data-method', 'provider');
  await expect(grounding.getByTestId('grounding-how')).toContainText(/Checked offline by shared words \(\$0\): \d+ of \d+ factual statements are supported/);
  await expect(grounding.getByTestId('unsupported-sentence').first()).toHaveAttribute('title', /^Not supported: \d+ % of its words are in the source/);
  await expect(grounding.getByRole('button', { name: 'Check again' })).toBeVisible();
});
