import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';

describe('one process per PGlite data folder', () => {
  it('refuses a second convgen process on the same folder with a clear error, and allows it once the first has closed', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-owned-'));
    const first = await openDatabase({ dataDir });
    const env = { ...process.env, CONVGEN_DATA_DIR: dataDir };
    try {
      const second = spawnSync(process.execPath, ['bin/convgen.js', 'migrate'], { env, encoding: 'utf8' });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`Another convgen process (pid ${process.pid}) is already using the data folder`);
      expect(second.stderr).toContain('CONVGEN_DATA_DIR');
    } finally {
      await first.close();
    }
    const third = spawnSync(process.execPath, ['bin/convgen.js', 'migrate'], { env, encoding: 'utf8' });
    expect(third.stderr).toBe('');
    expect(third.stdout).toContain('Migrations applied.');
    expect(third.status).toBe(0);
    // Two convgen processes start and migrate one after the other: slow on a busy machine.
  }, 120_000);
});
