import { expect, test, type Page } from '@playwright/test';
import type { ConversationListResponse, StatusCounts } from '../../src/contract/conversations';
import { signIn } from './support/session';

const table = (page: Page) => page.getByRole('table', { name: 'Conversations' });
const rows = (page: Page) => table(page).locator('tbody tr[data-row]');

/** The table scrolls sideways only when its content is wider than its box. */
const overflows = (page: Page) => table(page).evaluate((t) => t.parentElement!.scrollWidth > t.parentElement!.clientWidth + 1);

/** Whether an element lies wholly inside the window, left to right. */
async function inView(page: Page, locator: ReturnType<Page['locator']>) {
  const box = (await locator.boundingBox())!;
  return box.x >= 0 && box.x + box.width <= page.viewportSize()!.width;
}

for (const [width, height] of [
  [1280, 800],
  [1440, 900],
] as const) {
  test(`at ${width} px the table fits, with and without the preview, and the header and the quick filters each stay on one row`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await signIn(page, '/conversations?tier=scenario');
    await expect(rows(page).first()).toBeVisible();
    const heading = page.getByRole('heading', { name: 'Conversations' });
    const generateAll = page.getByRole('button', { name: 'Generate All' });
    const sameRow = async () => Math.abs((await generateAll.boundingBox())!.y - (await heading.boundingBox())!.y) < 24;

    // The columns are fitted once the table has measured its box, which can be a render after the rows appear.
    await expect.poll(() => overflows(page)).toBe(false);
    for (const name of ['ID', 'Status', 'Quality']) await expect(table(page).getByRole('columnheader', { name })).toBeVisible();
    expect(await inView(page, table(page).getByRole('columnheader', { name: 'Status' }))).toBe(true);
    expect(await inView(page, rows(page).first().getByRole('button', { name: /Generate|Regenerate/ }))).toBe(true);
    expect(await sameRow()).toBe(true);
    // The quick filters, from Filters to Near-duplicates, share one row too.
    const filtersTop = (await page.getByRole('button', { name: /^Filters/ }).boundingBox())!.y;
    expect((await page.getByRole('button', { name: 'Near-duplicates' }).boundingBox())!.y).toBeCloseTo(filtersTop, -1);

    await rows(page).first().click();
    await expect(page.getByRole('complementary', { name: 'Conversation preview' })).toBeVisible();
    // The preview narrows the table's box; the columns are refitted a render later.
    await expect.poll(() => overflows(page)).toBe(false);
    expect(await inView(page, table(page).getByRole('columnheader', { name: 'Quality' }))).toBe(true);
    expect(await sameRow()).toBe(true);
    // What gave way is said, not hidden silently.
    await expect(page.getByTestId('collapsed-columns')).toContainText('Hidden to fit this width');
  });
}

test('selecting rows moves no row; the bulk actions stay on one row, in view at the bottom, and never cover the row in focus', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, '/conversations?pageSize=100');
  await expect(rows(page).nth(20)).toBeVisible();
  const second = rows(page).nth(1);
  // Measured from the quick filters above, so a panel that changes higher up cannot move it.
  const belowFilters = async () => (await second.boundingBox())!.y - (await page.getByRole('button', { name: /^Filters/ }).boundingBox())!.y;
  const before = await belowFilters();
  await rows(page).first().getByRole('checkbox').click();
  await second.getByRole('checkbox').click();
  const bar = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bar).toBeVisible();
  expect(await belowFilters()).toBe(before);
  // One row of controls at this width: the count and the last action share a line.
  const middle = (box: { y: number; height: number } | null) => box!.y + box!.height / 2;
  const count = await page.getByTestId('selection-count').boundingBox();
  const lastAction = await bar.getByRole('button', { name: /^Delete Selected/ }).boundingBox();
  expect(Math.abs(middle(lastAction) - middle(count))).toBeLessThan(4);
  // Its buttons keep their full names for screen readers.
  await expect(bar.getByRole('button', { name: 'Approve Selected (2)' })).toBeVisible();
  // Walking down the rows by keyboard keeps the focused row above the bar.
  const focused = page.locator('tr[data-row]:focus');
  const walkDown = async (from: number, steps: number) => {
    await rows(page).nth(from).focus();
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
    await expect(focused).toHaveAttribute('data-row', (await rows(page).nth(from + steps).getAttribute('data-row'))!);
    const row = (await focused.boundingBox())!;
    expect(row.y + row.height).toBeLessThanOrEqual((await bar.boundingBox())!.y);
  };
  await walkDown(1, 15);
  // Beside the preview the bar takes two rows, and the focused row still stays above it.
  await rows(page).first().click();
  await expect(page.getByRole('complementary', { name: 'Conversation preview' })).toBeVisible();
  await expect.poll(async () => (await bar.boundingBox())!.height).toBeGreaterThan((await page.getByTestId('selection-count').boundingBox())!.height * 2);
  await walkDown(16, 12);
  // For the keyboard the bar comes before the rows: Shift+Tab from the header checkbox reaches it.
  await page.getByRole('checkbox', { name: 'Select the rows on this page' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(bar.getByRole('button', { name: /^Delete Selected/ })).toBeFocused();
  // Further down the page the bar is still in view, at the bottom of the window.
  await rows(page).nth(50).scrollIntoViewIfNeeded();
  await expect(bar).toBeInViewport();
  expect((await bar.boundingBox())!.y).toBeGreaterThan(800 / 2);
});

