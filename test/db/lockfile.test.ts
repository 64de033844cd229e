import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, processStartTime } from '../../src/db/lockfile';
import { AppError } from '../../src/core/errors';

const lockIn = (dir: string) => path.join(dir, 'convgen.lock');
const children: ReturnType<typeof spawn>[] = [];
/** A live process; `argv0Name` shows in its command line, as `convgen` does in a real server's. */
const liveProcess = (marker = 'unrelated') => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', marker]);
  children.push(child);
  return child;
};
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

describe('PGlite data folder lock', () => {
  it('refuses a second owner while the first process lives, with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-lock-'));
    const other = liveProcess();
    fs.writeFileSync(lockIn(dir), JSON.stringify({ pid: other.pid, started: processStartTime(other.pid!) }));
    expect(() => acquireDataDirLock(dir)).toThrowError(AppError);
    try {
      acquireDataDirLock(dir);
    } catch (err) {
      expect((err as AppError).message).toContain(`pid ${other.pid}`);
      expect((err as AppError).hint).toMatch(/CONVGEN_DATA_DIR/);
    }
  });

  it('takes over a lock left by a dead process, and releases it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-lock-'));
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    fs.writeFileSync(lockIn(dir), JSON.stringify({ pid: dead.pid, started: '1' }));
    const release = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lockIn(dir), 'utf8'))).toEqual({ pid: process.pid, started: processStartTime(process.pid) });
    release();
    expect(fs.existsSync(lockIn(dir))).toBe(false);
  });

  it('takes over a stale lock whose pid now belongs to an unrelated process', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-lock-'));
    const unrelated = liveProcess();
    // The owner crashed; after a reboot its pid went to another program, started at another time.
    fs.writeFileSync(lockIn(dir), JSON.stringify({ pid: unrelated.pid, started: '12345' }));
    const release = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lockIn(dir), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('reads an older lock (a bare pid): held only while that pid runs convgen', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-lock-'));
    fs.writeFileSync(lockIn(dir), String(liveProcess('some-other-program').pid));
    acquireDataDirLock(dir)();

    const server = liveProcess('bin/convgen.js');
    fs.writeFileSync(lockIn(dir), String(server.pid));
    expect(() => acquireDataDirLock(dir)).toThrowError(/Another convgen process/);
  });
});
