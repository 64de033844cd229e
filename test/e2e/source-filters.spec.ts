import { expect, test } from '@playwright/test';
import { signIn } from './support/session';

test.describe.configure({ mode: 'serial' });

test('filter the table by source category, open a conversation and click through to its document', async ({ page }) => {
  await signIn(page, '/conversations');
  const table = page.getByRole('table', { name: 'Conversations' });
  await expect(table.locator('tbody tr[data-row]').first()).toBeVisible();

  await page.locator('[data-filter="source category"]').click();
  await page.getByRole('menuitemcheckbox', { name: 'Complete Systems' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/category=Complete(\+|%20)Systems/);
  await expect(page.getByTestId('result-count')).toContainText(/Showing \d+ of \d+ conversations/);
  await expect(page.getByRole('button', { name: /Remove filter Source category: Complete Systems/ })).toBeVisible();
  await expect(page.getByTestId('generate-from-category')).toHaveText(/Generate from Complete Systems only/);

  // The quick action asks first, with the usual estimate, and only for that category.
  await page.getByTestId('generate-from-category').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Generate from Complete Systems only?');
  await expect(dialog.getByTestId('estimate-count')).toHaveText(/\d+/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The filter survives a reload: it lives in the URL.
  await page.reload();
  await expect(page.getByRole('button', { name: /Remove filter Source category: Complete Systems/ })).toBeVisible();

  const row = table.locator('tbody tr[data-row]').first();
  await row.click();
  const preview = page.getByRole('complementary', { name: 'Conversation preview' });
  const source = preview.getByTestId('preview-source');
  await expect(source).toContainText('Complete Systems');
  await expect(source.getByRole('definition').first()).toBeVisible();

  await source.getByTestId('source-document-link').click();
  await expect(page).toHaveURL(/\/documents\?document=[0-9a-f-]{36}&chunk=[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { name: 'Documents' })).toBeVisible();
});

test('derive dimensions from the Documents page: estimate, confirm, progress to the end', async ({ page }) => {
  await signIn(page, '/documents');
  await page.getByTestId('derive-dimensions').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Derive chunk dimensions?');
  // The demo's chunks all have dimensions: only-missing counts just the chunks of documents other
  // tests uploaded (none when this test runs alone); analysing them all again counts more.
  const count = dialog.getByTestId('dimension-estimate-count');
  await expect(count).toHaveText(/^\d+$/);
  const missing = Number(await count.textContent());
  await dialog.getByLabel('Only chunks without dimensions').uncheck();
  await expect.poll(async () => Number(await count.textContent())).toBeGreaterThan(missing);
  await expect(dialog.getByTestId('dimension-estimate-cost')).toContainText('$0.00');
  await dialog.getByRole('button', { name: /^Analyse \d+ chunks?$/ }).click();
  await expect(dialog.getByText('Finished')).toBeVisible({ timeout: 45_000 });

  await page.goto('/runs');
  await expect(page.getByRole('cell', { name: 'Chunk dimensions' }).first()).toBeVisible();
});