test('the menu stays in place while the page scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, '/conversations?pageSize=100');
  await expect(rows(page).first()).toBeVisible();
  await rows(page).last().scrollIntoViewIfNeeded();
  const menu = page.getByRole('navigation', { name: 'Main' });
  expect((await menu.boundingBox())!.y).toBe(0);
  await expect(menu.getByRole('link', { name: 'Settings' })).toBeInViewport();
});

test('a link to a conversation on a later page opens it inside its filtered list', async ({ page }) => {
  await signIn(page, '/conversations');
  const second = await page.request.get('/api/conversations?tier=scenario&page=2&pageSize=25');
  const body = (await second.json()) as ConversationListResponse;
  const target = body.items[4]!.conversationId;

  await page.goto(`/conversations?tier=scenario&open=${target}`);
  await expect(page.getByTestId('preview-position')).toHaveText(`Conversation 30 of ${body.total}`);
  await expect(page).toHaveURL(/page=2/);
  await expect(table(page).locator(`tr[data-row="${target}"]`)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('preview-position')).toHaveText(`Conversation 31 of ${body.total}`);

  // A conversation the filter leaves out says so, and one click shows it in the whole list.
  const template = ((await (await page.request.get('/api/conversations?tier=template')).json()) as ConversationListResponse).items[0]!.conversationId;
  await page.goto(`/conversations?tier=scenario&open=${template}`);
  await expect(page.getByTestId('preview-position')).toHaveText('Not in the filtered list');
  await page.getByRole('button', { name: 'Show in all conversations' }).click();
  await expect(page.getByTestId('preview-position')).toHaveText(/^Conversation \d+ of \d+$/);
  await expect(page).not.toHaveURL(/tier=/);
});

test('keyboard review starts with ↓ or the skip link, and the status views show their counts', async ({ page }) => {
  await signIn(page, '/conversations');
  await expect(rows(page).first()).toBeVisible();
  await page.locator('h1').click();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).first()).toBeFocused();

  // The first Tab on the page offers to skip the menu, straight to the rows.
  await page.reload();
  await expect(rows(page).first()).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rows(page).first()).toBeFocused();

  const counts = (await (await page.request.get('/api/conversations/status-counts')).json()) as StatusCounts;
  const views = page.getByRole('group', { name: 'Status views' });
  await expect(views.getByRole('button', { name: /^All/ })).toContainText(counts.total.toLocaleString('en-US'));
  await expect(views.locator('[data-status-pill="generated"]')).toHaveText(`Needs review ${counts.counts.generated.toLocaleString('en-US')}`);
  await views.locator('[data-status-pill="not_generated"]').click();
  await expect(page).toHaveURL(/status=not_generated/);
  await expect(page.getByTestId('result-count')).toContainText(`Showing ${counts.counts.not_generated}`);
});
