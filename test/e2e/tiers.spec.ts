import { expect, test, type Page } from '@playwright/test';
import { useOwnServer } from './support/own-server';

// Prompt design and Tier 1 end to end on a demo workspace of its own (its template, arc changes
// and generated conversations stay out of the shared one): edit the Triumph template as a draft,
// see the diff, test it and activate it; set an arc distribution and see its preview; fill the
// missing template combinations; run "Generate All Tier 1" to completion on the offline
// generator; and see in a Triumph conversation's preview its arc's stages and the new version.
const { signInAsAdmin } = useOwnServer({ name: 'tiers', portOffset: 7, admin: { email: 'tiers@example.test', password: 'tiers-password' }, env: { CONVGEN_OFFLINE_LATENCY_MS: '50' } });

const percent = (page: Page, label: string) => page.getByLabel(`${label} percent`);

const TRIUMPH_TEMPLATE = 'Triumph: Goal Within Reach';

test('edit, test and activate a template, set the arc distribution, fill Tier 1 and generate all of it', async ({ page }) => {
  test.setTimeout(240_000);
  await signInAsAdmin(page);

  // 1. The Triumph template: a draft v2 with a new line, its diff, a test, then activation.
  await page.goto('/templates');
  await page.getByRole('link', { name: TRIUMPH_TEMPLATE }).click();
  await expect(page.getByRole('heading', { name: TRIUMPH_TEMPLATE })).toBeVisible();
  const body = page.getByLabel('Template text');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nClose with one concrete next step the user can take this week.');
  await page.getByLabel('Note for this version').fill('A concrete next step at the end');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page.getByText('Saved as draft v2')).toBeVisible();
  const diff = page.getByTestId('version-diff');
  await expect(diff.locator('tr[data-kind="added"], tr[data-kind="changed"]').first()).toContainText('one concrete next step');
  await page.getByRole('button', { name: 'Test template', exact: true }).click();
  const testDialog = page.getByRole('dialog');
  await expect(testDialog.getByTestId('test-prompt')).toContainText('one concrete next step');
  await testDialog.getByRole('button', { name: 'Send test request' }).click();
  await expect(testDialog.getByTestId('test-score')).toHaveText(/\d+\.\d/);
  await testDialog.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Activate v2' }).click();
  await expect(page.getByText(`${TRIUMPH_TEMPLATE} v2 is active`)).toBeVisible();

  // 2. The arcs page: 99 % is refused as you type, 100 % can be saved, the preview follows.
  await page.goto('/arcs');
  await expect(page.getByRole('heading', { name: 'Emotional arcs' })).toBeVisible();
  await expect(page.getByTestId('arc-total')).toHaveText('Total: 100 %');
  const save = page.getByRole('button', { name: 'Save', exact: true });
  await expect(save).toBeDisabled();
  await percent(page, 'Triumph').fill('19');
  await expect(page.getByTestId('arc-total')).toHaveText('Total: 99 % — must be 100 %');
  await expect(save).toBeDisabled();

  await page.getByRole('checkbox', { name: 'Use Anxiety-to-Relief' }).click();
  await page.getByRole('checkbox', { name: 'Use Discovery' }).click();
  await percent(page, 'Triumph').fill('40');
  await percent(page, 'Struggle-to-Success').fill('30');
  await percent(page, 'Steady Confidence').fill('30');
  await expect(page.getByTestId('arc-total')).toHaveText('Total: 100 %');
  await page.getByLabel('Preview for').fill('10');
  await expect(page.getByTestId('arc-preview')).toHaveText('10 conversations = 4 Triumph + 3 Struggle-to-Success + 3 Steady Confidence');
  await save.click();
  await expect(page.getByText('Arc distribution saved')).toBeVisible();
  await page.reload();
  await expect(percent(page, 'Triumph')).toHaveValue('40');
  await expect(page.getByRole('checkbox', { name: 'Use Discovery' })).not.toBeChecked();

  // Unticking every arc is refused before saving.
  for (const name of ['Triumph', 'Struggle-to-Success', 'Steady Confidence']) await page.getByRole('checkbox', { name: `Use ${name}` }).click();
  await expect(page.getByTestId('arc-problem')).toHaveText('At least one arc must be enabled.');
  await expect(save).toBeDisabled();
  await page.getByRole('button', { name: 'Undo changes' }).click();
  await expect(page.getByTestId('arc-total')).toHaveText('Total: 100 %');

  // 3. The Tiers page: three sections, the arc distribution, and the missing combinations filled.
  await page.goto('/tiers');
  for (const name of ['Tier 1: Template', 'Tier 2: Scenario', 'Tier 3: Edge Case']) await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByTestId('arc-distribution')).toContainText('Triumph');
  await page.getByRole('button', { name: 'Fill Missing Template Combinations' }).click();
  const create = page.getByRole('button', { name: /^Create \d+$/ });
  await expect(create).toBeEnabled();
  await create.click();
  await expect(page.getByRole('dialog')).toContainText('Template conversations planned');
  await page.getByRole('button', { name: 'Later' }).click();
  await expect(page.getByTestId('arc-coverage-missing')).toHaveText('Every persona has a template conversation on every enabled arc.');

  // 4. Generate All Tier 1, with the estimate first, to completion.
  const progress = page.getByTestId('tier-progress-template');
  // The tier's size after the fill, from the server (the page's figure may not have refreshed yet).
  const overview = await (await page.request.get('/api/tiers')).json();
  const total = String(overview.items.find((t: { tier: string }) => t.tier === 'template').total);
  await expect(progress).toContainText(`of ${total} generated`);
  await page.getByRole('button', { name: 'Generate All Tier 1' }).click();
  await expect(page.getByTestId('estimate-count')).not.toHaveText('0');
  await page.getByRole('dialog').getByRole('button', { name: /^Generate \d+$/ }).click();
  await expect(page.getByTestId('tier-run-1')).toContainText(/Generating Tier 1: \d+ of \d+ complete|Tier 1 run completed/);
  await expect(page.getByTestId('tier-run-1')).toContainText('Tier 1 run completed', { timeout: 120_000 });
  await expect(progress).toHaveText(`Tier 1: ${total} of ${total} generated`);

  // 5. A template conversation's preview shows its arc, stage by stage.
  await page.getByRole('link', { name: 'View conversations' }).first().click();
  await expect(page).toHaveURL(/tier=template/);
  // A conversation's row, not one of the skeleton rows shown until the page's rows arrive (a click on those opens nothing).
  await page.locator('tbody tr[data-row]').first().click();
  await expect(page.getByTestId('arc-stages')).toBeVisible();
  await expect(page.getByTestId('arc-stages').getByRole('listitem').first()).not.toBeEmpty();

  // 6. Every Triumph conversation was generated with the version activated in step 1.
  const list = (await (await page.request.get('/api/conversations?tier=template&pageSize=100')).json()) as { items: { conversationId: string; arcKey: string | null; status: string }[] };
  const triumph = list.items.find((c) => c.arcKey === 'triumph' && c.status === 'generated');
  expect(triumph, 'a generated Triumph conversation').toBeDefined();
  await page.goto(`/conversations?open=${triumph!.conversationId}`);
  await expect(page.getByTestId('conversation-template')).toContainText(`${TRIUMPH_TEMPLATE} v2`);
});
