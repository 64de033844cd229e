import { expect, test } from '@playwright/test';
import type { CoverageReport } from '../../src/contract/coverage';
import { useOwnServer } from './support/own-server';

// The coverage dashboard end to end on a demo workspace of its own (Generate Recommended adds
// and generates conversations): a heatmap cell opens the table filtered to that persona ×
// emotion; back on the dashboard, Generate Recommended plans the top recommendations, the usual
// confirmation starts the run, and when it has finished the recommended cell has grown.
const { signInAsAdmin } = useOwnServer({ name: 'coverage', portOffset: 8, admin: { email: 'coverage@example.test', password: 'coverage-password' }, env: { CONVGEN_OFFLINE_LATENCY_MS: '50' } });

test('heatmap cell → filtered table → Generate Recommended → the heatmap cell has grown', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  await page.goto('/coverage');
  await expect(page.getByRole('heading', { name: 'Coverage Recommendations' })).toBeVisible();
  await expect(page.getByTestId('chart-heatmap')).toBeVisible();
  const report = (await (await page.request.get('/api/coverage')).json()) as CoverageReport;

  // 1. A cell with conversations opens the table with exactly that persona × emotion.
  const cell = report.personaEmotion.find((c) => c.count > 0)!;
  const cellLink = page.getByTestId(`heatmap-cell-${cell.persona}-${cell.emotion}`);
  await expect(cellLink).toHaveText(String(cell.count));
  await cellLink.click();
  await expect(page).toHaveURL(new RegExp(`/conversations\\?.*persona=${cell.persona}`));
  await expect(page).toHaveURL(new RegExp(`emotion=${cell.emotion}`));
  const table = page.getByRole('table', { name: 'Conversations' });
  await expect(table.locator('tbody tr')).toHaveCount(cell.count);
  for (const text of await table.locator('tbody tr td[data-column="persona"]').allTextContents()) expect(text).toBe(cell.personaLabel);
  await expect(page.getByRole('button', { name: `Remove filter Emotion: ${cell.emotionLabel}` })).toBeVisible();

  // 2. Back to the dashboard: the recommendations name the thinnest combination, a gap on the heatmap.
  await page.goBack();
  await expect(page).toHaveURL(/\/coverage/);
  const [first] = report.recommendations;
  const gapCell = page.getByTestId(`heatmap-cell-${first.persona}-${first.emotion}`);
  await expect(gapCell).toHaveAttribute('data-gap', 'true');
  await expect(gapCell).toHaveText(String(first.count));
  const items = page.getByTestId('recommendation');
  await expect(items).toHaveCount(5);
  await expect(items.first()).toContainText(`${first.personaLabel} + ${first.emotionLabel}`);
  await expect(items.first()).toContainText('Recommended: 3–5 conversations');

  // 3. Generate Recommended: planned through the planner, confirmed with the usual estimate.
  await page.getByRole('button', { name: 'Generate Recommended' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(/Generate the \d+ recommended conversations\?/);
  const expected = report.recommendations.reduce((s, r) => s + r.toPlan + r.waiting, 0);
  await expect(dialog.getByTestId('estimate-count')).toHaveText(expected.toLocaleString('en-US'));
  await dialog.getByRole('button', { name: /^Generate \d+$/ }).click();
  await expect(dialog).toBeHidden();

  // 4. The dashboard follows the run: when it has finished, the cell holds the target.
  await expect(gapCell).toHaveText(String(first.count + first.toPlan + first.waiting), { timeout: 120_000 });
  await expect(gapCell).not.toHaveAttribute('data-gap', 'true');
  await expect(items.first()).not.toContainText(`${first.personaLabel} + ${first.emotionLabel}:`);
});
