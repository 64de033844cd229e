import { SAME_ORIGIN } from '../../playwright.config';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/session';

/** Set SETTINGS_SHOTS=/tmp/shots to also save screenshots of the page at two screen sizes. */
const SHOTS = process.env.SETTINGS_SHOTS;
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await expect(page.locator('[data-sonner-toast]')).toHaveCount(0, { timeout: 15_000 });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/settings-${name}-${size.width}x${size.height}.png` });
    // The page scrolls inside its own panel: a second shot of its end (permissions and history).
    await page.evaluate(() => document.querySelector('section[aria-labelledby="settings-heading"]')?.scrollTo(0, 1e6));
    await page.screenshot({ path: `${SHOTS}/settings-${name}-end-${size.width}x${size.height}.png` });
    await page.evaluate(() => document.querySelector('section[aria-labelledby="settings-heading"]')?.scrollTo(0, 0));
  }
  await page.setViewportSize(SIZES[0]);
}

test.describe.configure({ mode: 'serial' });

test('an admin changes retention and the approval score; they are kept and listed in the history', async ({ page }) => {
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

  const retention = page.getByRole('region', { name: 'Retention' });
  await retention.getByLabel('Keep generation logs (days)').fill('45');
  await retention.getByLabel('Keep export history (days)').fill('400');
  await retention.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Retention saved')).toBeVisible();

  const quality = page.getByRole('region', { name: 'Quality' });
  await quality.getByLabel('Minimum score for approval').fill('7');
  await quality.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Quality settings saved')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('region', { name: 'Retention' }).getByLabel('Keep generation logs (days)')).toHaveValue('45');
  await expect(page.getByRole('region', { name: 'Retention' }).getByLabel('Keep export history (days)')).toHaveValue('400');
  await expect(page.getByRole('region', { name: 'Quality' }).getByLabel('Minimum score for approval')).toHaveValue('7');

  const history = page.getByRole('table', { name: 'Settings change history' });
  const logsRow = history.getByRole('row').filter({ hasText: 'Keep generation logs (days)' }).first();
  await expect(logsRow).toContainText('Admin');
  await expect(logsRow).toContainText('90 → 45');
  const scoreRow = history.getByRole('row').filter({ hasText: 'Minimum score for approval' }).first();
  await expect(scoreRow).toContainText('Admin');
  await expect(scoreRow).toContainText('6 → 7');

  // The cleanup reports what it did.
  await page.getByRole('region', { name: 'Retention' }).getByRole('button', { name: 'Run cleanup now' }).click();
  await expect(page.getByTestId('retention-result')).toContainText('generation logs');

  await shoot(page, 'page');
});

test('an invalid value shows the API message next to the field and changes nothing', async ({ page }) => {
  await signIn(page);
  await page.goto('/settings');
  const before = await (await page.request.get('/api/settings')).json();
  const historyBefore = (await (await page.request.get('/api/settings/history')).json()).total;

  const retention = page.getByRole('region', { name: 'Retention' });
  await retention.getByLabel('Keep generation logs (days)').fill('0');
  await retention.getByRole('button', { name: 'Save' }).click();
  await expect(retention.getByRole('alert')).toHaveText("The field 'retention.logsDays' must be at least 1.");
  await expect(retention.getByLabel('Keep generation logs (days)')).toHaveAttribute('aria-invalid', 'true');
  if (SHOTS) await retention.screenshot({ path: `${SHOTS}/settings-error-card.png` });

  expect(await (await page.request.get('/api/settings')).json()).toEqual(before);
  expect((await (await page.request.get('/api/settings/history')).json()).total).toBe(historyBefore);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Retention' }).getByLabel('Keep generation logs (days)')).toHaveValue('45');
});

test('a reviewer has no Settings link and is told only admins can change settings', async ({ page, browser }) => {
  await signIn(page);
  const email = `reviewer-${Date.now()}@example.test`;
  expect((await page.request.post('/api/users', { headers: SAME_ORIGIN, data: { email, name: 'Rita Reviewer', role: 'reviewer', password: 'reviewer-password' } })).status()).toBe(201);

  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto('/sign-in');
  await other.getByLabel('Email').fill(email);
  await other.getByLabel('Password').fill('reviewer-password');
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other).toHaveURL(/\/conversations/);
  await expect(other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' })).toBeVisible();
  await expect(other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await other.goto('/settings');
  await expect(other.getByRole('heading', { name: 'Only admins can change workspace settings' })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Save' })).toHaveCount(0);
  expect((await other.request.get('/api/settings/history')).status()).toBe(403);
  await context.close();
});
