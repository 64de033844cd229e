import { SAME_ORIGIN } from '../../playwright.config';
import net from 'node:net';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/session';
import { startFakeOpenAI } from '../fakes/openai-fake';

/**
 * Errors as a user meets them (US2.2.2, US11.3.1, US11.3.2): the workspace is pointed at an
 * OpenAI-compatible server on a loopback port nobody listens on, so generation really fails
 * (a connection error, retried and then given up); the failed badge explains it; fixing the
 * setting and retrying generates the conversation.
 */
test.describe.configure({ mode: 'serial' });

/** Set CONVGEN_SHOTS_DIR to also save screenshots at 1920×1080 and 1366×768. */
const SHOTS = process.env.CONVGEN_SHOTS_DIR;
async function snap(page: Page, name: string) {
  if (!SHOTS) return;
  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300); // let the layout settle after the resize before capturing
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
}


/** A loopback port that was just free: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Two planned conversations: one retried from its dialog, one by "Retry all failed". */
let first: string;
let second: string;

test('a failed badge explains the error in plain English; after the cause is fixed, Retry generates it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page);
  const settings = await (await page.request.get('/api/settings')).json();
  const original = { provider: settings.generation.provider, openaiBaseUrl: settings.generation.openaiBaseUrl, rateLimitPreset: settings.generation.rateLimitPreset };
  const planned = (await (await page.request.get('/api/conversations?status=not_generated&sort=conversationId&dir=desc&pageSize=25')).json()).items.filter((c: { isSeed: boolean }) => !c.isSeed);
  expect(planned.length).toBeGreaterThanOrEqual(2);
  [first, second] = [planned[0].conversationId, planned[1].conversationId];

  // No rate limit: six refused calls must not wait for a token budget meant for a real API.
  const broken = await page.request.patch('/api/settings', { headers: SAME_ORIGIN, data: { generation: { provider: 'openai', openaiBaseUrl: `http://127.0.0.1:${await closedPort()}/v1`, rateLimitPreset: 'unlimited' } } });
  expect(broken.status()).toBe(200);
  try {
    // Generate the first from its row, the second through the API.
    await page.goto(`/conversations?q=${first}`);
    const row = page.locator(`tr[data-row="${first}"]`);
    await row.getByTestId('generate-button').click();
    expect((await page.request.post(`/api/conversations/${second}/generate`, { headers: SAME_ORIGIN })).status()).toBe(202);
    // Three attempts with 1 s and 2 s pauses, then the conversation is Failed.
    await expect(row.locator('[data-status="failed"]')).toBeVisible({ timeout: 30_000 });

    // The badge opens the error dialog, not the preview.
    await row.getByTestId('failed-badge').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'convgen could not reach the AI provider' })).toBeVisible();
    await expect(page).not.toHaveURL(/open=/);
    await expect(page.getByRole('complementary', { name: 'Conversation preview' })).toBeHidden();
    const body = dialog.getByTestId('error-dialog-body');
    await expect(body).toHaveAttribute('data-category', 'api');
    await expect(body).toHaveAttribute('data-retryable', 'true');
    await expect(body.locator('[data-category="api"]')).toHaveText('API error');
    await expect(body.locator('[data-retryable="true"]')).toHaveText('Retryable');
    await expect(dialog.getByTestId('error-next-step')).toContainText('base URL');
    await expect(dialog.getByTestId('raw-error-message')).toContainText('Could not reach the provider');
    await expect(dialog.getByText('Attempts', { exact: true }).locator('xpath=following-sibling::dd')).toHaveText('3');
    await expect(dialog.getByText('Kind', { exact: true }).locator('xpath=following-sibling::dd')).toHaveText('Network failure');
    await expect(dialog.getByRole('region', { name: 'Conversation' })).toContainText(first);
    // Retryable: no support block, and Retry is on.
    await expect(dialog.getByTestId('support-block')).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: 'Retry', exact: true })).toBeEnabled();

    // Technical details: every failed call, and what the provider answered (nothing: it was never reached).
    await dialog.getByText('Technical details').click();
    await expect(dialog.getByRole('table', { name: 'Latest failed calls' }).locator('tbody tr')).toHaveCount(3);
    await expect(dialog.getByTestId('technical-details')).toContainText('The provider sent no response body');
    await snap(page, 'error-dialog');

    // Copy details puts a support-ready report on the clipboard.
    await dialog.getByTestId('copy-error-details').click();
    await expect(page.getByText('Copied', { exact: true })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`convgen error report: ${first}`);
    expect(copied).toContain('Kind: Network failure');
    expect(copied).toContain('Attempts: 3');
  } finally {
    // Fix the cause: back to the workspace's own provider.
    const fixed = await page.request.patch('/api/settings', { headers: SAME_ORIGIN, data: { generation: original } });
    expect(fixed.status()).toBe(200);
  }
  await expect.poll(async () => (await (await page.request.get('/api/health')).json()).provider).toBe('offline');

  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(dialog).toBeHidden();
  const row = page.locator(`tr[data-row="${first}"]`);
  await expect(row.locator('[data-status="generated"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`${first} generated`)).toBeVisible();
});

