import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/session';

/** A visitor who is not signed in is sent to the sign-in page, and back to the table after. */
async function signInFromHome(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('Email').fill('admin@example.test');
  await page.getByLabel('Password').fill('admin-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/conversations/);
}

test('a wrong password is explained and changes nothing', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('admin@example.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('do not match');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('sign in, filter by persona, open a preview, generate and read the turns', async ({ page }) => {
  await signInFromHome(page);
  const table = page.getByRole('table', { name: 'Conversations' });
  await expect(table.locator('tbody tr')).toHaveCount(25);
  await expect(page.getByTestId('result-count')).toHaveText('96 conversations');
  await expect(page.getByTestId('provider-banner')).toContainText('Offline generator');

  // Filter by persona: the URL holds the filter and every row matches.
  await page.locator('[data-filter="persona"]').click();
  await page.getByRole('menuitemcheckbox', { name: 'Anxious Investor' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/persona=anxious_investor/);
  await expect(page.getByTestId('result-count')).toContainText(/Showing \d+ of 96 conversations/);
  const personaCells = table.locator('tbody tr td[data-column="persona"]');
  await expect(personaCells.first()).toHaveText('Anxious Investor');
  // The unfiltered rows stay on screen until the filtered page arrives ("Showing … of 96" can already show over them), so wait for the rows to change.
  await expect.poll(async () => [...new Set(await personaCells.allTextContents())]).toEqual(['Anxious Investor']);
  await expect(page.getByRole('button', { name: /Remove filter Persona: Anxious Investor/ })).toBeVisible();

  // Open the first planned (not generated) row in the preview panel.
  const firstPlanned = table.locator('tbody tr').filter({ has: page.locator('[data-status="not_generated"]') }).first();
  const conversationId = (await firstPlanned.getAttribute('data-row'))!;
  const row = table.locator(`tr[data-row="${conversationId}"]`);
  await row.click();
  const preview = page.getByRole('complementary', { name: 'Conversation preview' });
  await expect(preview).toContainText(conversationId);
  await expect(preview).toContainText('Not generated yet');
  await expect(page).toHaveURL(new RegExp(`open=${conversationId}`));

  // The preview sits beside the table's area (which scrolls sideways if narrow), not over it.
  const tableArea = (await table.locator('xpath=ancestor::section[1]').boundingBox())!;
  const previewBox = (await preview.boundingBox())!;
  expect(tableArea.x + tableArea.width).toBeLessThanOrEqual(previewBox.x + 1);

  // Generate from the preview (beside it the table keeps only the columns a reviewer scans):
  // the row's status passes through Generating and ends Generated.
  await preview.getByTestId('generate-button').click();
  await expect(preview.getByTestId('generate-button')).toBeDisabled();
  await expect(row.locator('[data-status="generated"]')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(`${conversationId} generated`)).toBeVisible();

  // The turns are readable in the preview.
  const turns = preview.getByRole('list', { name: 'Conversation turns' }).locator('li');
  await expect(turns.first()).toContainText('USER');
  await expect(turns.nth(1)).toContainText('ASSISTANT');
  expect(await turns.count()).toBeGreaterThanOrEqual(6);

  // Esc closes the preview.
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
});

test('sorting, searching and paging are kept in the URL', async ({ page }) => {
  await signIn(page);
  const table = page.getByRole('table', { name: 'Conversations' });
  await page.getByRole('button', { name: 'ID', exact: true }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(table.locator('tbody tr').first().locator('td[data-column="conversationId"]')).toHaveText('seed-006');

  await page.getByRole('button', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/page=2/);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');

  await page.getByLabel('Search conversations').fill('conv-00042');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(page).toHaveURL(/q=conv-00042/);

  await page.getByLabel('Search conversations').fill('no such conversation anywhere');
  await expect(page.getByTestId('empty-state')).toContainText('No conversations match your filters');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(25);
});

test('the preview sits beside the table at 1366×768', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page);
  await page.goto('/conversations?open=seed-001');
  const table = page.getByRole('table', { name: 'Conversations' });
  const preview = page.getByRole('complementary', { name: 'Conversation preview' });
  await expect(preview.getByRole('list', { name: 'Conversation turns' })).toBeVisible();
  const previewBox = (await preview.boundingBox())!;
  const sectionBox = (await table.locator('xpath=ancestor::section[1]').boundingBox())!;
  expect(sectionBox.x + sectionBox.width).toBeLessThanOrEqual(previewBox.x + 1);
  expect(previewBox.x + previewBox.width).toBeLessThanOrEqual(1366);
});
