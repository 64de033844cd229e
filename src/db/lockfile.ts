import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock of its own: two processes on one directory silently lose writes.
 * The owning process holds `convgen.lock` (its pid); a second opener gets a clear error.
 * A lock left by a dead process is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'convgen.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (owner && owner !== process.pid && processIsAlive(owner)) {
        throw new AppError({
          code: 'data_dir_locked',
          status: 503,
          message: `Another convgen process (pid ${owner}) is already using the data folder ${dataDir}.`,
          hint: 'Stop that process first, or point this one at another folder with CONVGEN_DATA_DIR. To share one database between processes, use PostgreSQL (DATABASE_URL).',
        });
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError({ code: 'data_dir_locked', message: `Could not lock the data folder ${dataDir}.`, hint: 'Check that the folder is writable.' });
}
