import { boolean, doublePrecision, index, integer, jsonb, pgTable, real, text, unique, uuid } from 'drizzle-orm/pg-core';
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

/**
 * One "Test template" request (US7.2.2): the version tested, the slot it was filled from, the
 * conversation the provider answered and its score. Kept apart from the dataset: a test becomes a
 * conversation only when the user keeps it (`keptConversationId`).
 */
export const templateTests = pgTable(
  'template_tests',
  {
    id: id(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => templates.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The dimension values and parameters the test was filled from. */
    slot: jsonb('slot').$type<Record<string, unknown>>().notNull().default({}),
    prompt: text('prompt').notNull(),
    status: text('status').notNull(),
    turns: jsonb('turns').$type<{ role: 'user' | 'assistant'; content: string }[]>().notNull().default([]),
    qualityScore: real('quality_score'),
    qualityBreakdown: jsonb('quality_breakdown').$type<Record<string, unknown>>(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    costUsd: doublePrecision('cost_usd'),
    durationMs: integer('duration_ms'),
    errorMessage: text('error_message'),
    keptConversationId: uuid('kept_conversation_id'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('template_tests_template_idx').on(t.templateId, t.version)],
);
