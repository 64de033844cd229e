import { expect, test } from '@playwright/test';
import { makeDocx, makePdf, prose } from '../support/make-documents';
import { signIn } from './support/session';

test('uploads a PDF and a Word document, shows their chunks, and opens a chunk from a link', async ({ page }) => {
  await signIn(page, '/documents');
  await expect(page.getByRole('heading', { name: 'Documents' })).toBeVisible();
  const stamp = Date.now();
  const pdf = await makePdf([
    { heading: `Negotiation basics ${stamp}`, paragraphs: [prose(1), prose(2)] },
    { heading: 'Closing the deal', paragraphs: [prose(3)] },
  ]);
  const docx = await makeDocx([{ heading: `Client onboarding ${stamp}`, paragraphs: ['Welcome every client within a day.'], bullets: ['Send the contract', 'Book the kickoff call'] }]);

  await page.getByLabel('Category for these uploads').selectOption('Frameworks');
  await page.getByLabel('Choose files to upload').setInputFiles([
    { name: `negotiation-${stamp}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(pdf) },
    { name: `onboarding-${stamp}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(docx) },
  ]);
  const uploads = page.getByTestId('upload-item');
  await expect(uploads).toHaveCount(2);
  await expect(uploads.filter({ hasText: `negotiation-${stamp}.pdf` }).getByTestId('upload-status')).toHaveText('Ready: 2 chunks');
  await expect(uploads.filter({ hasText: `onboarding-${stamp}.docx` }).getByTestId('upload-status')).toHaveText('Ready: 1 chunk');

  // The PDF's chunks, named by its headings.
  const pdfDoc = page.getByTestId('document').filter({ hasText: `negotiation ${stamp}` });
  await expect(pdfDoc).toContainText('Frameworks · 2 chunks · 1 page');
  await pdfDoc.locator('button[aria-expanded]').click();
  const pdfChunks = pdfDoc.getByTestId('chunk');
  await expect(pdfChunks).toHaveCount(2);
  await expect(pdfChunks.nth(0)).toContainText(`Chunk 1 · Negotiation basics ${stamp}`);
  await expect(pdfChunks.nth(1)).toContainText('Chunk 2 · Closing the deal');
  await expect(pdfChunks.nth(1)).toContainText('No conversations made from this chunk yet.');

  const documentId = await pdfDoc.getAttribute('data-document-id');
  const chunkId = await pdfChunks.nth(1).getAttribute('data-chunk-id');

  // The Word document's chunk keeps its list (one document is open at a time).
  const wordDoc = page.getByTestId('document').filter({ hasText: `onboarding ${stamp}` });
  await wordDoc.locator('button[aria-expanded]').click();
  await expect(wordDoc.getByTestId('chunk')).toContainText('- Send the contract');
  await expect(pdfChunks).toHaveCount(0);

  // A link to a chunk opens its document with the chunk highlighted.
  await page.goto(`/documents?document=${documentId}&chunk=${chunkId}`);
  await expect(page.locator(`[data-chunk-id="${chunkId}"]`)).toHaveAttribute('aria-current', 'true');

  // The same file again is recognised, and can replace the existing document.
  await page.getByLabel('Choose files to upload').setInputFiles([{ name: `again-${stamp}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(pdf) }]);
  const again = page.getByTestId('upload-item').filter({ hasText: `again-${stamp}.pdf` });
  await expect(again.getByRole('alert')).toContainText('already in the workspace');
  await again.getByRole('button', { name: /^Replace/ }).click();
  await expect(again.getByTestId('upload-status')).toHaveText('Replaced: 2 chunks');
});

test('refuses a file that is not what its name says, with a hint', async ({ page }) => {
  await signIn(page, '/documents');
  await page.getByLabel('Choose files to upload').setInputFiles([{ name: 'archive.pdf', mimeType: 'application/pdf', buffer: Buffer.from('PK\x03\x04 a zip file') }]);
  const item = page.getByTestId('upload-item').filter({ hasText: 'archive.pdf' });
  await expect(item.getByRole('alert')).toContainText('it is not a PDF');
  await expect(item.getByRole('alert')).toContainText('Upload one of');
});

test('follows a document to its chunks and their conversations, and says what deleting it would do', async ({ page }) => {
  await signIn(page, '/documents');
  const doc = page.getByTestId('document').filter({ hasText: 'The Volatility Playbook' });
  await expect(doc).toContainText('conversations');
  await doc.getByRole('button', { name: 'Delete The Volatility Playbook' }).click();
  const dialog = page.getByRole('dialog', { name: /Delete “The Volatility Playbook”/ });
  await expect(dialog.getByTestId('delete-impact')).toContainText(/conversations? (made from it will stay|not generated yet will be removed)/);
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toBeHidden();

  await doc.locator('button[aria-expanded]').click();
  const link = doc.getByTestId('chunk').getByRole('link').first();
  const label = (await link.textContent())!;
  expect(label).toMatch(/^conv-\d+/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/conversations\\?.*open=${label}`));
});
