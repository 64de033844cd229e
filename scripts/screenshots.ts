// `npm run screenshots [-- --out DIR] [-- --empty]`: starts convgen on a fresh demo workspace
// (or an empty one with --empty), signs in in headless Chromium and photographs the main screens
// at 1280, 1440 and 1920 px wide. Without --out it also refreshes docs/screenshot.png, the
// README's picture, so that picture always shows the app as it is.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const outDir = outArg >= 0 ? path.resolve(args[outArg + 1]!) : path.join(os.tmpdir(), 'convgen-screenshots');
const empty = args.includes('--empty');
const PORT = 4600 + Math.floor(Math.random() * 300);
const base = `http://localhost:${PORT}`;
const WIDTHS = [1280, 1440, 1920] as const;
const HEIGHT: Record<(typeof WIDTHS)[number], number> = { 1280: 800, 1440: 900, 1920: 1080 };

/** Each screen: a path, and what must be on it before the picture is taken. */
const SCREENS: { name: string; path: string; ready: (page: Page) => Promise<unknown> }[] = [
  { name: 'conversations', path: '/conversations', ready: (p) => p.getByRole('table', { name: 'Conversations' }).waitFor() },
  { name: 'review-queue', path: '/conversations?status=generated', ready: (p) => p.getByRole('table', { name: 'Conversations' }).waitFor() },
  { name: 'plan', path: '/conversations?plan=1', ready: (p) => p.getByRole('dialog', { name: 'Plan conversations' }).waitFor() },
  { name: 'documents', path: '/documents', ready: (p) => p.getByRole('heading', { name: 'Documents' }).waitFor() },
  { name: 'catalog', path: '/catalog', ready: (p) => p.getByRole('heading', { name: 'Catalog' }).waitFor() },
  { name: 'seeds', path: '/conversations?seed=only', ready: (p) => p.getByRole('table', { name: 'Conversations' }).waitFor() },
  { name: 'tiers', path: '/tiers', ready: (p) => p.getByRole('heading', { name: 'Tiers', exact: true }).waitFor() },
  { name: 'templates', path: '/templates', ready: (p) => p.getByRole('heading', { name: 'Templates', exact: true }).waitFor() },
  { name: 'template-analytics', path: '/templates/analytics', ready: (p) => p.getByRole('heading', { name: 'Template analytics' }).waitFor() },
  { name: 'arcs', path: '/arcs', ready: (p) => p.getByRole('heading', { name: 'Emotional arcs' }).waitFor() },
  { name: 'scenarios', path: '/scenarios', ready: (p) => p.getByRole('heading', { name: 'Scenarios', exact: true }).waitFor() },
  { name: 'edge-cases', path: '/edge-cases', ready: (p) => p.getByRole('heading', { name: 'Edge cases', exact: true }).waitFor() },
  { name: 'coverage', path: '/coverage', ready: (p) => p.getByRole('heading', { name: 'Coverage', exact: true }).waitFor() },
  { name: 'preflight', path: '/preflight', ready: (p) => p.getByRole('heading', { name: 'Trainer preflight' }).waitFor() },
  { name: 'runs', path: '/runs', ready: (p) => p.getByRole('heading', { name: 'Runs' }).waitFor() },
  { name: 'exports', path: '/exports', ready: (p) => p.getByRole('heading', { name: 'Exports' }).waitFor() },
  { name: 'settings', path: '/settings', ready: (p) => p.getByRole('heading', { name: 'Settings' }).waitFor() },
];

async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`convgen did not answer on ${base} within 3 minutes`);
}

/** The first conversation's id, to photograph the preview panel beside the table. */
async function firstConversationId(page: Page): Promise<string | undefined> {
  const row = page.locator('tr[data-row]').first();
  await Promise.race([row.waitFor(), page.getByTestId('empty-state').waitFor()]);
  return (await row.count()) ? ((await row.getAttribute('data-row')) ?? undefined) : undefined;
}

/** Generates the demo's planned conversations (offline, a few seconds) and reviews a few, so the pictures show a workspace in use. */
async function generateAndReviewSome(page: Page) {
  const write = { headers: { origin: base } };
  const run = await page.request.post(`${base}/api/runs`, { ...write, data: { all: true } });
  if (!run.ok()) throw new Error(`Could not start the run: ${run.status()} ${await run.text()}`);
  for (;;) {
    const counts = (await (await page.request.get(`${base}/api/conversations/status-counts`)).json()) as { counts: Record<string, number> };
    if (counts.counts.not_generated === 0 && counts.counts.generating === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const reviews: [string, 'approve' | 'reject'][] = [['conv-00002', 'approve'], ['conv-00003', 'approve'], ['conv-00004', 'reject'], ['conv-00006', 'approve']];
  for (const [id, action] of reviews) await page.request.post(`${base}/api/conversations/${id}/review`, { ...write, data: { action } });
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-screenshots-data-'));
  const server = spawn(process.execPath, ['bin/convgen.js', 'start'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PORT: String(PORT), CONVGEN_DATA_DIR: dataDir, CONVGEN_DEMO: empty ? '0' : '1', CONVGEN_ADMIN_EMAIL: 'admin@example.test', CONVGEN_ADMIN_PASSWORD: 'admin-password', LOG_LEVEL: 'warn' },
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await waitForHealth(Date.now() + 180_000);
    fs.mkdirSync(outDir, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill('admin@example.test');
    await page.getByLabel('Password').fill('admin-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/conversations/);
    if (!empty) await generateAndReviewSome(page);
    const openId = await firstConversationId(page);
    const screens = openId ? [...SCREENS, { name: 'preview', path: `/conversations?open=${openId}`, ready: (p: Page) => p.getByTestId('preview-id').filter({ hasText: openId }).waitFor() }] : SCREENS;
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT[width] });
      for (const screen of screens) {
        await page.goto(`${base}${screen.path}`);
        await screen.ready(page);
        await page.waitForLoadState('networkidle');
        const file = path.join(outDir, `${screen.name}-${width}.png`);
        await page.screenshot({ path: file });
        console.log(file);
      }
    }
    if (outArg < 0 && !empty && openId) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`${base}/conversations?open=${openId}`);
      await page.getByTestId('preview-id').filter({ hasText: openId }).waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(root, 'docs', 'screenshot.png') });
      console.log('docs/screenshot.png refreshed');
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
