import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/session';

/**
 * Seed conversations as a team meets them (US10.3.1, US10.3.2): a file with a mistake is
 * refused with its line and field and nothing is imported; the corrected file is; the seed wears
 * its badge and lock, the Seeds view compares seeds with generated conversations, "Use as
 * Template" plans variations, and a bulk delete leaves the seed alone and says so.
 */
test.describe.configure({ mode: 'serial' });

// Sorts after the demo's seed-006, so specs that expect seed-006 first in a descending sort still find it.
const SEED_ID = 'seed-000-e2e';
const seedFile = (role: string) =>
  JSON.stringify(
    [
      {
        conversationId: SEED_ID,
        title: 'Should I pay off the mortgage early?',
        persona: 'anxious_investor',
        emotion: 'anxiety',
        topic: 'market_volatility',
        intent: 'express_concern',
        tone: 'warm_reassuring',
        turns: [
          { role: 'user', content: 'I have some savings and keep wondering whether I should pay the mortgage down instead of investing. Which is safer?' },
          { role, content: 'It depends on your rate and how you sleep at night. At a 3% rate, investing has historically come out ahead over long periods, though nothing is guaranteed. What is your rate, and do you have an emergency fund?' },
          { role: 'user', content: 'It is 6.5%, and I have about four months of expenses saved.' },
          { role: 'assistant', content: 'At 6.5%, every extra dollar on the mortgage earns a guaranteed 6.5%, which is hard to beat safely. With four months saved, a reasonable plan is to keep the fund, then split extra money between the mortgage and retirement. Would that feel manageable?' },
        ],
      },
    ],
    null,
    2,
  );

async function importFile(page: Page, text: string) {
  await page.getByTestId('seed-file-input').setInputFiles({ name: 'my-seeds.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
}

test('a seed file with a mistake names its line and field, and the corrected one is imported', async ({ page }) => {
  await signIn(page, '/conversations?seed=only');
  const card = page.getByTestId('seed-comparison');
  // Whether other specs generated anything yet decides which sentence it is; either is about the seeds.
  await expect(card.getByTestId('seed-summary')).toHaveText(/score .* your seeds on average|\d+ seed conversations, and nothing generated yet to compare with them/);
  await card.getByRole('button', { name: 'Import seeds' }).click();

  const wrong = seedFile('bot');
  await importFile(page, wrong);
  const line = wrong.split('\n').findIndex((l) => l.includes('"bot"')) + 1;
  await expect(page.getByTestId('seed-import-error')).toContainText(`line ${line}, conversations[0].turns[1].role: must be user or assistant`);
  await expect(page.getByTestId('seed-import-error')).toContainText('nothing was imported');
  expect((await page.request.get(`/api/conversations/${SEED_ID}`)).status()).toBe(404);
  await page.screenshot({ path: test.info().outputPath('seed-import-error.png') });

  await importFile(page, seedFile('assistant'));
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'Imported 1 seed conversation' })).toBeVisible();
  const row = page.locator(`tr[data-row="${SEED_ID}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('seed-badge')).toBeVisible();
  await expect(row.getByTestId('seed-lock')).toBeVisible();
  await row.getByTestId('seed-badge').hover();
  await expect(page.getByRole('tooltip')).toContainText('Seed — written by hand; kept as a benchmark, never regenerated or deleted in bulk');
});

test('Use as Template shows what it takes from the seed and plans variations', async ({ page }) => {
  await signIn(page, `/conversations?seed=only&open=${SEED_ID}`);
  const preview = page.getByRole('complementary', { name: 'Conversation preview' });
  await expect(preview.getByTestId('seed-actions')).toContainText('kept as a benchmark');
  await preview.getByRole('button', { name: 'Use as Template' }).click();
  const dialog = page.getByRole('dialog');
  const structure = dialog.getByTestId('seed-structure');
  await expect(structure).toContainText('4 turns: 2 from the user and 2 from the assistant');
  await expect(structure.getByRole('list', { name: 'Words per turn' }).locator('li')).toHaveCount(4);
  await dialog.getByLabel('Variations to plan').fill('2');
  await page.screenshot({ path: test.info().outputPath('seed-use-as-template.png') });
  await dialog.getByTestId('create-seed-template').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'Created the template' })).toContainText('Planned 2 conversations');
  const comparison = await (await page.request.get('/api/seeds/comparison')).json();
  expect(comparison.seeds.find((s: { conversationId: string }) => s.conversationId === SEED_ID).variations).toBe(2);
});

test('a bulk delete leaves the seed alone and says so', async ({ page }) => {
  await signIn(page, '/conversations?sort=conversationId&dir=desc&pageSize=25');
  // The two variations just planned are the newest conversation ids.
  const newest = await (await page.request.get('/api/conversations?seed=exclude&sort=conversationId&dir=desc&pageSize=25')).json();
  const variation: string = newest.items[0].conversationId;
  expect((await (await page.request.get(`/api/conversations/${variation}`)).json()).metadata.seedId).toBe(SEED_ID);

  for (const id of [SEED_ID, variation]) await page.locator(`tr[data-row="${id}"]`).getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Delete Selected (2)' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('bulk-preview')).toContainText('1 seed conversation (locked as benchmark): will be kept (skipped)');
  await dialog.getByRole('checkbox').check();
  await page.screenshot({ path: test.info().outputPath('seed-bulk-delete.png') });
  await dialog.getByRole('button', { name: 'Delete 1 conversation' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'Deleted 1' })).toContainText('kept 1 seed conversation (locked as benchmark)');
  await expect(page.locator(`tr[data-row="${SEED_ID}"]`)).toBeVisible();
  await expect(page.locator(`tr[data-row="${variation}"]`)).toHaveCount(0);
  expect((await page.request.get(`/api/conversations/${SEED_ID}`)).status()).toBe(200);
});
