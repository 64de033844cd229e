#!/usr/bin/env node
// `npm test`: installs missing system packages (Chromium, PostgreSQL), then runs the
// typecheck, the linter, the Vitest suites (unit, API, database on PGlite and PostgreSQL) and
// the Playwright browser tests, and ends with one "N passed, N failed" line for all of them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const reports = path.join(root, '.test-data', 'reports');
fs.mkdirSync(reports, { recursive: true });

const run = (title, cmd, args, env = {}) => {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
};

let passed = 0;
let failed = 0;
const failures = [];
const check = (name, ok) => {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
};

if (!run('system packages', 'bash', ['scripts/install-system-deps.sh'])) {
  console.error('Could not install the system packages the tests need.');
  process.exit(1);
}

check('typecheck', run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));
check('lint', run('lint', 'npx', ['eslint', '.', '--max-warnings=0']));

const vitestJson = path.join(reports, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vitestOk = run('unit, API and database tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  for (const file of report.testResults) for (const t of file.assertionResults) if (t.status === 'failed') failures.push(t.fullName);
  // A suite that crashed before its tests ran counts as a failure too.
  for (const file of report.testResults) if (file.status === 'failed' && file.assertionResults.every((t) => t.status !== 'failed')) check(`suite ${path.relative(root, file.name)}`, false);
  // Vitest fails the run on an unhandled error even when every test passed: count it, so the
  // summary line and the exit code always agree.
  if (!vitestOk && report.numFailedTests === 0) check('vitest (unhandled errors: see above)', false);
} else check('vitest (no report)', vitestOk);

const playwrightJson = path.join(reports, 'playwright.json');
fs.rmSync(playwrightJson, { force: true });
const e2eOk = run('browser tests (Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson });
if (fs.existsSync(playwrightJson)) {
  const report = JSON.parse(fs.readFileSync(playwrightJson, 'utf8'));
  passed += report.stats.expected;
  failed += report.stats.unexpected + report.stats.flaky;
  if (report.errors?.length || (!e2eOk && report.stats.unexpected + report.stats.flaky === 0)) check('playwright (global errors)', false);
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) if (!spec.ok) failures.push(spec.title);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
} else check('playwright (no report)', e2eOk);

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && vitestOk && e2eOk ? 0 : 1);
