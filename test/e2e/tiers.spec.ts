import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

// Tier 1 end to end on a demo workspace of its own (its arc changes and generated conversations
// stay out of the shared one): set an arc distribution and see its preview, fill the missing
// template combinations, run "Generate All Tier 1" to completion on the offline generator, and
// see an arc's stages in a conversation's preview.
const PORT = Number(process.env.CONVGEN_E2E_PORT ?? 3917) + 7;
const BASE = `http://localhost:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-e2e-tiers-'));
let server: ChildProcess | null = null;

test.use({ baseURL: BASE });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn(process.execPath, ['bin/convgen.js', 'start'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      CONVGEN_DATA_DIR: dataDir,
      CONVGEN_ADMIN_EMAIL: 'tiers@example.test',
      CONVGEN_ADMIN_PASSWORD: 'tiers-password',
      CONVGEN_OFFLINE_LATENCY_MS: '50',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  await expect.poll(async () => (await fetch(`${BASE}/api/health`).catch(() => null))?.status ?? 0, { timeout: 100_000, intervals: [250] }).toBe(200);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const percent = (page: Page, label: string) => page.getByLabel(`${label} percent`);

test('set the arc distribution, fill Tier 1 and generate all of it', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('tiers@example.test');
  await page.getByLabel('Password').fill('tiers-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/conversations/);

  // 1. The arcs page: 99 % is refused as you type, 100 % can be saved, the preview follows.
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

  // 2. The Tiers page: three sections, the arc distribution, and the missing combinations filled.
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

  // 3. Generate All Tier 1, with the estimate first, to completion.
  const progress = page.getByTestId('tier-progress-template');
  const [, total] = /of (\d+) generated/.exec((await progress.textContent()) ?? '') ?? [];
  await page.getByRole('button', { name: 'Generate All Tier 1' }).click();
  await expect(page.getByTestId('estimate-count')).not.toHaveText('0');
  await page.getByRole('dialog').getByRole('button', { name: /^Generate \d+$/ }).click();
  await expect(page.getByTestId('tier-run-1')).toContainText(/Generating Tier 1: \d+ of \d+ complete|Tier 1 run completed/);
  await expect(page.getByTestId('tier-run-1')).toContainText('Tier 1 run completed', { timeout: 120_000 });
  await expect(progress).toHaveText(`Tier 1: ${total} of ${total} generated`);

  // 4. A template conversation's preview shows its arc, stage by stage.
  await page.getByRole('link', { name: 'View conversations' }).first().click();
  await expect(page).toHaveURL(/tier=template/);
  await page.getByRole('row').nth(1).click();
  await expect(page.getByTestId('arc-stages')).toBeVisible();
  await expect(page.getByTestId('arc-stages').getByRole('listitem').first()).not.toBeEmpty();
});
