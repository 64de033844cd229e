import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { SAME_ORIGIN } from '../../playwright.config';
import { signIn } from './support/session';

test.describe.configure({ mode: 'serial' });

/**
 * Template analytics on the demo workspace: a few scenario and edge-case conversations are
 * generated first (the demo plans but does not generate), so two templates have figures to sort,
 * filter, compare, plot and export. Generated conversations are an ordinary state other specs
 * already leave behind; nothing is reviewed or changed otherwise.
 */
test('sort, filter, compare two templates, see the trend and download the CSV', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);

  const pick = async (tier: string, count: number) => {
    const list = await (await page.request.get(`/api/conversations?tier=${tier}&status=not_generated&pageSize=25`)).json();
    return (list.items as { conversationId: string }[]).slice(0, count).map((c) => c.conversationId);
  };
  const ids = [...(await pick('scenario', 3)), ...(await pick('edge_case', 2))];
  if (ids.length) {
    const run = await page.request.post('/api/runs', { headers: SAME_ORIGIN, data: { conversationIds: ids } });
    expect(run.status()).toBe(201);
    const { runId } = await run.json();
    await expect.poll(async () => (await (await page.request.get(`/api/runs/${runId}`)).json()).status, { timeout: 60_000 }).toBe('completed');
  }

  await page.goto('/templates/analytics');
  await expect(page.getByRole('heading', { name: 'Template analytics' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Templates' }).first()).toHaveAttribute('href', '/templates');
  const rows = page.getByTestId('analytics-row');
  await expect(rows.first()).toBeVisible();

  // Sort by quality, then turn the order round: the URL keeps it.
  const quality = page.getByRole('columnheader', { name: /Average quality/ });
  await quality.getByRole('button').click();
  await expect(quality).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=quality/);
  await quality.getByRole('button').click();
  await expect(quality).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/order=asc/);

  // Filter to tier 2: only scenario templates remain.
  await page.getByLabel('Tier', { exact: true }).selectOption('scenario');
  await expect(page).toHaveURL(/tier=scenario/);
  await expect(rows.filter({ hasNotText: 'Tier 2' })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Tier 2' }).first()).toBeVisible();
  // A quality threshold drops templates with no scored conversation.
  await page.getByLabel('Minimum quality').selectOption('5');
  await expect(page).toHaveURL(/minQuality=5/);
  await expect(page.locator('[data-testid="analytics-row"][data-key="builtin_scenario"]')).toHaveCount(0);
  await page.getByLabel('Tier', { exact: true }).selectOption('');
  await page.getByLabel('Minimum quality').selectOption('');

  // A template opens to its versions.
  const scenarioRow = page.locator('[data-testid="analytics-row"][data-key="scenario_default"]');
  await scenarioRow.getByRole('button', { name: /Scenario/ }).click();
  await expect(page.getByTestId('analytics-version-row').first()).toContainText('Version 1');

  // Compare two templates side by side.
  await page.getByRole('checkbox', { name: 'Compare Scenario: Real-World Situation', exact: true }).click();
  await expect(page.getByTestId('comparison')).toContainText('tick one more to compare');
  await page.getByRole('checkbox', { name: 'Compare Edge Case: Boundary and Pressure Test', exact: true }).click();
  await expect(page).toHaveURL(/compare=scenario_default%2Cedge_case_default|compare=scenario_default,edge_case_default/);
  const compared = page.getByTestId('compared-entry');
  await expect(compared).toHaveCount(2);
  await expect(compared.first()).toContainText('Average quality');
  await expect(page.getByTestId('comparison').getByTestId('quality-trend-chart').locator('.recharts-line')).toHaveCount(2);

  // The trend chart plots the chosen templates.
  const trend = page.getByTestId('trend-panel');
  await expect(trend.getByRole('button', { name: 'Scenario: Real-World Situation', pressed: true })).toBeVisible();
  // All of today's conversations fall in one bucket: each plotted template shows as a dot.
  await expect(trend.getByTestId('quality-trend-chart').locator('.recharts-dot').first()).toBeVisible();
  await trend.getByLabel('Group by').selectOption('week');
  await expect(page).toHaveURL(/bucket=week/);

  // The CSV: one row per template and per version.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('analytics-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^template-analytics-\d{4}-\d\d-\d\d\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^row,templateId,key,name,tier/);
  expect(csv).toMatch(/\ntemplate,[^,]+,scenario_default,/);
  expect(csv).toMatch(/\nversion,[^,]+,scenario_default,.*,1,/);
});
