import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createUser, registerApiToken } from '../../src/accounts/users';
import { ROLES, type Role } from '../../src/core/roles';
import { loadConfig } from '../../src/config/env';
import { buildApp } from '../../src/server/app';
import { startServices, type Services } from '../../src/server/start';
import { openTestDatabase, type Engine } from './databases';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  /** An API token per role, for `Authorization: Bearer`. */
  tokens: Record<Role, string>;
  /** Sends a request as `role` (or unauthenticated with `null`). */
  as(role: Role | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * The real app on a fresh test database with one user per role. The worker is off unless
 * asked for, so tests control when generation happens.
 */
export async function createTestApp(opts: { engine?: Engine; demo?: boolean; worker?: boolean; offlineLatencyMs?: number; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await openTestDatabase(opts.engine ?? 'pglite', { demo: opts.demo ?? true });
  const config = loadConfig({
    CONVGEN_DEMO: '0',
    CONVGEN_WORKER: opts.worker ? '1' : '0',
    CONVGEN_OFFLINE_LATENCY_MS: String(opts.offlineLatencyMs ?? 0),
    CONVGEN_SECRET: 'test-secret-test-secret-test-secret',
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  const services = await startServices(config, () => {}, database);
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    const { id } = await createUser(database.db, { email: `${role}@example.test`, name: `Test ${role}`, role, password: `${role}-password` });
    tokens[role] = `token-${role}-0123456789abcdef`;
    await registerApiToken(database.db, id, tokens[role], 'test');
  }
  const app = await buildApp(services.ctx);
  return {
    app,
    services,
    tokens,
    as: (role, request) => app.inject({ ...request, headers: { ...(request.headers ?? {}), ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}) } }),
    close: async () => {
      await app.close();
      await services.close();
    },
  };
}
