/**
 * npm run bench:ui — the review workspace in headless Chromium with 100,000 conversations on
 * PGlite. Prints, with p50/p95 over repeated tries:
 *  - navigation to the table's first rows,
 *  - a filter click to the updated rows,
 *  - pressing → in the preview to the next conversation shown,
 * and the gzipped size of the JavaScript the dashboard loads. Nothing here is asserted.
 */
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { launchChromium, openPage, signIn } from './support/browser';
import { prepareDataset } from './support/dataset';
import { latencyCells } from './support/latency';
import { withBenchServer, type BenchServer } from './support/server';

const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const TRIES = Number(process.env.BENCH_TRIES ?? 20);
const PORT = 3872;
const log = (msg: string) => console.log(msg);

/** Milliseconds from `action` (run in the page) until `done` (polled every frame) holds. */
async function timeInPage(page: Page, action: string, done: string): Promise<number> {
  // Sent as source text: functions compiled here would carry helpers the page does not have.
  return page.evaluate(`(async () => {
    const t0 = performance.now();
    ${action};
    await new Promise((resolve, reject) => {
      const give = setTimeout(() => reject(new Error('timed out waiting for the change')), 15000);
      const poll = () => ((${done}) ? (clearTimeout(give), resolve()) : requestAnimationFrame(poll));
      poll();
    });
    return performance.now() - t0;
  })()`) as Promise<number>;
}

function report(name: string, times: number[]) {
  log(`| ${name} | ${latencyCells(times, ['p50', 'p95', 'max'])} |`);
}

/** Records the gzipped size of each script `page` loads into `sizes`, by URL. */
function recordScriptSizes(page: Page, sizes: Map<string, number>) {
  page.on('response', async (res) => {
    if (res.request().resourceType() !== 'script' || !res.ok()) return;
    sizes.set(res.url(), zlib.gzipSync(await res.body(), { level: 9 }).length);
  });
}

async function main() {
  await withBenchServer({ name: 'ui', port: PORT, command: 'start', prepare: (store) => prepareDataset(store.connection, COUNT, log) }, async (server) => {
    const browser = await launchChromium();
    try {
      await measure(server, browser);
    } catch (err) {
      // What the page looked like when a measure gave up, for whoever runs the bench.
      const shot = path.join(os.tmpdir(), 'convgen-bench-ui-failure.png');
      await browser.contexts()[0]?.pages()[0]?.screenshot({ path: shot });
      console.error(`Screenshot of the page: ${shot}`);
      throw err;
    } finally {
      await browser.close();
    }
  });
}

async function measure(server: BenchServer, browser: Browser) {
  const { base } = server;
  const page = await openPage(browser);
  const scripts = new Map<string, number>();
  recordScriptSizes(page, scripts);
  await signIn(page, server);
  await page.waitForSelector('tr[data-row]');

  // 1. Navigation to the first rows: a full page load each time (the browser cache is warm after
  // the first), timed in the page from the navigation's start to the first row in the DOM, so
  // the automation's own round trips are not counted.
  await page.addInitScript(`new MutationObserver((_, observer) => {
    if (document.querySelector('tr[data-row]')) { window.__firstRows = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });`);
  const navigation: number[] = [];
  for (let i = 0; i < TRIES; i++) {
    await page.goto(`${base}/conversations?page=${1 + (i % 7)}`);
    await page.waitForSelector('tr[data-row]');
    navigation.push((await page.evaluate('window.__firstRows')) as number);
  }

  // 2. A filter click to updated rows: the status views in turn, from the unfiltered view.
  await page.goto(`${base}/conversations`);
  await page.waitForSelector('tr[data-row]');
  const filterClicks: number[] = [];
  const quick = ['generated', 'failed', 'approved'];
  for (let i = 0; i < TRIES; i++) {
    const status = quick[i % quick.length];
    // Done when the table shows rows and every status badge in it is the filtered status.
    filterClicks.push(
      await timeInPage(
        page,
        `document.querySelector('[data-status-pill=${JSON.stringify(status)}]').click()`,
        `(() => { const badges = [...document.querySelectorAll('tbody tr[data-row] [data-status]')]; return badges.length > 0 && badges.every((b) => b.getAttribute('data-status') === ${JSON.stringify(status)}); })()`,
      ),
    );
    await page.waitForTimeout(150);
  }

  // 3. → in the preview to the next conversation shown, pausing as a reviewer would.
  await page.goto(`${base}/conversations?open=bench-000001&sort=conversationId`);
  await page.waitForSelector('[data-testid="preview-id"]:text("bench-000001")');
  const nextPresses: number[] = [];
  for (let i = 0; i < TRIES; i++) {
    const current = await page.getByTestId('preview-id').textContent();
    await page.waitForTimeout(300);
    nextPresses.push(
      await timeInPage(
        page,
        `document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))`,
        `(() => { const t = document.querySelector('[data-testid="preview-id"]')?.textContent; return t && t !== ${JSON.stringify(current)} && t !== '…' && document.querySelector('[aria-label="Conversation turns"]') !== null; })()`,
      ),
    );
  }

  // 4. The JavaScript a fresh dashboard load fetches.
  scripts.clear();
  const fresh = await browser.newPage();
  recordScriptSizes(fresh, scripts);
  await fresh.context().addCookies(await page.context().cookies());
  await fresh.goto(`${base}/conversations`);
  await fresh.waitForSelector('tr[data-row]');
  await fresh.waitForLoadState('networkidle');
  const jsBytes = [...scripts.values()].reduce((a, b) => a + b, 0);

  log(`\nThe review workspace in headless Chromium, 1920×1080, PGlite with ${COUNT.toLocaleString()} conversations, ${TRIES} tries each:\n`);
  log('| measure | p50 | p95 | max |');
  log('| --- | --- | --- | --- |');
  report('navigation to the first rows', navigation);
  report('filter click to updated rows', filterClicks);
  report('→ in the preview to the next conversation', nextPresses);
  log(`\nJavaScript loaded by the dashboard: ${(jsBytes / 1024).toFixed(1)} KB gzipped in ${scripts.size} file${scripts.size === 1 ? '' : 's'}.`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