test('a refused API key is a permanent user error: Retry is off until the key is fixed, then "Retry anyway" works', async ({ page }) => {
  await signIn(page);
  // An OpenAI-compatible server (the wire-format fake) that accepts one key only.
  const fake = await startFakeOpenAI({ apiKey: 'sk-the-right-key' });
  const settings = await (await page.request.get('/api/settings')).json();
  const original = { provider: settings.generation.provider, openaiBaseUrl: settings.generation.openaiBaseUrl, rateLimitPreset: settings.generation.rateLimitPreset };
  const planned = (await (await page.request.get('/api/conversations?status=not_generated&sort=conversationId&dir=desc&pageSize=25')).json()).items.filter(
    (c: { isSeed: boolean; conversationId: string }) => !c.isSeed && c.conversationId !== first && c.conversationId !== second,
  );
  const third: string = planned[0].conversationId;
  try {
    const wrongKey = await page.request.patch('/api/settings', {
      headers: SAME_ORIGIN,
      data: { generation: { provider: 'openai', openaiBaseUrl: `${fake.url}/v1`, rateLimitPreset: 'unlimited' }, openaiApiKey: 'sk-a-wrong-key' },
    });
    expect(wrongKey.status()).toBe(200);
    expect((await page.request.post(`/api/conversations/${third}/generate`, { headers: SAME_ORIGIN })).status()).toBe(202);
    // A refused key is not retried: one attempt, then Failed.
    await expect.poll(async () => (await (await page.request.get(`/api/conversations/${third}`)).json()).status, { timeout: 30_000 }).toBe('failed');

    await page.goto(`/conversations?q=${third}`);
    await page.locator(`tr[data-row="${third}"]`).getByTestId('failed-badge').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'The API key was refused' })).toBeVisible();
    const body = dialog.getByTestId('error-dialog-body');
    await expect(body).toHaveAttribute('data-category', 'user');
    await expect(body.locator('[data-category="user"]')).toHaveText('User error');
    await expect(body.locator('[data-retryable="false"]')).toHaveText('Permanent');
    await expect(body).toContainText('HTTP 401');
    await expect(dialog.getByText('Attempts', { exact: true }).locator('xpath=following-sibling::dd')).toHaveText('1');
    // Retry is off, with the reason; "Retry anyway" stays available for after the fix.
    await expect(dialog.getByRole('button', { name: 'Retry', exact: true })).toBeDisabled();
    await expect(dialog).toContainText('Retry is off because this error is permanent');
    // Unrecoverable by retrying: a support request and the other errors of this kind are offered.
    const support = dialog.getByTestId('support-block');
    await expect(support.getByRole('link', { name: 'Email a support request' })).toHaveAttribute('href', /^mailto:\?subject=convgen%3A%20conv-\d+%20failed%20\(API%20key%20refused\)&body=/);
    await expect(support.getByRole('link', { name: 'Other errors of this kind' })).toHaveAttribute('href', '/errors?errorKind=auth');
    // The technical details show what the provider answered.
    await dialog.getByText('Technical details').click();
    await expect(dialog.getByTestId('response-payload')).toContainText('invalid_api_key');
    await snap(page, 'error-dialog-permanent');

    // Fix the cause (the right key), then retry.
    expect((await page.request.patch('/api/settings', { headers: SAME_ORIGIN, data: { openaiApiKey: 'sk-the-right-key' } })).status()).toBe(200);
    await dialog.getByRole('button', { name: 'Retry anyway' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator(`tr[data-row="${third}"]`).locator('[data-status="generated"]')).toBeVisible({ timeout: 30_000 });
    expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.status)).toEqual([401, 200]);
  } finally {
    await page.request.patch('/api/settings', { headers: SAME_ORIGIN, data: { generation: original, openaiApiKey: null } });
    await fake.close();
  }
});

