import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// CONVGEN_E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.CONVGEN_E2E_PORT ?? 3917);
/** A second, empty workspace with no admin yet, for the first-run flow. */
export const FIRST_RUN_PORT = PORT + 1;
/** Writes a test makes with the browser's session must name convgen's origin, as its own pages do. */
export const SAME_ORIGIN = { origin: `http://localhost:${PORT}` };
// Fresh data folders per run: the browser tests start from the demo workspace (and an empty one).
const dataDir = path.join(os.tmpdir(), `convgen-e2e-${process.pid}`);
const firstRunDataDir = path.join(os.tmpdir(), `convgen-e2e-first-run-${process.pid}`);

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1920, height: 1080 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  // Playwright starts these one after the other: the first builds the web app if needed.
  webServer: [
    {
      command: 'node bin/convgen.js start',
      url: `http://localhost:${PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      env: {
        PORT: String(PORT),
        CONVGEN_DATA_DIR: dataDir,
        CONVGEN_ADMIN_EMAIL: 'admin@example.test',
        CONVGEN_ADMIN_PASSWORD: 'admin-password',
        CONVGEN_OFFLINE_LATENCY_MS: '800',
        LOG_LEVEL: 'warn',
      },
    },
    {
      command: 'node bin/convgen.js start',
      url: `http://localhost:${FIRST_RUN_PORT}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      env: { PORT: String(FIRST_RUN_PORT), CONVGEN_DATA_DIR: firstRunDataDir, CONVGEN_DEMO: '0', LOG_LEVEL: 'warn' },
    },
  ],
});
