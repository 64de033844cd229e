import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { useOwnServer } from './support/own-server';

// Bulk "Reject and regenerate" from the table's selection toolbar, on a demo workspace of its
// own (it generates, rejects and regenerates scenario conversations the shared one must not
// see): the dialog says which are regenerated and which are skipped and why, needs the
// guidance, and ends with a toast that opens the run; the new versions carry the guidance.
// Then the preview's reject-and-regenerate key is rebound in the shortcuts dialog and used.
const { base, signInAsAdmin } = useOwnServer({ name: 'bulk-regenerate', portOffset: 15, admin: { email: 'bulk-regenerate@example.test', password: 'bulk-regenerate-password' }, env: { CONVGEN_OFFLINE_LATENCY_MS: '20' } });

const TABLE = '/conversations?tier=scenario&sort=conversationId&pageSize=50';

const ids = async (request: APIRequestContext, query: string) => ((await (await request.get(`/api/conversations?${query}`)).json()).items as { conversationId: string }[]).map((c) => c.conversationId);
const detail = async (request: APIRequestContext, id: string) => (await request.get(`/api/conversations/${id}`)).json();

async function selectRows(page: Page, rows: string[]) {
  await page.goto(TABLE);
  for (const id of rows) await page.locator(`tr[data-row="${id}"]`).getByRole('checkbox').click();
  await expect(page.getByTestId('selection-count')).toHaveText(`${rows.length} conversations selected`);
}

test('bulk reject and regenerate previews the selection, needs guidance, and starts a run the toast opens', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  const request = page.request;
  const write = { headers: { origin: base } };

  // Three scenario conversations generated, one of them already rejected; one left not generated.
  const planned = await ids(request, 'tier=scenario&status=not_generated&sort=conversationId&pageSize=25');
  expect(planned.length).toBeGreaterThanOrEqual(4);
  const [a, b, c, empty] = planned;
  const run = await request.post('/api/runs', { ...write, data: { conversationIds: [a, b, c] } });
  expect(run.status(), await run.text()).toBe(201);
  const first = (await run.json()).runId as string;
  await expect.poll(async () => (await (await request.get(`/api/runs/${first}`)).json()).status, { timeout: 60_000 }).toBe('completed');
  const reject = await request.post(`/api/conversations/${c}/review`, { ...write, data: { action: 'reject', notes: 'Too short.' } });
  expect(reject.ok(), await reject.text()).toBe(true);

  await selectRows(page, [a, b, c, empty]);
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Reject and regenerate (4)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reject and regenerate 4 conversations?' });
  const preview = dialog.getByTestId('regenerate-preview');
  await expect(preview).toContainText('4 selected: 3 will be regenerated, 1 skipped.');
  await expect(preview).toContainText('2 will be rejected with your note and regenerated');
  await expect(preview).toContainText('1 is already rejected: it keeps its rejection and will be regenerated');
  await expect(preview).toContainText('1 is not generated yet, so there is nothing to reject (generate it instead): skipped');
  await expect(dialog.getByTestId('regenerate-estimate')).toContainText('Generating the 3 conversations should take');
  const submit = dialog.getByRole('button', { name: 'Reject and regenerate 3 conversations' });
  await expect(submit).toBeDisabled();
  const guidance = 'Ground every answer in the source and end with one concrete next step.';
  await dialog.getByLabel('Guidance for the new versions').fill(guidance);
  await expect(submit).toBeEnabled();
  await submit.click();

  // The toast says what happened and opens the run, whose page shows its progress and log.
  const toast = page.getByRole('region', { name: /Notifications/ }).getByText('3 conversations rejected and being regenerated with your guidance');
  await expect(toast).toBeVisible();
  await expect(page.getByTestId('selection-count')).toHaveCount(0);
  await page.getByRole('button', { name: 'Open the run' }).click();
  await expect(page).toHaveURL(/\/runs\?run=[0-9a-f-]{36}/);
  const details = page.getByTestId('run-details');
  await expect(details.getByTestId('run-progress')).toHaveAttribute('data-status', 'completed', { timeout: 60_000 });
  await expect(page.getByTestId('run-log')).toContainText('Nothing to report.');

  // The old ones are rejected with the note (c keeps its own) and link to new versions made with the guidance.
  expect(await detail(request, a)).toMatchObject({ status: 'rejected', review: { notes: guidance } });
  expect(await detail(request, c)).toMatchObject({ status: 'rejected', review: { notes: 'Too short.' } });
  expect((await detail(request, empty)).status).toBe('not_generated');
  const replacement = (await detail(request, a)).regeneratedAs.conversationId as string;
  expect(await detail(request, replacement)).toMatchObject({ status: 'generated', regeneratedFrom: { conversationId: a, guidance } });
});

