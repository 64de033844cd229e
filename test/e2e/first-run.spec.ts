import { expect, test } from '@playwright/test';
import { FIRST_RUN_PORT } from '../../playwright.config';

test.use({ baseURL: `http://localhost:${FIRST_RUN_PORT}` });

test('a new workspace asks for the admin account, then shows an empty table that explains itself', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup/);
  await expect(page.getByRole('heading', { name: 'Welcome to convgen' })).toBeVisible();

  await page.getByLabel('Your name').fill('Dana');
  await page.getByLabel('Email').fill('dana@example.test');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page.getByRole('alert')).toContainText('at least 8 characters');

  await page.getByLabel('Password').fill('a-long-password');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page).toHaveURL(/\/conversations/);
  await expect(page.getByTestId('empty-state')).toContainText('No conversations yet');

  // Signing out returns to the sign-in page, and the account works there.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The first-run page is gone once the admin exists.
  await page.goto('/setup');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('Email').fill('dana@example.test');
  await page.getByLabel('Password').fill('a-long-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/conversations/);
});
