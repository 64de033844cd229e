import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { convgen, listenForCli } from '../support/cli';

let t: TestApp;
let env: NodeJS.ProcessEnv;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-seeds-cli-'));

beforeAll(async () => {
  t = await createTestApp();
  env = await listenForCli(t, 'generator');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const cli = (...args: string[]) => convgen(env, ['seeds', ...args]);

const seed = (role: string) => ({
  conversationId: 'seed-cli-1',
  persona: 'anxious_investor',
  emotion: 'anxiety',
  topic: 'market_volatility',
  intent: 'express_concern',
  tone: 'warm_reassuring',
  turns: [
    { role: 'user', content: 'Is now a bad time to invest?' },
    { role, content: 'Nobody can time the market reliably; what matters is when you need the money.' },
  ],
});

describe('convgen seeds import', () => {
  it('prints the line and field of a problem, imports nothing, then imports the corrected file', { timeout: 120_000 }, async () => {
    const file = path.join(folder, 'seeds.json');
    const wrong = JSON.stringify([seed('robot')], null, 2);
    fs.writeFileSync(file, wrong);
    const refused = await cli('import', file);
    expect(refused.code).toBe(1);
    const line = wrong.split('\n').findIndex((l) => l.includes('"robot"')) + 1;
    expect(refused.stderr).toContain(`line ${line}, conversations[0].turns[1].role: must be user or assistant`);
    expect(refused.stderr).toMatch(/nothing was imported/i);
    expect((await t.as('viewer', { method: 'GET', url: '/api/conversations/seed-cli-1' })).statusCode).toBe(404);

    fs.writeFileSync(file, JSON.stringify([seed('assistant')], null, 2));
    const done = await cli('import', file);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(`Imported 1 seed conversation from ${file}: seed-cli-1`);
    expect((await t.as('viewer', { method: 'GET', url: '/api/conversations/seed-cli-1' })).json().isSeed).toBe(true);
  });

  it('says when the file cannot be read', { timeout: 60_000 }, async () => {
    const missing = await cli('import', path.join(folder, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('could not be read');
  });
});
