import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/session';
import { lowerApprovalBars } from './support/approval-bars';


const rows = (page: Page) => page.getByRole('table', { name: 'Conversations' }).locator('tbody tr');

/** The first loaded row (skeleton rows have no conversation id). */
async function firstRow(page: Page) {
  const row = page.locator('tbody tr[data-row]').first();
  await expect(row).toBeVisible();
  return row;
}

/** N of "Showing N of M conversations", once the filtered list has loaded. */
async function shownCount(page: Page): Promise<number> {
  await expect(page.getByTestId('result-count')).toContainText('Showing');
  return Number((await page.getByTestId('result-count').textContent())!.match(/Showing (\d+)/)![1]);
}

test.describe.configure({ mode: 'serial' });

test('a batch is followed from start to end in the progress panel, across a reload', async ({ page }) => {
  await signIn(page, '/conversations?tier=scenario&pageSize=25');
  const scenarios = await shownCount(page);
  expect(scenarios).toBeGreaterThan(25);

  // Select the page, then every matching conversation across pages.
  await page.getByRole('checkbox', { name: 'Select the rows on this page' }).click();
  await expect(page.getByTestId('selection-count')).toHaveText('25 conversations selected');
  await page.getByRole('button', { name: `Select all ${scenarios} conversations` }).click();
  await expect(page.getByTestId('selection-count')).toHaveText(`${scenarios} conversations selected`);
  await expect(rows(page).first()).toHaveAttribute('data-selected', 'true');

  await page.getByRole('button', { name: `Generate Selected (${scenarios})` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Generate the selected conversations?');
  const count = Number(await dialog.getByTestId('estimate-count').textContent());
  expect(count).toBeGreaterThan(10);
  await expect(dialog.getByTestId('estimate-time')).toContainText('~');
  await expect(dialog.getByTestId('estimate-cost')).toContainText('$');
  await dialog.getByRole('button', { name: `Generate ${count}` }).click();

  const panel = page.getByTestId('progress-panel');
  await expect(panel).toContainText('Generation in progress');
  const progress = panel.getByTestId('run-progress');
  await expect(progress).toContainText(`of ${count}`);
  await expect(panel.getByRole('list', { name: 'Just finished' }).locator('li').first()).toBeVisible({ timeout: 20_000 });

  // Paused, so what follows does not race the run's end on a fast machine.
  await progress.getByRole('button', { name: 'Pause' }).click();
  await expect(panel).toContainText('Generation paused');

  // The run lives in the database: a reload shows it where it is, not from zero.
  await page.reload();
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Just finished' }).locator('li').first()).toBeVisible();
  await expect(progress.getByLabel('Queue')).toContainText('succeeded');

  // Collapsing keeps a one-line banner.
  await panel.getByRole('button', { name: /Generation paused/ }).click();
  await expect(progress).toBeHidden();
  await expect(panel).toContainText(`of ${count}`);
  await panel.getByRole('button', { name: /Generation paused/ }).click();
  await progress.getByRole('button', { name: 'Resume' }).click();

  await expect(page.getByText(`Generation finished: ${count} succeeded, 0 failed`)).toBeVisible({ timeout: 60_000 });
  await expect(panel).toBeHidden();
  await expect(rows(page).locator('[data-status="generated"]').first()).toBeVisible();
  await expect(rows(page).locator('[data-status="not_generated"]')).toHaveCount(0);
});

test('keyboard-only review of a filtered set', async ({ page }) => {
  await signIn(page, '/conversations?tier=scenario&sort=conversationId');
  const total = await shownCount(page);
  await expect(rows(page)).toHaveCount(25);
  const first = rows(page).first();
  const firstId = await first.getAttribute('data-row');
  const secondId = await rows(page).nth(1).getAttribute('data-row');
  await first.focus();

  // Space selects the focused row, ↓ moves to the next, Enter opens it.
  await page.keyboard.press('Space');
  await expect(page.getByTestId('selection-count')).toHaveText('1 conversation selected');
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  const preview = page.getByRole('complementary', { name: 'Conversation preview' });
  await expect(preview).toContainText(firstId!);
  await expect(page.getByTestId('preview-position')).toHaveText(`Conversation 1 of ${total}`);
  await expect(preview.getByRole('button', { name: 'Previous conversation (←)' })).toBeDisabled();

  // A approves; → moves on within the filtered set; R rejects; ← goes back.
  const restoreBars = await lowerApprovalBars(page);
  try {
    await page.keyboard.press('a');
    await expect(page.getByText(`${firstId} approved`)).toBeVisible();
  } finally {
    await restoreBars();
  }
  await expect(preview.locator('[data-status="approved"]')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(preview).toContainText(secondId!);
  await expect(page.getByTestId('preview-position')).toHaveText(`Conversation 2 of ${total}`);
  // R asks why first; Enter confirms with the note.
  await page.keyboard.press('r');
  await expect(preview.getByRole('textbox', { name: 'Why are you rejecting this conversation?' })).toBeFocused();
  await expect(preview.locator('[data-status="rejected"]')).toHaveCount(0);
  await page.keyboard.type('Too generic');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${secondId} rejected`)).toBeVisible();
  await expect(rows(page).nth(1).locator('[data-status="rejected"]')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('preview-position')).toHaveText(`Conversation 1 of ${total}`);

  // Jump to a number on the next page: the page follows.
  await page.getByLabel('Jump to conversation number').fill('30');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('preview-position')).toHaveText(`Conversation 30 of ${total}`);
  await expect(page).toHaveURL(/page=2/);

  // ? lists the shortcuts; Esc closes the dialog, then the preview.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // Ctrl+A selects every row on this page, keeping the one selected on page 1.
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('selection-count')).toHaveText(`${total - 25 + 1} conversations selected`);
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByTestId('selection-count')).toBeHidden();
});

test('the review keys can be changed in the shortcuts dialog', async ({ page }) => {
  await signIn(page, '/conversations?tier=scenario&status=generated');
  const row = await firstRow(page);
  const id = (await row.getAttribute('data-row'))!;
  await page.goto(`/conversations?tier=scenario&status=generated&open=${id}`);
  await expect(page.getByTestId('preview-id')).toHaveText(id);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const approveRow = dialog.getByRole('row', { name: /Approve the conversation in the preview/ });
  await dialog.getByRole('button', { name: 'Change the key for Approve the conversation in the preview' }).click();
  await page.keyboard.press('r');
  await expect(dialog.getByRole('alert')).toContainText('R is used for both');
  await page.keyboard.press('y');
  await expect(approveRow).toContainText('Y');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('a');
  await expect(page.getByText(`${id} approved`)).toHaveCount(0);
  await page.keyboard.press('y');
  await expect(page.getByText(`${id} approved`)).toBeVisible();

  // Back to the defaults, which the next tests use; the choice is kept on the server.
  await page.reload();
  await expect(page.getByTestId('preview-id')).toHaveText(id);
  await page.keyboard.press('?');
  await expect(approveRow).toContainText('Y');
  await dialog.getByRole('button', { name: 'Restore the default keys' }).click();
  await expect(approveRow).toContainText('A');
  await page.keyboard.press('Escape');
});

test('bulk approve previews and reports the one it skips, and Undo puts everything back', async ({ page }) => {
  await signIn(page, '/conversations?tier=scenario&status=approved&pageSize=50');
  const approvedBefore = await shownCount(page);
  // Only those at or above the approval bar (6): content criteria send some generated ones below it.
  await page.goto('/conversations?tier=scenario&status=generated&qualityMin=6&pageSize=50');
  const target = await shownCount(page);
  expect(target).toBeGreaterThan(10);
  await expect(rows(page)).toHaveCount(target);
  await page.getByRole('checkbox', { name: 'Select the rows on this page' }).click();

  // Add one that cannot be approved: a template conversation not generated yet.
  await page.goto('/conversations?tier=template&status=not_generated');
  const planned = await firstRow(page);
  const plannedId = await planned.getAttribute('data-row');
  await planned.getByRole('checkbox').click();
  await expect(page.getByTestId('selection-count')).toHaveText(`${target + 1} conversations selected`);

  await page.getByRole('button', { name: `Approve Selected (${target + 1})` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'Affected conversations' }).locator('li')).toHaveCount(11);
  await expect(dialog).toContainText(`and ${target + 1 - 10} more…`);
  await expect(dialog.getByTestId('bulk-preview')).toContainText(`${target + 1} selected: ${target} will be approved, 1 skipped.`);
  await expect(dialog.getByTestId('bulk-preview')).toContainText('1 not generated yet: will stay as it is (skipped)');
  await dialog.getByRole('textbox').fill('Checked against the refund policy.');
  await dialog.getByRole('button', { name: `Approve ${target} conversations` }).click();

  // A conversation without text is skipped, not failed; the dialog closes and the toast says so.
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Approved ${target} · skipped 1 not generated yet`)).toBeVisible();
  await expect(page.getByTestId('selection-count')).toBeHidden();
  expect((await (await page.request.get(`/api/conversations/${plannedId}`)).json()).status).toBe('not_generated');

  await page.goto('/conversations?tier=scenario&status=approved&pageSize=50');
  await expect(page.getByTestId('result-count')).toContainText(`Showing ${approvedBefore + target} of`);

  // Reject them all, then Undo from the toast within ten seconds. Seed conversations are locked:
  // the rejection leaves them as they are, so only the others are rejected and restored.
  const seeds = (await (await page.request.get('/api/conversations?tier=scenario&status=approved&seed=only')).json()).total as number;
  await page.getByRole('checkbox', { name: 'Select the rows on this page' }).click();
  await page.getByRole('button', { name: /^Reject Selected/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: /^Reject \d+ conversations/ }).click();
  // The toast, not the status pill beside the table, which may also read "Rejected N".
  await expect(page.getByRole('region', { name: /^Notifications/ }).getByText(`Rejected ${approvedBefore + target - seeds}`)).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(`Undone: ${approvedBefore + target - seeds} conversations restored`)).toBeVisible();
  await expect(page.getByTestId('result-count')).toContainText(`Showing ${approvedBefore + target} of`);
});

