import { expect, test, type Page } from '@playwright/test';
import { SAME_ORIGIN } from '../../playwright.config';
import { signIn } from './support/session';

const TITLE = 'E2E: a nurse weighing a pension buyout';

async function cleanUp(page: Page, query: string) {
  const res = await page.request.get(`/api/scenarios?${query}&pageSize=200`);
  const { items } = (await res.json()) as { items: { id: string }[] };
  for (const s of items) expect((await page.request.delete(`/api/scenarios/${s.id}`, { headers: SAME_ORIGIN })).status()).toBe(200);
}

test('the scenario library: write, search, edit, favourite, duplicate, archive and delete', async ({ page }) => {
  await signIn(page);
  await page.goto('/scenarios');
  await expect(page.getByRole('heading', { name: 'Scenarios', exact: true })).toBeVisible();
  await expect(page.getByTestId('scenario-card').first()).toBeVisible();
  await expect(page.getByTestId('diversity-panel')).toBeVisible();

  await page.getByTestId('new-scenario').click();
  const editor = page.getByRole('dialog', { name: 'Write a scenario' });
  await editor.getByLabel('Title').fill(TITLE);
  await editor.getByLabel('Description').fill('A hospital nurse is offered a lump sum instead of her monthly pension.');
  await editor.getByLabel('Category').selectOption('career');
  await editor.getByLabel('Tags (comma-separated)').fill('pension, buyout');
  await editor.getByLabel('Problem context').fill('She is offered $180,000 now or $1,100 a month for life and fears choosing wrong.');
  await editor.getByLabel('Solution action').fill('Compare the lump sum with the annuity’s value and her health, then decide.');
  await editor.getByLabel('Outcome').fill('She keeps the monthly pension and sleeps better.');
  await editor.getByTestId('scenario-save').click();
  await expect(editor).toBeHidden();

  await page.getByLabel('Search scenarios').fill('pension buyout');
  await expect(page).toHaveURL(/q=pension/);
  const cards = page.getByTestId('scenario-card');
  await expect(cards).toHaveCount(1);
  const card = cards.first();
  await expect(card.getByTestId('scenario-title')).toHaveText(TITLE);
  await expect(card).toContainText('Career');
  await expect(card).toContainText('#buyout');
  await expect(card).toContainText('No source chunk');

  // A second one with the same title is refused, naming the one there is.
  await page.getByTestId('new-scenario').click();
  await editor.getByLabel('Title').fill(TITLE.toUpperCase());
  await editor.getByLabel('Problem context').fill('x');
  await editor.getByLabel('Solution action').fill('y');
  await editor.getByLabel('Outcome').fill('z');
  await editor.getByTestId('scenario-save').click();
  await expect(editor.getByRole('alert')).toContainText(`There is already a scenario called "${TITLE}"`);
  await editor.getByRole('button', { name: 'Cancel' }).click();

  await card.getByRole('button', { name: `Edit ${TITLE}` }).click();
  await page.getByRole('dialog', { name: 'Edit scenario' }).getByLabel('Outcome').fill('She keeps the monthly pension and names a beneficiary.');
  await page.getByRole('dialog', { name: 'Edit scenario' }).getByTestId('scenario-save').click();
  await card.getByTestId('scenario-title').click();
  await expect(card.getByTestId('scenario-detail')).toContainText('names a beneficiary');
  await expect(page).toHaveURL(/scenario=/);

  await card.getByTestId('scenario-favorite').click();
  await expect(card.getByTestId('scenario-favorite')).toHaveAttribute('aria-pressed', 'true');

  await card.getByRole('button', { name: `Duplicate ${TITLE}` }).click();
  await expect(cards).toHaveCount(2);
  const copy = page.getByTestId('scenario-card').filter({ hasText: `${TITLE} (copy)` });
  await expect(copy.getByTestId('scenario-favorite')).toHaveAttribute('aria-pressed', 'false');

  await page.getByRole('checkbox', { name: 'Favourites' }).check();
  await expect(cards).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Favourites' }).uncheck();

  await copy.getByRole('button', { name: `Archive ${TITLE} (copy)` }).click();
  await expect(cards).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Archived' }).check();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Archived');

  await cards.first().getByRole('button', { name: `Delete ${TITLE} (copy)` }).click();
  await page.getByTestId('confirm-delete-scenario').click();
  await expect(cards).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Archived' }).uncheck();
  await cleanUp(page, 'q=pension%20buyout');
});

test('draws scenarios from a document offline, each linked to its chunk', async ({ page }) => {
  await signIn(page);
  await page.goto('/scenarios');
  await page.getByTestId('derive-scenarios').click();
  const dialog = page.getByRole('dialog', { name: 'Draw scenarios from documents' });
  await dialog.getByLabel('First-Time Investor Guide').check();
  await expect(dialog.getByTestId('derive-estimate-cost')).toHaveText('~$0.00');
  const chunks = Number(await dialog.getByTestId('derive-estimate-count').textContent());
  expect(chunks).toBeGreaterThan(0);
  await dialog.getByTestId('derive-scenarios-confirm').click();
  await expect(dialog.getByLabel('Queue')).toBeVisible();
  await expect.poll(async () => Number(await dialog.getByLabel('Queue').getByText(/succeeded/).locator('..').textContent().then((t) => t?.match(/\d+/)?.[0] ?? 0)), { timeout: 45_000 }).toBe(chunks);
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  await page.getByLabel('Filter by origin').selectOption('derived');
  const cards = page.getByTestId('scenario-card');
  await expect(cards).toHaveCount(chunks);
  const first = cards.first();
  await expect(first).toContainText('Drawn from a chunk');
  const source = first.getByTestId('scenario-source');
  await expect(source).toContainText('First-Time Investor Guide · chunk');
  await expect(source).toHaveAttribute('href', /\/documents\?document=[0-9a-f-]+&chunk=[0-9a-f-]+/);
  await first.getByTestId('scenario-title').click();
  await expect(first.getByTestId('scenario-detail')).toContainText('Problem');

  await source.click();
  await expect(page).toHaveURL(/\/documents\?.*chunk=/);
  await expect(page.getByRole('heading', { name: 'Documents' })).toBeVisible();
  await cleanUp(page, 'origin=derived');
});