test('the preview\'s reject-and-regenerate key is listed in the shortcuts and can be rebound', async ({ page }) => {
  await signInAsAdmin(page);
  const [generated] = await ids(page.request, 'tier=scenario&status=generated&sort=conversationId&pageSize=25');
  await page.goto(`/conversations?open=${generated}`);
  await expect(page.getByRole('complementary', { name: 'Conversation preview' }).getByTestId('preview-id')).toHaveText(generated);

  await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const row = shortcuts.getByRole('row').filter({ hasText: 'Reject and regenerate the conversation in the preview' });
  await expect(row).toContainText('Shift+G');
  await row.getByRole('button', { name: /Change the key/ }).click();
  await page.keyboard.press('Shift+KeyJ');
  await expect(row).toContainText('Shift+J');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toHaveCount(0);

  // The old key does nothing now; the new one opens the guidance dialog.
  await page.locator('body').press('Shift+KeyG');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.locator('body').press('Shift+KeyJ');
  await expect(page.getByRole('dialog', { name: `Reject ${generated} and regenerate it` })).toBeVisible();
  await page.keyboard.press('Escape');

  // Back to the default, for whoever uses this account next.
  await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
  await page.getByRole('button', { name: 'Restore the default keys' }).click();
  await expect(row).toContainText('Shift+G');
});

test('a reviewer who may not generate gets the new versions planned, and is told so', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const write = { headers: { origin: base } };
  const email = `reviewer-${Date.now()}@example.test`;
  expect((await page.request.post('/api/users', { ...write, data: { email, name: 'Rita Reviewer', role: 'reviewer', password: 'reviewer-password' } })).status()).toBe(201);
  const chosen = (await ids(page.request, 'tier=scenario&status=not_generated&sort=conversationId&dir=desc&pageSize=25')).slice(0, 2);
  const run = await page.request.post('/api/runs', { ...write, data: { conversationIds: chosen } });
  expect(run.status(), await run.text()).toBe(201);
  const runId = (await run.json()).runId as string;
  await expect.poll(async () => (await (await page.request.get(`/api/runs/${runId}`)).json()).status, { timeout: 60_000 }).toBe('completed');

  const context = await browser.newContext({ baseURL: base });
  const reviewer = await context.newPage();
  await reviewer.goto('/sign-in');
  await reviewer.getByLabel('Email').fill(email);
  await reviewer.getByLabel('Password').fill('reviewer-password');
  await reviewer.getByRole('button', { name: 'Sign in' }).click();
  await expect(reviewer).toHaveURL(/\/conversations/);
  await selectRows(reviewer, chosen);
  await reviewer.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Reject and regenerate (2)' }).click();
  const dialog = reviewer.getByRole('dialog', { name: 'Reject and regenerate 2 conversations?' });
  await expect(dialog.getByTestId('regenerate-preview')).toContainText('2 selected: 2 will be regenerated.');
  await expect(dialog).toContainText('Your role may reject but not start generation');
  await expect(dialog.getByTestId('regenerate-estimate')).toHaveCount(0);
  await dialog.getByLabel('Guidance for the new versions').fill('Answer the question that was asked before anything else.');
  await dialog.getByRole('button', { name: 'Reject and regenerate 2 conversations' }).click();
  await expect(reviewer.getByRole('region', { name: /Notifications/ }).getByText('2 conversations rejected; the new versions are planned but not started')).toBeVisible();
  for (const id of chosen) {
    const old = await detail(reviewer.request, id);
    expect(old.status).toBe('rejected');
    expect((await detail(reviewer.request, old.regeneratedAs.conversationId)).status).toBe('not_generated');
  }
  await context.close();
});
