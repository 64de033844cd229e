import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../../src/db/lockfile';
import { AppError } from '../../src/core/errors';

describe('PGlite data folder lock', () => {
  it('refuses a second owner while the first process lives, with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-lock-'));
    // Another live process holds the lock.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    fs.writeFileSync(path.join(dir, 'convgen.lock'), String(other.pid));
    try {
      expect(() => acquireDataDirLock(dir)).toThrowError(AppError);
      try {
        acquireDataDirLock(dir);
      } catch (err) {
        expect((err as AppError).message).toContain(`pid ${other.pid}`);
        expect((err as AppError).hint).toMatch(/CONVGEN_DATA_DIR/);
      }
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a dead process, and releases it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-lock-'));
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    fs.writeFileSync(path.join(dir, 'convgen.lock'), String(dead.pid));
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'convgen.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'convgen.lock'))).toBe(false);
  });
});
