import { expect, test } from '@playwright/test';
import { useOwnServer } from './support/own-server';

// An empty workspace of its own (CONVGEN_DEMO=0, admin from the environment), so this test
// neither depends on nor disturbs the first-run test's workspace.
const { signInAsAdmin } = useOwnServer({ name: 'catalog', portOffset: 3, admin: { email: 'lead@example.test', password: 'lead-password' }, env: { CONVGEN_DEMO: '0' } });

test('from an empty workspace: add a persona and a topic in the Catalog, and the checklist ticks off', async ({ page }) => {
  await signInAsAdmin(page);

  const checklist = page.getByTestId('checklist');
  await expect(checklist).toContainText('Getting started · 0 of 4 done');
  await expect(page.getByTestId('checklist-define_personas')).toHaveAttribute('data-done', 'false');

  await page.getByRole('link', { name: 'Catalog' }).click();
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
  // The built-in emotions are there; personas start empty and say what they are for.
  await expect(page.getByTestId('catalog-empty-persona')).toContainText('Who talks to your assistant');
  await page.getByRole('button', { name: 'Add your first persona' }).click();
  await page.getByLabel('Label').fill('Night-Shift Nurse');
  await page.getByLabel('Guidance for the prompt').fill('Clipped, practical sentences; tired but precise.');
  await page.getByRole('button', { name: 'Add persona' }).click();
  await expect(page.getByTestId('catalog-row-night_shift_nurse')).toContainText('Clipped, practical sentences');

  await page.getByRole('tab', { name: /Topics/ }).click();
  await expect(page).toHaveURL(/tab=topic/);
  await page.getByRole('button', { name: 'Add your first topic' }).click();
  await page.getByLabel('Label').fill('Shift Handover');
  await page.getByRole('button', { name: 'Add topic' }).click();
  await expect(page.getByTestId('catalog-row-shift_handover')).toBeVisible();

  // A bad import names its line and field, and changes nothing.
  await page.getByRole('button', { name: 'Import CSV or JSON' }).click();
  await page.getByLabel('File (.csv or .json)').setInputFiles({ name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from('dimension,label\ntopic,Triage\nmood,Calm\n') });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-error')).toContainText('Line 3');
  await expect(page.getByTestId('import-error')).toContainText('dimension');
  await page.keyboard.press('Escape');

  await expect(page.getByTestId('checklist-nav')).toHaveAccessibleName('Getting started 1 of 4');
  await page.getByRole('link', { name: 'Conversations' }).click();
  await expect(page.getByTestId('checklist-define_personas')).toHaveAttribute('data-done', 'true');
  await expect(checklist).toContainText('1 of 4 done');
});
