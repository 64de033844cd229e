import { SAME_ORIGIN } from '../../playwright.config';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/session';
import { lowerApprovalBars } from './support/approval-bars';

/** Set AUDIT_SHOTS=/tmp/shots to also save screenshots of the audit views at two screen sizes. */
const SHOTS = process.env.AUDIT_SHOTS;
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];

async function shoot(page: Page, name: string, prepare?: () => Promise<void>) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await prepare?.();
    await page.screenshot({ path: `${SHOTS}/audit-${name}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize(SIZES[0]);
}

test.describe.configure({ mode: 'serial' });

const ID = 'conv-00088';
const UNREVIEWED = 'conv-00089';
const NOTE = 'Natural tone, accurate numbers.';

test('an approval with a note shows in the preview trail, the review log, the activity report', async ({ page }) => {
  await signIn(page);
  const me = await (await page.request.get('/api/me')).json();

  // A generated conversation to review (generation itself is covered elsewhere).
  expect((await page.request.post(`/api/conversations/${ID}/generate`, { headers: SAME_ORIGIN })).status()).toBe(202);
  await expect.poll(async () => (await (await page.request.get(`/api/conversations/${ID}`)).json()).status, { timeout: 30_000 }).toBe('generated');

  await page.goto(`/conversations?open=${ID}`);
  const preview = page.getByRole('complementary', { name: 'Conversation preview' });
  await expect(preview.getByTestId('preview-id')).toHaveText(ID);
  await preview.getByRole('button', { name: 'Add a note' }).click();
  await preview.getByRole('textbox', { name: 'Reviewer notes' }).fill(NOTE);
  const restoreBars = await lowerApprovalBars(page);
  try {
    await preview.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(page.getByText(`${ID} approved`)).toBeVisible();
  } finally {
    await restoreBars();
  }

  // The trail loads when opened, and lists the approval with who, what and the note, and the generation.
  const trail = preview.getByTestId('audit-trail');
  await trail.locator('summary').click();
  const event = trail.getByTestId('audit-event').first();
  await expect(event).toContainText(me.name);
  await expect(event).toContainText('approved (was Generated)');
  await expect(trail).toContainText(`“${NOTE}”`);
  await expect(trail).toContainText('Generated · offline');
  await expect(trail.locator('summary')).toContainText(/\d+ review events?/);
  await shoot(page, 'preview', async () => {
    await trail.scrollIntoViewIfNeeded();
  });

  // The audit page: the review log lists it, filtered by the conversation from the URL.
  await page.getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { name: 'Audit' })).toBeVisible();
  const log = page.getByRole('table', { name: 'Review log' });
  const row = log.locator('tbody tr').filter({ hasText: ID }).first();
  await expect(row).toContainText('Approved');
  await expect(row).toContainText(NOTE);
  await expect(row.getByTestId('audit-reviewer')).toHaveText(me.name);
  await page.getByRole('textbox', { name: 'Conversations' }).fill(`${ID}, conv-99999`);
  await page.getByRole('textbox', { name: 'Conversations' }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`conversationId=${ID}%2Cconv-99999|conversationId=${ID},conv-99999`));
  await expect(log.locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('audit-count')).toHaveText('1 review event');
  const csv = page.getByTestId('audit-csv');
  // The row count and "1 review event" can hold before the filter too (a log with this one event), so wait for the link itself.
  await expect(csv).toHaveAttribute('href', new RegExp(`/api/audit/reviews\\.csv\\?conversationId=${ID}`));
  const download = await page.request.get((await csv.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(await download.text()).toContain(NOTE);
  await shoot(page, 'review-log');

  // A filter that matches nothing says so and offers a way back.
  await page.getByLabel('Action').selectOption('undo');
  await expect(page.getByTestId('audit-empty')).toContainText('No review events match these filters.');
  await page.getByTestId('audit-empty').getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/audit$/);

  // Activity by user counts the approval.
  await page.getByRole('tab', { name: 'Activity by user' }).click();
  await expect(page).toHaveURL(/tab=activity/);
  const activity = page.getByRole('table', { name: 'Activity by user' });
  const mine = activity.getByTestId('activity-row').filter({ hasText: me.email });
  await expect(mine).toBeVisible();
  expect(Number(await mine.locator('td').nth(2).textContent())).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('activity-csv')).toHaveAttribute('href', '/api/reports/activity.csv');
  await shoot(page, 'activity');

  // "View events" goes back to the review log filtered by that reviewer.
  await mine.getByRole('button', { name: 'View events' }).click();
  await expect(page).toHaveURL(new RegExp(`reviewerId=${me.id}`));
  await expect(page.getByRole('table', { name: 'Review log' }).locator('tbody tr').first()).toBeVisible();

  // Compliance: a conversation generated and left unreviewed fails the review check, and is listed.
  expect((await page.request.post(`/api/conversations/${UNREVIEWED}/generate`, { headers: SAME_ORIGIN })).status()).toBe(202);
  await expect.poll(async () => (await (await page.request.get(`/api/conversations/${UNREVIEWED}`)).json()).status, { timeout: 30_000 }).toBe('generated');
  await page.getByRole('tab', { name: 'Compliance' }).click();
  const reviews = page.getByTestId('check-reviews');
  await expect(reviews).toContainText('All conversations reviewed by at least one user');
  await expect(reviews).toHaveAttribute('data-ok', 'false');
  await expect(reviews).toContainText('Needs attention');
  await expect(reviews.getByRole('row').filter({ hasText: UNREVIEWED })).toContainText(/Never reviewed|Waiting for a new review/);
  await expect(page.getByTestId('check-exports')).toContainText('All exports logged with user attribution');
  await shoot(page, 'compliance');
});
