import { Command } from 'commander';
import { ROLES, isRole } from '../core/roles';
import type { z } from 'zod';
import type { apiTokenSummary, userChanged, userSummary } from '../contract/system';
import { AppError } from '../core/errors';
import { apiClient, type ApiClient } from './api-client';

type UserSummary = z.infer<typeof userSummary>;
type UserChanged = z.infer<typeof userChanged>;
type ApiTokenSummary = z.infer<typeof apiTokenSummary>;

/** Users are named by email on the command line; the API takes ids. */
async function findUser(api: ApiClient, email: string): Promise<UserSummary> {
  const { items } = await api.get<{ items: UserSummary[] }>('/api/users');
  const found = items.find((u) => u.email === email.trim().toLowerCase());
  if (!found) throw new AppError({ code: 'user_not_found', message: `There is no user with the email ${email}.`, hint: 'List the users with `convgen users`.' });
  return found;
}

const describeChange = (email: string, c: UserChanged) =>
  `${email}: ${c.role}, ${c.active ? 'active' : 'deactivated'}` + (c.endedSessions || c.revokedTokens ? ` (ended ${c.endedSessions} session(s), revoked ${c.revokedTokens} API token(s))` : '');

/**
 * `convgen users …` manages accounts through the running server's API (admin token), so access
 * can be taken away while convgen runs: change a role, deactivate, sign out, revoke tokens.
 */
export function usersCommand(): Command {
  const users = new Command('users')
    .description('List users, or change one: users set-role|deactivate|activate|sign-out|tokens|revoke-token EMAIL')
    .action(async () => {
      const { items } = await apiClient().get<{ items: UserSummary[] }>('/api/users');
      for (const u of items) console.log(`${u.email.padEnd(32)} ${u.role.padEnd(10)} ${u.active ? 'active' : `deactivated ${u.deactivatedAt?.slice(0, 10)}`}  ${u.name}`);
    });
  users
    .command('set-role')
    .argument('<email>')
    .argument('<role>', ROLES.join(' | '))
    .description("change a user's role")
    .action(async (email: string, role: string) => {
      if (!isRole(role)) throw new AppError({ code: 'invalid_argument', message: `Unknown role "${role}".`, hint: `Use one of: ${ROLES.join(', ')}.` });
      const api = apiClient();
      const user = await findUser(api, email);
      console.log(describeChange(user.email, await api.patch<UserChanged>(`/api/users/${user.id}`, { role })));
    });
  for (const [action, active, what] of [
    ['deactivate', false, 'take away access at once: ends their sessions and revokes their API tokens'],
    ['activate', true, 'let a deactivated user sign in again'],
  ] as const) {
    users
      .command(action)
      .argument('<email>')
      .description(what)
      .action(async (email: string) => {
        const api = apiClient();
        const user = await findUser(api, email);
        console.log(describeChange(user.email, await api.patch<UserChanged>(`/api/users/${user.id}`, { active })));
      });
  }
  users
    .command('sign-out')
    .argument('<email>')
    .description('end all of a user\'s sessions (their API tokens keep working)')
    .action(async (email: string) => {
      const api = apiClient();
      const user = await findUser(api, email);
      const { endedSessions } = await api.delete<{ endedSessions: number }>(`/api/users/${user.id}/sessions`);
      console.log(`${user.email}: ended ${endedSessions} session(s).`);
    });
  users
    .command('tokens')
    .argument('<email>')
    .description("list a user's API tokens (names and dates)")
    .action(async (email: string) => {
      const api = apiClient();
      const user = await findUser(api, email);
      const { items } = await api.get<{ items: ApiTokenSummary[] }>(`/api/users/${user.id}/tokens`);
      if (!items.length) console.log(`${user.email} has no API tokens.`);
      for (const t of items) console.log(`${t.id}  ${t.name.padEnd(24)} created ${t.createdAt.slice(0, 10)}  last used ${t.lastUsedAt?.slice(0, 10) ?? 'never'}`);
    });
  users
    .command('revoke-token')
    .argument('<email>')
    .argument('<tokenId>', 'from `convgen users tokens EMAIL`')
    .description('revoke one API token')
    .action(async (email: string, tokenId: string) => {
      const api = apiClient();
      const user = await findUser(api, email);
      await api.delete(`/api/users/${user.id}/tokens/${tokenId}`);
      console.log(`${user.email}: token ${tokenId} revoked.`);
    });
  return users;
}
