import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import type { Role } from '../../src/core/roles';
import type { TestApp } from './app';

const run = promisify(execFile);

/** Starts the test app listening on a free local port; returns the environment a `convgen` command needs to call it as `role`. */
export async function listenForCli(t: TestApp, role: Role): Promise<NodeJS.ProcessEnv> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...process.env, CONVGEN_URL: `http://127.0.0.1:${port}`, CONVGEN_API_TOKEN: t.tokens[role] };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `convgen ARGS` as a user would, with `env`; a failing command is a result (its exit code and output), not a throw. */
export async function convgen(env: NodeJS.ProcessEnv, args: string[], timeoutMs = 60_000): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/convgen.js', ...args], { env, timeout: timeoutMs });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
