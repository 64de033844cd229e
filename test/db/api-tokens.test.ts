import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, findUserByApiToken, registerApiToken } from '../../src/accounts/users';
import type { Database } from '../../src/db/client';
import { openTestDatabase } from '../support/databases';

describe('API tokens', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(() => database.close());

  it('finds the user by token and retires the old CONVGEN_API_TOKEN when it changes', async () => {
    const { id } = await createUser(database.db, { email: 'ops@example.test', name: 'Ops', role: 'admin', password: 'ops-password' });
    await registerApiToken(database.db, id, 'first-token-0123456789', 'CONVGEN_API_TOKEN', { replaceSameName: true });
    await registerApiToken(database.db, id, 'personal-token-0123456789', 'laptop');
    expect((await findUserByApiToken(database.db, 'first-token-0123456789'))?.email).toBe('ops@example.test');

    await registerApiToken(database.db, id, 'second-token-0123456789', 'CONVGEN_API_TOKEN', { replaceSameName: true });
    expect(await findUserByApiToken(database.db, 'first-token-0123456789')).toBeNull();
    expect((await findUserByApiToken(database.db, 'second-token-0123456789'))?.role).toBe('admin');
    expect(await findUserByApiToken(database.db, 'personal-token-0123456789')).not.toBeNull();
    expect(await findUserByApiToken(database.db, 'never-issued-0123456789')).toBeNull();
  });
});
