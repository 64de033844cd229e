/** Headless Chromium for the benches that time pages, signed in as the bench server's admin. */
import { chromium, type Browser, type Page } from '@playwright/test';
import { BENCH_ADMIN, type BenchServer } from './server';

/** The system's Chromium (/usr/bin/chromium), without the sandbox (benches may run as root) or a GPU. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}

/** A page at the size the figures are quoted for: a 1920×1080 desktop. */
export function openPage(browser: Browser): Promise<Page> {
  return browser.newPage({ viewport: { width: 1920, height: 1080 } });
}

/** Signs `page` in through the sign-in form and waits for the landing page (the conversations). */
export async function signIn(page: Page, server: BenchServer) {
  await page.goto(`${server.base}/sign-in`);
  await page.getByLabel('Email').fill(BENCH_ADMIN.email);
  await page.getByLabel('Password').fill(BENCH_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/conversations/);
}
