import type { AddressInfo } from 'node:net';
import type { Role } from '../../src/core/roles';
import type { TestApp } from './app';

/** Starts the test app listening on a free local port; returns the environment a `convgen` command needs to call it as `role`. */
export async function listenForCli(t: TestApp, role: Role): Promise<NodeJS.ProcessEnv> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...process.env, CONVGEN_URL: `http://127.0.0.1:${port}`, CONVGEN_API_TOKEN: t.tokens[role] };
}
