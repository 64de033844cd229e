import { expect, test } from '@playwright/test';
import { signIn } from './support/session';

// A template of its own, deleted at the end, so the demo workspace other specs use is left as it was.
const NAME = `Browser Test Template ${Date.now()}`;

test('create a template, edit it as a draft with placeholders flagged, see the diff, test it, activate it, then delete it', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  await page.getByRole('link', { name: 'Templates' }).first().click();
  await expect(page.getByRole('heading', { name: 'Templates', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Templates' })).toBeVisible();

  await page.getByRole('button', { name: 'New template' }).click();
  const create = page.getByRole('dialog', { name: 'New template' });
  await create.getByLabel('Name').fill(NAME);
  await create.getByLabel('Tier', { exact: true }).selectOption('scenario');
  await create.getByRole('button', { name: 'Create and edit' }).click();
  await expect(page).toHaveURL(/\/templates\?id=/);
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
  await expect(page.getByTestId('preview-prompt')).toBeVisible();

  // An unknown placeholder is flagged as it is typed, and the draft cannot be saved with it.
  const body = page.getByLabel('Template text');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nKeep every answer under {word_limit} words.');
  await expect(page.getByTestId('unknown-placeholders')).toContainText('{word_limit}');
  await expect(page.getByRole('button', { name: 'Save as draft' })).toBeDisabled();
  for (let i = 0; i < '{word_limit} words.'.length; i++) await page.keyboard.press('Backspace');
  await page.getByRole('button', { name: '{tone} The tone' }).click();
  await expect(page.getByTestId('unknown-placeholders')).toHaveCount(0);
  await expect(page.getByTestId('preview-prompt')).toContainText('Keep every answer under');
  await page.getByLabel('Note for this version').fill('Shorter answers');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page.getByText('Saved as draft v2')).toBeVisible();

  // The versions: v2 is a draft; the diff shows the added line.
  await expect(page.getByTestId('version-2')).toContainText('draft');
  await expect(page.getByTestId('version-2')).toContainText('Shorter answers');
  const diff = page.getByTestId('version-diff');
  await expect(diff).toBeVisible();
  await expect(diff.locator('tr[data-kind="added"], tr[data-kind="changed"]').first()).toContainText('Keep every answer under');
  await expect(page.getByTestId('diff-summary')).toContainText('added');

  // Test the draft: one request, a scored conversation, nothing kept.
  await page.getByRole('button', { name: 'Test template', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('test-prompt')).toContainText('Keep every answer under');
  await dialog.getByRole('button', { name: 'Send test request' }).click();
  await expect(dialog.getByTestId('test-result')).toBeVisible();
  await expect(dialog.getByTestId('test-score')).toHaveText(/\d+\.\d/);
  await expect(dialog.getByRole('list', { name: 'Test conversation' }).locator('li').first()).toContainText('USER');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByTestId('version-2')).toContainText('tested');

  // Activate the draft: v2 becomes the active version.
  await page.getByRole('button', { name: 'Activate v2' }).click();
  await expect(page.getByText(`${NAME} v2 is active`)).toBeVisible();
  await expect(page.getByTestId('version-2')).toContainText('active');
  await expect(page.getByRole('button', { name: 'Roll back' })).toBeVisible();

  // Clean up: delete it (nothing uses it), after confirming.
  await page.getByRole('button', { name: `Delete ${NAME}` }).click();
  await expect(page.getByRole('dialog')).toContainText('cannot be undone');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByRole('link', { name: NAME })).toHaveCount(0);
});
