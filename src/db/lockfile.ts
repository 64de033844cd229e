import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';

/** What the lock file records: the owner's pid and when that process started. */
interface LockOwner {
  pid: number;
  /** The process's start time as the kernel counts it (Linux); absent elsewhere. */
  started?: string;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function commandLineOf(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return undefined;
  }
}

function readOwner(lockPath: string): LockOwner | null {
  const text = fs.readFileSync(lockPath, 'utf8').trim();
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, started: parsed.started } : null;
  } catch {
    return null;
  }
}

/**
 * Whether the recorded owner still holds the folder. A pid alone is not enough: after a crash
 * and a reboot, the pid may belong to any other process. So the lock records the owner's start
 * time, and a live process with that pid but another start time is not the owner. A lock from
 * an older version (a bare pid) counts only while that pid runs convgen.
 */
function ownerHoldsLock(owner: LockOwner): boolean {
  if (owner.pid === process.pid || !processIsAlive(owner.pid)) return false;
  const started = processStartTime(owner.pid);
  if (started === undefined) return true; // No /proc (macOS…): a live pid is all we can check.
  if (owner.started) return owner.started === started;
  return /convgen/.test(commandLineOf(owner.pid) ?? '');
}

/**
 * PGlite has no lock of its own: two processes on one directory silently lose writes.
 * The owning process holds `convgen.lock`; a second opener gets a clear error. A lock left by
 * a process that is gone (or whose pid now belongs to something else) is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'convgen.lock');
  const me: LockOwner = { pid: process.pid, started: processStartTime(process.pid) };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify(me));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readOwner(lockPath)?.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(lockPath);
      if (owner && ownerHoldsLock(owner)) {
        throw new AppError({
          code: 'data_dir_locked',
          status: 503,
          message: `Another convgen process (pid ${owner.pid}) is already using the data folder ${dataDir}.`,
          hint: 'Stop that process first, or point this one at another folder with CONVGEN_DATA_DIR. To share one database between processes, use PostgreSQL (DATABASE_URL).',
        });
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError({ code: 'data_dir_locked', message: `Could not lock the data folder ${dataDir}.`, hint: 'Check that the folder is writable.' });
}
