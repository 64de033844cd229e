import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * The convgen command recompiles when the sources change. Checked on a small stand-in project:
 * the real launcher, a one-line CLI, and the real node_modules (for the compiler).
 */
const projectRoot = path.resolve(import.meta.dirname, '../..');
let root: string;
const mainFile = () => path.join(root, 'src', 'cli', 'main.ts');
const run = () => spawnSync(process.execPath, [path.join(root, 'bin', 'convgen.js')], { encoding: 'utf8' });
const writeMain = (text: string, mtime?: Date) => {
  fs.writeFileSync(mainFile(), `console.log(${JSON.stringify(text)});\n`);
  if (mtime) fs.utimesSync(mainFile(), mtime, mtime);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-launcher-'));
  fs.mkdirSync(path.join(root, 'bin'));
  fs.mkdirSync(path.join(root, 'src', 'cli'), { recursive: true });
  // The launcher's second entry (the trainer preflight's token worker) must exist to compile.
  fs.mkdirSync(path.join(root, 'src', 'preflight'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'preflight', 'token-worker.ts'), 'export {};\n');
  fs.copyFileSync(path.join(projectRoot, 'bin', 'convgen.js'), path.join(root, 'bin', 'convgen.js'));
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the convgen launcher', () => {
  it('compiles on first use and again after an edit', () => {
    writeMain('first');
    expect(run().stdout.trim()).toBe('first');
    expect(fs.existsSync(path.join(root, 'dist', 'cli', 'token-worker.mjs'))).toBe(true);
    writeMain('second');
    expect(run().stdout.trim()).toBe('second');
  });

  it('recompiles a source file restored to an older version (older than the compiled file)', () => {
    writeMain('current');
    expect(run().stdout.trim()).toBe('current');
    // As `git checkout` of an old commit or a restore from backup leaves it: an older time.
    writeMain('restored', new Date(Date.now() - 7 * 86_400_000));
    expect(run().stdout.trim()).toBe('restored');
  });

  it('does not recompile when nothing changed', () => {
    writeMain('same');
    run();
    const compiled = path.join(root, 'dist', 'cli', 'convgen.mjs');
    const before = fs.statSync(compiled).mtimeMs;
    expect(run().stdout.trim()).toBe('same');
    expect(fs.statSync(compiled).mtimeMs).toBe(before);
  });
});
