import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn } from './support/session';

test('export approved conversations from the dialog, then re-run it from the history', async ({ page }) => {
  await signIn(page);
  const approved = (await (await page.request.get('/api/conversations?status=approved')).json()).total as number;
  expect(approved).toBeGreaterThan(0);

  // Ctrl+E opens the dialog; the preview shows the count, the checks and the first records.
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export conversations' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /Anthropic \(Bedrock\)/ }).check();
  await dialog.getByPlaceholder('You are a patient financial guide…').fill('You are a calm, precise financial guide.');
  await expect(dialog.getByTestId('export-count')).toContainText(`Exporting ${approved} conversation`);
  await expect(dialog.getByTestId('export-validation')).toContainText('ready for Anthropic');
  const sample = JSON.parse((await dialog.getByLabel('First records').textContent())!.split('\n')[0]);
  expect(sample.system).toBe('You are a calm, precise financial guide.');

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: `Export ${approved}` }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^training-data-\\d{4}-\\d{2}-\\d{2}-approved-${approved}-conversations?-anthropic\\.jsonl$`));
  const lines = fs.readFileSync((await download.path())!, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
  expect(lines).toHaveLength(approved);
  for (const line of lines) {
    expect(line.messages[0].role).toBe('user');
    expect(line.messages.at(-1).role).toBe('assistant');
  }
  await expect(page.getByText(`Exported ${approved} approved conversation`)).toBeVisible();

  // The history lists it with who and what; re-running downloads the same file again.
  await page.getByRole('link', { name: 'Exports' }).click();
  const row = page.getByRole('table', { name: 'Export history' }).locator('tbody tr').first();
  await expect(row).toContainText('Anthropic (Bedrock)');
  await expect(row).toContainText('Admin');
  await row.click();
  const details = page.getByRole('dialog');
  await expect(details).toContainText('Approved only');
  const [again] = await Promise.all([page.waitForEvent('download'), details.getByRole('button', { name: 'Re-run export' }).click()]);
  expect(fs.readFileSync((await again.path())!, 'utf8')).toBe(fs.readFileSync((await download.path())!, 'utf8'));
  await expect(page.getByRole('table', { name: 'Export history' }).locator('tbody tr')).toHaveCount(2);
});

test('export the current filtered view, and reopen that filter from the history', async ({ page }) => {
  await signIn(page, '/conversations?tier=template&status=approved,generated');
  await expect(page.getByTestId('result-count')).toContainText('Showing');
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export conversations' });
  await dialog.getByRole('radio', { name: 'The current filtered view' }).check();
  await dialog.getByRole('checkbox', { name: 'Approved only' }).uncheck();
  await dialog.getByRole('radio', { name: /Hugging Face/ }).check();
  await dialog.getByLabel('File name').fill('template set');
  await expect(dialog.getByTestId('export-count')).toContainText('matching the filters');
  const count = Number((await dialog.getByTestId('export-count').textContent())!.match(/Exporting (\d+)/)![1]);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: `Export ${count}` }).click()]);
  expect(download.suggestedFilename()).toBe('template-set.jsonl');

  await page.goto('/exports');
  // The export is logged once its file is complete, which may be after the download has started: wait for it to head the history.
  const latest = page.getByRole('table', { name: 'Export history' }).locator('tbody tr').first();
  await expect(latest).toContainText('template-set.jsonl');
  await latest.click();
  await expect(page.getByRole('dialog')).toContainText('tier: template');
  await page.getByRole('button', { name: 'Open this filter' }).click();
  await expect(page).toHaveURL(/\/conversations\?.*tier=template/);
  await expect(page).toHaveURL(/status=approved%2Cgenerated|status=approved,generated/);
});

test('a system prompt for Hugging Face is not called ready while Gemma refuses it; folding it is, and the split and metadata say where they go', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export conversations' });
  await dialog.getByRole('radio', { name: /Hugging Face/ }).check();
  const fold = dialog.getByRole('checkbox', { name: /Fold the system prompt into the first user turn/ });
  await expect(fold).toBeDisabled();
  await dialog.getByPlaceholder('You are a patient financial guide…').fill('You are a calm, precise financial guide.');
  await expect(dialog.getByTestId('export-validation')).toContainText('Gemma and Gemma 2 chat templates refuse a system role');
  await expect(dialog.getByTestId('export-validation')).not.toContainText('ready for');

  await fold.check();
  await expect(dialog.getByTestId('export-validation')).toContainText('ready for Hugging Face');
  const first = JSON.parse((await dialog.getByLabel('First records').textContent())!.split('\n')[0]);
  expect(first.messages[0].role).toBe('user');
  expect(first.messages[0].content.startsWith('You are a calm, precise financial guide.\n\n')).toBe(true);

  await dialog.getByRole('checkbox', { name: /Train \/ validation split/ }).check();
  await expect(dialog.getByTestId('export-split')).toContainText(/Split: \d+ train, \d+ validation \(Template \d+ of \d+/);
  await dialog.getByRole('checkbox', { name: /Include metadata/ }).check();
  await expect(dialog.getByTestId('metadata-hint')).toContainText('Adds a "metadata" object');
  await dialog.getByRole('radio', { name: /^OpenAI/ }).check();
  await expect(dialog.getByTestId('metadata-hint')).toContainText('OpenAI refuses extra keys');
  await expect(dialog).toContainText(/-metadata\.jsonl/);
  await dialog.screenshot({ path: test.info().outputPath('export-dialog.png') });
});
