import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const demoFolder = path.resolve(import.meta.dirname, '../../demo');
const check = (folder?: string) => spawnSync(process.execPath, [path.join(demoFolder, 'check.mjs'), ...(folder ? [folder] : [])], { encoding: 'utf8' });

describe('the demo workspace data', () => {
  it('passes its checker: structure, counts and every cross-reference', () => {
    const result = check();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('demo data OK');
  });

  it('the checker catches a scenario that names a persona the catalog does not have', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-demo-'));
    try {
      for (const file of fs.readdirSync(demoFolder).filter((f) => f.endsWith('.json'))) fs.copyFileSync(path.join(demoFolder, file), path.join(copy, file));
      const scenarios = JSON.parse(fs.readFileSync(path.join(copy, 'scenarios.json'), 'utf8'));
      scenarios[0].persona = 'no_such_persona';
      fs.writeFileSync(path.join(copy, 'scenarios.json'), JSON.stringify(scenarios));
      const result = check(copy);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('no_such_persona');
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
