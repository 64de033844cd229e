import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/**
 * The rate limits each provider last announced, per API key and model, so the Settings page and
 * run progress can show them whichever process made the calls (`convgen worker` runs apart from
 * the server). `account` is a fingerprint of the key and endpoint, never the key itself. A null
 * limit was not announced.
 */
export const providerRateLimits = pgTable(
  'provider_rate_limits',
  {
    provider: text('provider').notNull(),
    account: text('account').notNull(),
    model: text('model').notNull(),
    requestsPerMinute: integer('requests_per_minute'),
    inputTokensPerMinute: integer('input_tokens_per_minute'),
    outputTokensPerMinute: integer('output_tokens_per_minute'),
    tokensPerMinute: integer('tokens_per_minute'),
    observedAt: tstz('observed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.account, t.model] })],
);
