import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = 3917;
// A fresh data folder per run: the browser tests start from the demo workspace.
const dataDir = path.join(os.tmpdir(), `convgen-e2e-${process.pid}`);

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
  webServer: {
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
});
