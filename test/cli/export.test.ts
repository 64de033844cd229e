import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { convgen, listenForCli } from '../support/cli';

let t: TestApp;
let env: NodeJS.ProcessEnv;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-cli-export-'));

/** The demo's seed conversations are approved: enough to export without generating first. */
beforeAll(async () => {
  t = await createTestApp();
  env = await listenForCli(t, 'reviewer');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => convgen(env, args);

describe('convgen export', () => {
  it('writes the approved conversations in the chosen format to --out', async () => {
    const approved = (await t.as('viewer', { method: 'GET', url: '/api/conversations?status=approved' })).json().total;
    expect(approved).toBeGreaterThan(0);
    const out = path.join(dir, 'anthropic.jsonl');
    const result = await cli('export', '--format', 'anthropic', '--system-prompt', 'Be kind.', '--out', out);
    expect(result.stderr).toContain(`Wrote ${approved} conversations to ${out}`);
    expect(result.code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['system', 'messages']);
      expect(l.system).toBe('Be kind.');
    }
  });

  it('folds the system prompt into the first user turn with --fold-system-prompt', async () => {
    const result = await cli('export', '--format', 'hf', '--system-prompt', 'Be kind.', '--fold-system-prompt', '--out', '-');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(l.messages.some((m: { role: string }) => m.role === 'system')).toBe(false);
      expect(l.messages[0].content.startsWith('Be kind.\n\n')).toBe(true);
    }
  });

  it('streams to standard output with a filter', async () => {
    const result = await cli('export', '--format', 'hf', '--filter', 'tier=template', '--all', '--out', '-');
    expect(result.code).toBe(0);
    for (const line of result.stdout.trimEnd().split('\n')) expect(JSON.parse(line)).toHaveProperty('messages');
  });

  it('explains bad arguments and an empty export', async () => {
    const badFormat = await cli('export', '--format', 'csv');
    expect(badFormat.code).toBe(1);
    expect(badFormat.stderr).toMatch(/openai, anthropic, sharegpt, hf, json/);
    const badSplit = await cli('export', '--format', 'openai', '--split', '0.9');
    expect(badSplit.stderr).toMatch(/split\.validationFraction/);
    const nothing = await cli('export', '--format', 'openai', '--filter', 'q=no such conversation anywhere', '--out', path.join(dir, 'none.jsonl'));
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/nothing to export/);
    expect(fs.existsSync(path.join(dir, 'none.jsonl'))).toBe(false);
  });
});
