import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/session';

/**
 * A shared or hand-edited link with a bad value opens the page as if the value were not there
 * (DESIGN.md, "The URL holds view state"): `/errors?from=abc` and `/audit?from=abc` used to crash
 * their page sections.
 */

/** Fails the test on any uncaught error in the page, not only on the fallback being shown. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

test('/errors?from=abc shows the error log with the bad date ignored', async ({ page }) => {
  const errors = collectPageErrors(page);
  await signIn(page, '/errors?from=abc&to=2026-02-30&page=abc&errorKind=auth');
  await expect(page.getByRole('heading', { name: 'Errors', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Error log' })).toBeVisible();
  // The log has loaded (rows or its empty state), filtered by the one good value only.
  await expect(page.getByTestId('errors-empty').or(page.getByTestId('errors-count'))).toBeVisible();
  await expect(page.getByLabel('From')).toHaveValue('');
  await expect(page.getByLabel('To')).toHaveValue('');
  await expect(page.getByLabel('Kind')).toHaveValue('auth');
  await expect(page.getByTestId('error-fallback')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('/audit?from=abc shows the review log and the activity report with the bad date ignored', async ({ page }) => {
  const errors = collectPageErrors(page);
  await signIn(page);
  await page.goto('/audit?from=abc&to=yesterday&action=undo');
  await expect(page.getByRole('heading', { name: 'Audit', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Review log' })).toBeVisible();
  await expect(page.getByTestId('audit-empty').or(page.getByTestId('audit-count'))).toBeVisible();
  await expect(page.getByLabel('From')).toHaveValue('');
  await expect(page.getByLabel('Action')).toHaveValue('undo');

  await page.goto('/audit?tab=activity&from=abc');
  await expect(page.getByRole('table', { name: 'Activity by user' })).toBeVisible();
  await expect(page.getByTestId('activity-row').first().or(page.getByTestId('activity-empty'))).toBeVisible();
  await expect(page.getByLabel('From')).toHaveValue('');
  await expect(page.getByTestId('error-fallback')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a conversations link with bad values opens the default view', async ({ page }) => {
  const errors = collectPageErrors(page);
  await signIn(page, '/conversations?pageSize=1000&page=abc&sort=nope&status=done&qualityMax=11');
  await expect(page.getByRole('table', { name: 'Conversations' }).locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('result-count')).not.toHaveText('Loading…');
  await expect(page.getByTestId('error-fallback')).toHaveCount(0);
  expect(errors).toEqual([]);
});
