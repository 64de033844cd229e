import { expect, test } from '@playwright/test';
import { useOwnServer } from './support/own-server';

// Its own demo workspace: the check stores token counts and the spec changes the preflight settings.
const { base, signInAsAdmin } = useOwnServer({ name: 'preflight', portOffset: 11, admin: { email: 'trainer@example.test', password: 'trainer-password' } });

test('the export dialog checks token lengths; the table shows and filters them; the preflight view lists what a trainer would cut', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  await page.goto('/conversations?status=approved');
  const row = page.getByRole('row').filter({ hasText: 'seed-002' });
  await expect(row).toBeVisible();
  // Nothing counted yet.
  await expect(row.getByRole('cell').filter({ hasText: '—' })).toHaveCount(1);

  // The export dialog: the check runs for the export's selection with the settings' defaults.
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export conversations' });
  const check = dialog.getByTestId('preflight-check');
  await expect(check).toBeVisible();
  await expect(check.getByLabel('Base model')).toHaveValue('llama-3.1');
  await expect(check.getByLabel('Max sequence length')).toHaveValue('4096');
  // The check's answer is held back until its progress has been seen: the bar reaches the total.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    '**/api/preflight',
    async (route) => {
      const response = await route.fetch();
      await released;
      await route.fulfill({ response });
    },
    { times: 1 },
  );
  await check.getByRole('button', { name: 'Check token lengths' }).click();
  const progress = check.getByTestId('preflight-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar', { name: 'Trainer preflight progress' })).toHaveAttribute('aria-valuenow', '6', { timeout: 90_000 });
  await expect(progress).toContainText('Checked 6 conversations');
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuemax', '6');
  release();
  await expect(check.getByTestId('preflight-figures')).toContainText('6 conversations', { timeout: 90_000 });
  await expect(progress).toBeHidden();
  await expect(check.getByTestId('preflight-verdict')).toContainText('Every one fits in 4,096 tokens');
  await expect(check).toContainText(/Assistant share: \d+ %/);
  // A tighter limit: some would be truncated.
  await check.getByLabel('Max sequence length').fill('1000');
  await expect(check.getByTestId('preflight-verdict')).toContainText(/longer than 1,000 tokens would be truncated/, { timeout: 60_000 });
  await page.keyboard.press('Escape');

  // The table's Tokens column now has the stored counts; the filter finds those over the workspace limit.
  const patched = await page.request.patch(`${base}/api/settings`, { data: { preflight: { maxSeqLen: 1000 } }, headers: { origin: base } });
  expect(patched.status()).toBe(200);
  await page.reload();
  await expect(row.getByRole('cell').filter({ hasText: /^1,\d{3}$/ })).toHaveCount(1);
  // The column sorts by tokens, the uncounted last.
  await page.getByRole('columnheader', { name: 'Tokens' }).getByRole('button').click();
  await expect(page).toHaveURL(/sort=tokens/);
  await expect(page.getByRole('columnheader', { name: 'Tokens' })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Tokens' }).click();
  await page.getByRole('menuitemcheckbox', { name: /Over the limit/ }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/tokensMin=1001/);
  await expect(page.getByRole('button', { name: /Remove filter Tokens/ })).toBeVisible();
  const over = await (await page.request.get(`${base}/api/conversations?status=approved&tokenModel=llama-3.1&tokensMin=1001`)).json();
  expect(over.total).toBeGreaterThan(0);
  expect(over.total).toBeLessThan(6);
  await expect(page.getByTestId('result-count')).toContainText(`Showing ${over.total} of`);

  // The preflight view: the histogram with the limit and the over-limit list linking to conversations.
  await page.goto('/exports');
  await page.getByRole('link', { name: 'Trainer preflight' }).click();
  await expect(page.getByRole('heading', { name: 'Trainer preflight' })).toBeVisible();
  await expect(page.getByTestId('token-histogram')).toBeVisible();
  const list = page.getByTestId('preflight-over-limit');
  await expect(list.getByRole('heading')).toContainText(`Over the limit (${over.total})`);
  const first = over.items.sort((a: { tokens: number }, b: { tokens: number }) => b.tokens - a.tokens)[0].conversationId as string;
  await list.getByRole('link', { name: first }).click();
  await expect(page).toHaveURL(new RegExp(`/conversations\\?open=${first}`));
});