test('bulk delete asks for a checked confirmation and removes the rows for good', async ({ page }) => {
  await signIn(page, '/conversations?tier=template&status=not_generated&sort=conversationId&dir=desc');
  const victim = await firstRow(page);
  const victimId = (await victim.getAttribute('data-row'))!;
  await victim.getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Delete Selected (1)' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('This action cannot be undone.');
  await expect(dialog).toContainText(victimId);
  const confirm = dialog.getByRole('button', { name: 'Delete 1 conversation' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('I understand this will permanently delete 1 conversation').check();
  await confirm.click();
  await expect(page.getByText('Deleted 1')).toBeVisible();
  await expect(page.locator(`tr[data-row="${victimId}"]`)).toHaveCount(0);
  await page.goto(`/conversations?q=${victimId}`);
  await expect(page.getByTestId('empty-state')).toBeVisible();
});

test('infinite scroll instead of pages, kept as the user preference', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: 'View preferences' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Infinite scroll' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('load-more')).toContainText('25 of');
  await expect(page.getByRole('navigation', { name: /pagination/i })).toHaveCount(0);
  await page.getByTestId('load-more').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('load-more')).toContainText('50 of');
  await expect(rows(page)).toHaveCount(50);

  // → in the preview walks past the loaded rows, loading more.
  await page.goto('/conversations?open=conv-00001');
  await expect(page.getByTestId('result-count')).toHaveText(/^\d+ conversations$/);
  const total = Number((await page.getByTestId('result-count').textContent())!.match(/\d+/)![0]);
  await page.getByLabel('Jump to conversation number').fill(String(Math.min(60, total)));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('preview-position')).toHaveText(`Conversation ${Math.min(60, total)} of ${total}`);

  // The preference follows the user: a new page load keeps it, and switching back brings the pages.
  await page.reload();
  await expect(page.getByTestId('load-more')).toBeVisible();
  await page.getByRole('button', { name: 'View preferences' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Pages' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('load-more')).toHaveCount(0);
  await expect(rows(page)).toHaveCount(25);
});
