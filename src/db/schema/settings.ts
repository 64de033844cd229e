import { bigserial, boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from './columns';
import { user } from './auth';

/** The workspace's settings as one JSON document (a single row, id = 1). */
export const workspaceSettings = pgTable('workspace_settings', {
  id: integer('id').primaryKey().default(1),
  values: jsonb('values').$type<Record<string, unknown>>().notNull().default({}),
  updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});

/** Audit trail of settings changes (US14.1.2). */
export const settingsHistory = pgTable('settings_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  key: text('key').notNull(),
  oldValue: jsonb('old_value'),
  newValue: jsonb('new_value'),
  changedBy: text('changed_by').references(() => user.id, { onDelete: 'set null' }),
  changedAt: createdAt(),
});

/** In-app notifications; a null user means everyone in the workspace. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: text('user_id').references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    readAt: tstz('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** Outgoing email; without SMTP configured messages stay here instead of being dropped. */
export const emailOutbox = pgTable('email_outbox', {
  id: id(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  sent: boolean('sent').notNull().default(false),
  sentAt: tstz('sent_at'),
  error: text('error'),
  createdAt: createdAt(),
});
