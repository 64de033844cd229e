import { createHash } from 'node:crypto';
import type { BetterAuthOptions, DBAdapter, Where } from 'better-auth';

/**
 * better-auth keeps each session's token as it is in the `session` table, so a copy of the
 * database would hold live credentials. This wraps its database adapter so the table holds only
 * `sha256:<hex>` of each token: every lookup, update and delete by token hashes the value first,
 * and a newly created session hands the raw token back to better-auth (for the cookie) while the
 * row keeps the hash. The stored form can never be presented as a token: a presented value is
 * always hashed again.
 */
export const SESSION_TOKEN_PREFIX = 'sha256:';

export const hashSessionToken = (token: string) => `${SESSION_TOKEN_PREFIX}${createHash('sha256').update(token).digest('hex')}`;

type AdapterFactory = (options: BetterAuthOptions) => DBAdapter<BetterAuthOptions>;
type Args = { model: string; where?: Where[]; data?: Record<string, unknown>; update?: Record<string, unknown> };

const isSession = (args: Args) => args.model === 'session';

const hashValue = (value: unknown): unknown => {
  if (typeof value === 'string') return hashSessionToken(value);
  if (Array.isArray(value)) return value.map(hashValue);
  return value;
};

function hashWhere(where: Where[] | undefined): Where[] | undefined {
  return where?.map((clause) => (clause.field === 'token' ? { ...clause, value: hashValue(clause.value) as Where['value'] } : clause));
}

/** The raw token a lookup was made with, to give back in place of the stored hash. */
function rawTokenOf(where: Where[] | undefined): string | undefined {
  const clause = where?.find((w) => w.field === 'token' && (w.operator ?? 'eq') === 'eq');
  return typeof clause?.value === 'string' ? clause.value : undefined;
}

function hashArgs<A extends Args>(args: A): A {
  if (!isSession(args)) return args;
  const out: A = { ...args, where: hashWhere(args.where) };
  if (typeof args.data?.token === 'string') out.data = { ...args.data, token: hashSessionToken(args.data.token) };
  if (typeof args.update?.token === 'string') out.update = { ...args.update, token: hashSessionToken(args.update.token) };
  return out;
}

function withRawToken<T>(row: T, raw: string | undefined): T {
  if (!raw || !row || typeof row !== 'object') return row;
  return { ...row, token: raw };
}

function wrapAdapter<A extends Omit<DBAdapter<BetterAuthOptions>, 'transaction'> & Partial<Pick<DBAdapter<BetterAuthOptions>, 'transaction'>>>(inner: A): A {
  const wrapped: A = {
    ...inner,
    create: async (args) => {
      const created = await inner.create(hashArgs(args as Args) as typeof args);
      return isSession(args as Args) ? withRawToken(created, (args.data as { token?: string }).token) : created;
    },
    findOne: async (args) => {
      const found = await inner.findOne(hashArgs(args as Args) as typeof args);
      return isSession(args as Args) ? withRawToken(found, rawTokenOf(args.where)) : found;
    },
    findMany: (args) => inner.findMany(hashArgs(args as Args) as typeof args),
    count: (args) => inner.count(hashArgs(args as Args) as typeof args),
    update: async (args) => {
      const updated = await inner.update(hashArgs(args as Args) as typeof args);
      return isSession(args as Args) ? withRawToken(updated, (args.update.token as string | undefined) ?? rawTokenOf(args.where)) : updated;
    },
    updateMany: (args) => inner.updateMany(hashArgs(args as Args) as typeof args),
    delete: (args) => inner.delete(hashArgs(args as Args) as typeof args),
    deleteMany: (args) => inner.deleteMany(hashArgs(args as Args) as typeof args),
    consumeOne: (args) => inner.consumeOne(hashArgs(args as Args) as typeof args),
    incrementOne: (args) => inner.incrementOne(hashArgs(args as Args) as typeof args),
  };
  if (inner.transaction) {
    const transaction = inner.transaction.bind(inner);
    wrapped.transaction = ((callback: (trx: Omit<DBAdapter<BetterAuthOptions>, 'transaction'>) => Promise<unknown>) =>
      transaction((trx) => callback(wrapAdapter(trx)))) as A['transaction'];
  }
  return wrapped;
}

export function hashingSessionTokens(factory: AdapterFactory): AdapterFactory {
  return (options) => wrapAdapter(factory(options));
}