test('the Errors page lists failed attempts with filters in the URL, and retries all failed', async ({ page }) => {
  await signIn(page);
  await expect.poll(async () => (await (await page.request.get(`/api/conversations/${second}`)).json()).status, { timeout: 30_000 }).toBe('failed');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Errors' }).click();
  await expect(page).toHaveURL(/\/errors$/);
  const log = page.getByRole('table', { name: 'Error log' });
  await expect(log.getByRole('link', { name: first, exact: true })).toHaveCount(3);
  await expect(log.getByRole('link', { name: second, exact: true })).toHaveCount(3);
  const firstRow = log.locator('tbody tr').filter({ has: page.getByRole('link', { name: first, exact: true }) }).first();
  await expect(firstRow.getByTestId('error-kind')).toHaveText('Network failure');
  await expect(firstRow.locator('[data-category="api"]')).toBeVisible();
  await expect(firstRow.locator('[data-retryable="true"]')).toHaveText('Retryable');
  await snap(page, 'errors-page');

  // Filter by kind: the URL holds it, every row matches, the CSV link carries the same filter.
  await page.getByLabel('Kind').selectOption('network');
  await expect(page).toHaveURL(/errorKind=network/);
  // The earlier rows stay on screen until the filtered page arrives, so wait for the rows to change.
  const rowKinds = () => log.locator('tbody tr').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-kind')))]);
  await expect.poll(rowKinds).toEqual(['network']);
  await expect(log.getByRole('link', { name: first, exact: true })).toHaveCount(3);
  const csvHref = (await page.getByTestId('errors-csv').getAttribute('href'))!;
  expect(csvHref).toContain('errorKind=network');
  expect(csvHref).toContain('status=error');
  const csv = await (await page.request.get(csvHref)).text();
  expect(csv.split('\r\n')[0]).toMatch(/^createdAt,conversationLabel/);
  expect(csv).toContain(first);

  // The refused key of the previous test is the one auth error, a red user error.
  await page.getByLabel('Kind').selectOption('auth');
  await expect(log.locator('tbody tr')).toHaveCount(1);
  await expect(log.locator('tbody tr').first().locator('[data-category="user"]')).toHaveText('User error');
  await page.getByLabel('Kind').selectOption('rate_limited');
  await expect(page).toHaveURL(/errorKind=rate_limited/);
  await expect(page.getByTestId('errors-empty')).toContainText('No errors match these filters.');
  // A reload keeps the view.
  await page.reload();
  await expect(page.getByLabel('Kind')).toHaveValue('rate_limited');
  await page.getByTestId('errors-empty').getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/errors$/);

  // Filter by conversation.
  await page.getByRole('textbox', { name: 'Conversation' }).fill(second);
  await page.getByRole('textbox', { name: 'Conversation' }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`conversationId=${second}`));
  await expect(log.locator('tbody tr')).toHaveCount(3);

  // Retry all failed: confirm, then the second conversation is generated.
  await page.getByTestId('retry-all-failed').click();
  const confirm = page.getByRole('dialog');
  await expect(confirm.getByRole('heading', { name: /^Retry \d+ failed conversations?\?$/ })).toBeVisible();
  await confirm.getByRole('button', { name: /^Retry \d+$/ }).click();
  await expect(page.getByText(/^Retrying \d+ failed conversations?$/)).toBeVisible();
  await expect.poll(async () => (await (await page.request.get(`/api/conversations/${second}`)).json()).status, { timeout: 30_000 }).toBe('generated');

  // The conversation link opens its preview.
  await log.getByRole('link', { name: second, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/conversations\\?open=${second}`));
  await expect(page.getByRole('complementary', { name: 'Conversation preview' })).toContainText(second);
});

test('a crashing page shows a friendly fallback, logs it, and leaves the menu usable', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page);
  // A server answer of the wrong shape (as from a mismatched proxy or an older server) crashes the page's render:
  // here an attempt number that is an object.
  const logList = (url: URL) => url.pathname === '/api/generation-logs';
  await page.route(logList, (route) => route.fulfill({ json: { items: [{ id: 'bad-row', createdAt: '2026-05-01T00:00:00Z', attempt: { n: 1 } }], total: 1 } }));
  const logged = page.waitForRequest((r) => r.url().endsWith('/api/client-errors') && r.method() === 'POST');
  await page.goto('/errors');
  const fallback = page.getByTestId('error-fallback');
  await expect(fallback).toHaveAttribute('data-section', 'page');
  await expect(fallback.getByRole('heading', { name: 'This page could not be shown' })).toBeVisible();
  await expect(fallback).toContainText('the rest of the app still works');
  expect((await logged).postDataJSON()).toMatchObject({ section: 'page', url: expect.stringContaining('/errors') });

  // Report issue copies a report with the error, the section and the app version.
  await fallback.getByRole('button', { name: 'Report issue' }).click();
  await expect(page.getByText('Issue report copied')).toBeVisible();
  const report = await page.evaluate(() => navigator.clipboard.readText());
  expect(report).toContain('convgen issue report');
  expect(report).toContain('Section: page');
  expect(report).toMatch(/App version: \d+\.\d+\.\d+/);
  await snap(page, 'error-boundary');

  // The menu still works, and another page renders.
  const menu = page.getByRole('navigation', { name: 'Main' });
  await menu.getByRole('link', { name: 'Runs' }).click();
  await expect(page.getByRole('heading', { name: 'Runs' })).toBeVisible();
  await expect(fallback).toBeHidden();

  // Back on the broken page, once the server answers properly, "Reload this section" recovers it.
  await menu.getByRole('link', { name: 'Errors' }).click();
  await expect(fallback).toBeVisible();
  await page.unroute(logList);
  await fallback.getByRole('button', { name: 'Reload this section' }).click();
  await expect(page.getByRole('table', { name: 'Error log' })).toBeVisible();
  await expect(fallback).toBeHidden();
});
