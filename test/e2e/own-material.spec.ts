import { expect, test } from '@playwright/test';
import { makeDocx, makePdf, prose } from '../support/make-documents';
import { useOwnServer } from './support/own-server';

// The whole path a team takes with its own material, on an empty workspace of its own
// (CONVGEN_DEMO=0): upload a PDF and a Word document, add a persona and a topic, plan 20
// conversations, generate them, and find a conversation's source chunk from its preview.
const { signInAsAdmin } = useOwnServer({ name: 'own-material', portOffset: 4, admin: { email: 'owner@example.test', password: 'owner-password' }, env: { CONVGEN_DEMO: '0', CONVGEN_OFFLINE_LATENCY_MS: '50' } });

test('from an empty workspace to generated conversations grounded in the team’s own documents', async ({ page }) => {
  test.setTimeout(240_000);
  await signInAsAdmin(page);
  await expect(page.getByTestId('empty-state')).toContainText('No conversations yet');

  // 1. Upload a PDF and a Word document and see their chunks.
  await page.goto('/documents');
  const pdf = await makePdf([
    { heading: 'Pricing a kitchen remodel', paragraphs: [prose(1), prose(2)] },
    { heading: 'Handling change orders', paragraphs: [prose(3)] },
  ]);
  const docx = await makeDocx([{ heading: 'Warranty visits', paragraphs: [prose(4)], bullets: ['Book within a week', 'Photograph every defect'] }]);
  await page.getByLabel('Choose files to upload').setInputFiles([
    { name: 'remodel-pricing.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) },
    { name: 'warranty.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(docx) },
  ]);
  const uploads = page.getByTestId('upload-item');
  await expect(uploads.filter({ hasText: 'remodel-pricing.pdf' }).getByTestId('upload-status')).toHaveText('Ready: 2 chunks');
  await expect(uploads.filter({ hasText: 'warranty.docx' }).getByTestId('upload-status')).toHaveText('Ready: 1 chunk');
  const pdfDoc = page.getByTestId('document').filter({ hasText: 'remodel pricing' });
  await pdfDoc.locator('button[aria-expanded]').click();
  await expect(pdfDoc.getByTestId('chunk').nth(0)).toContainText('Pricing a kitchen remodel');
  await expect(pdfDoc.getByTestId('chunk').nth(1)).toContainText('Handling change orders');

  // 2. Add a persona and a topic (emotions, intents and tones come built in).
  await page.goto('/catalog');
  await page.getByRole('button', { name: 'Add your first persona' }).click();
  await page.getByLabel('Label').fill('First-Time Homeowner');
  await page.getByRole('button', { name: 'Add persona' }).click();
  await expect(page.getByTestId('catalog-row-first_time_homeowner')).toBeVisible();
  await page.getByRole('tab', { name: /Topics/ }).click();
  await page.getByRole('button', { name: 'Add your first topic' }).click();
  await page.getByLabel('Label').fill('Renovation Budget');
  await page.getByRole('button', { name: 'Add topic' }).click();
  await expect(page.getByTestId('catalog-row-renovation_budget')).toBeVisible();

  // 3. Plan 20 conversations across all three tiers, from the table's empty state.
  await page.goto('/conversations');
  await page.getByTestId('empty-state').getByRole('button', { name: 'Plan conversations' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plan conversations' });
  await dialog.getByLabel('How many').fill('20');
  await expect(dialog.getByTestId('plan-preview')).toContainText('20 conversations: 9 template · 8 scenario · 3 edge case');
  await expect(dialog.getByTestId('plan-preview')).toContainText('First-Time Homeowner');
  await dialog.getByRole('button', { name: 'Create 20 conversations' }).click();
  await expect(dialog.getByTestId('plan-done')).toContainText('20 conversations planned (conv-00001 – conv-00020)');

  // 4. Generate them (the offline generator: no key, $0).
  await dialog.getByRole('button', { name: 'Generate these 20 now' }).click();
  const confirm = page.getByRole('dialog', { name: /Generate the 20 conversations you planned/ });
  await confirm.getByRole('button', { name: 'Generate 20' }).click();
  await expect(page.getByTestId('result-count')).toHaveText('20 conversations');
  await expect.poll(async () => (await page.request.get('/api/conversations?status=generated&pageSize=25')).json().then((b) => b.total), { timeout: 180_000, intervals: [1000] }).toBe(20);

  // 5. A scenario conversation's preview names its source chunk and links to it.
  await page.goto('/conversations?tier=scenario');
  await page.locator('tr[data-row]').first().click();
  const source = page.getByTestId('preview-source');
  await expect(source).toContainText(/remodel pricing|warranty/i);
  await source.getByTestId('source-document-link').click();
  await expect(page).toHaveURL(/\/documents\?document=.*&chunk=/);
  await expect(page.locator('[data-chunk-id][aria-current="true"]')).toBeVisible();
});
