import { boolean, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { user } from './auth';

export const templates = pgTable('templates', {
  id: id(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  tier: text('tier').notNull(),
  arcKey: text('arc_key'),
  active: boolean('active').notNull().default(true),
  currentVersion: integer('current_version').notNull().default(1),
  applicablePersonas: jsonb('applicable_personas').$type<string[]>().notNull().default([]),
  applicableEmotions: jsonb('applicable_emotions').$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Every saved edit of a template; conversations and logs point at the version they used. */
export const templateVersions = pgTable(
  'template_versions',
  {
    id: id(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => templates.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    notes: text('notes'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [unique('template_versions_template_version').on(t.templateId, t.version)],
);
