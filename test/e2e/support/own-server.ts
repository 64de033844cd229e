import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/**
 * A convgen server of the spec's own, on `CONVGEN_E2E_PORT + portOffset` with a fresh data folder,
 * for tests that need a workspace no other spec uses (an empty one, or a demo they change a lot).
 * Registers the start and stop hooks and points the spec's pages at it.
 */
export function useOwnServer(options: { name: string; portOffset: number; admin: { email: string; password: string }; env?: Record<string, string> }) {
  const port = Number(process.env.CONVGEN_E2E_PORT ?? 3917) + options.portOffset;
  const base = `http://localhost:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `convgen-e2e-${options.name}-`));
  let server: ChildProcess | null = null;

  test.use({ baseURL: base });

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = spawn(process.execPath, ['bin/convgen.js', 'start'], {
      env: {
        ...process.env,
        PORT: String(port),
        CONVGEN_DATA_DIR: dataDir,
        CONVGEN_ADMIN_EMAIL: options.admin.email,
        CONVGEN_ADMIN_PASSWORD: options.admin.password,
        LOG_LEVEL: 'warn',
        ...options.env,
      },
      stdio: 'ignore',
    });
    await expect.poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, { timeout: 100_000, intervals: [250] }).toBe(200);
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Signs in as the server's admin and waits for the conversations page. */
  const signInAsAdmin = async (page: Page) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(options.admin.email);
    await page.getByLabel('Password').fill(options.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/conversations/);
  };
  return { base, signInAsAdmin };
}
