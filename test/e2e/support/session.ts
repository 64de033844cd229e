import { expect, type Cookie, type Page } from '@playwright/test';

/**
 * Signs in as the e2e admin once per test run and reuses the session cookie afterwards: the
 * server allows 10 sign-ins a minute per address, and the suite has more tests than that.
 */
let session: Cookie[] | null = null;

export async function signIn(page: Page, path = '/conversations') {
  if (session) {
    await page.context().addCookies(session);
    await page.goto(path);
    await expect(page).toHaveURL(/\/conversations|\/errors|\/runs|\/documents/);
    return;
  }
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('admin@example.test');
  await page.getByLabel('Password').fill('admin-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/conversations/);
  session = await page.context().cookies();
  if (path !== '/conversations') await page.goto(path);
}
