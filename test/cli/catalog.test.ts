import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { convgen, listenForCli } from '../support/cli';

let t: TestApp;
let env: NodeJS.ProcessEnv;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-catalog-cli-'));

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  env = await listenForCli(t, 'admin');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const cli = (...args: string[]) => convgen(env, ['catalog', ...args]);

describe('convgen catalog', () => {
  it('imports a CSV file and lists the result; a bad file names its line and changes nothing', async () => {
    const good = path.join(folder, 'values.csv');
    fs.writeFileSync(good, 'dimension,label,guidance\npersona,Night-Shift Nurse,Clipped sentences\ntopic,Shift Handover,\n');
    const imported = await cli('import', good);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Imported 2 value(s) from values.csv');
    expect(imported.stdout).toMatch(/persona\s+1 added, 0 updated/);

    const listed = await cli('list', 'persona');
    expect(listed.stdout).toMatch(/night_shift_nurse\s+Night-Shift Nurse\s+0 conversation/);

    const bad = path.join(folder, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify([{ dimension: 'topic', label: 'Triage' }, { dimension: 'mood', label: 'Calm' }]));
    const refused = await cli('import', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Item 2, dimension');
    expect((await cli('list', 'topic')).stdout).not.toContain('triage');
    expect((await cli('list', 'mood')).stderr).toContain('Unknown dimension');
  });
});
