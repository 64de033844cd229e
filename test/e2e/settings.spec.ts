import { SAME_ORIGIN } from '../../playwright.config';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/session';
import { startFakeOpenAI } from '../fakes/openai-fake';

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

  // Requiring a test before a template goes live is a setting too, kept and listed like the others.
  const templatesCard = page.getByRole('region', { name: 'Templates' });
  await templatesCard.getByLabel('Require a successful test before activation').check();
  await templatesCard.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Template settings saved')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Templates' }).getByLabel('Require a successful test before activation')).toBeChecked();
  await expect(history.getByRole('row').filter({ hasText: 'Require a test before activating a template' }).first()).toContainText('off → on');
  expect((await page.request.patch('/api/settings', { headers: SAME_ORIGIN, data: { templates: { requireTestBeforeActivation: false } } })).status()).toBe(200);

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

test('the limits a provider announces show in run progress and on the Settings page; an admin’s own value wins', async ({ page }) => {
  await signIn(page);
  // An OpenAI-compatible server that allows 40 requests and 90,000 tokens a minute, and says so in its headers.
  const fake = await startFakeOpenAI({ requestsPerMinute: 40, inputTokensPerMinute: 90_000, latencyMs: 4000 });
  const settings = await (await page.request.get('/api/settings')).json();
  const original = { provider: settings.generation.provider, openaiBaseUrl: settings.generation.openaiBaseUrl, rateLimitOverrides: settings.generation.rateLimitOverrides };
  expect(settings.generation.rateLimitPreset).toBe('learn');
  try {
    expect((await page.request.patch('/api/settings', { headers: SAME_ORIGIN, data: { generation: { provider: 'openai', openaiBaseUrl: `${fake.url}/v1` } } })).status()).toBe(200);
    const planned = (await (await page.request.get('/api/conversations?status=not_generated&sort=conversationId&dir=asc&pageSize=25')).json()).items.filter((c: { isSeed: boolean }) => !c.isSeed);
    const ids = planned.slice(0, 6).map((c: { conversationId: string }) => c.conversationId);
    expect(ids).toHaveLength(6);
    expect((await page.request.post('/api/runs', { headers: SAME_ORIGIN, data: { conversationIds: ids } })).status()).toBe(201);

    // Once the first answer has come back, the run says what the provider allows.
    await page.goto('/conversations');
    await expect(page.getByTestId('progress-panel').getByTestId('provider-allows')).toHaveText('· provider allows 40 requests/min, 90,000 tokens/min', { timeout: 30_000 });
    if (SHOTS) await page.getByTestId('progress-panel').screenshot({ path: `${SHOTS}/run-progress-provider-allows.png` });

    await page.goto('/settings');
    const generation = page.getByRole('region', { name: 'Generation' });
    await expect(generation.getByLabel('Rate limits')).toHaveValue('learn');
    const inForce = generation.getByTestId('rate-limits-in-force');
    await expect(inForce.locator('[data-field="requestsPerMinute"]')).toHaveText('Requests/min40 (announced by the provider)');
    await expect(inForce.locator('[data-field="tokensPerMinute"]')).toHaveText('Tokens/min (input + output)90,000 (announced by the provider)');
    await expect(inForce).toContainText('The provider announced its limits');

    // An admin leaves room for other apps on the same key.
    await generation.getByLabel('Requests/min', { exact: true }).fill('20');
    await generation.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Generation settings saved')).toBeVisible();
    await expect(inForce.locator('[data-field="requestsPerMinute"]')).toHaveAttribute('data-source', 'override');
    await expect(inForce.locator('[data-field="requestsPerMinute"]')).toHaveText('Requests/min20 (your limit; the provider allows 40)');
    // Off the Save button, which the toast covers: a hovered toast never leaves.
    await page.mouse.move(0, 0);
    await shoot(page, 'learned-limits');
    await expect.poll(async () => (await (await page.request.get('/api/runs?limit=1')).json()).items[0].status, { timeout: 60_000 }).toBe('completed');
  } finally {
    await page.request.patch('/api/settings', { headers: SAME_ORIGIN, data: { generation: original } });
    await fake.close();
  }
});
