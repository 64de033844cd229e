import { boolean, integer, jsonb, pgTable, primaryKey, serial, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';

/** The five planning dimensions (persona, emotion, topic, intent, tone) and their values. */
export const dimensionValues = pgTable(
  'dimension_values',
  {
    id: serial('id').primaryKey(),
    dimension: text('dimension').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    description: text('description').notNull().default(''),
    /** Text that goes into prompts for this value: how a persona speaks, what an intent wants. */
    guidance: text('guidance').notNull().default(''),
    /** Extra facts per value, e.g. a persona's expertise or an emotion's valence. */
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [unique('dimension_values_dimension_key').on(t.dimension, t.key)],
);

export const emotionalArcs = pgTable('emotional_arcs', {
  id: serial('id').primaryKey(),
  key: text('key').notNull().unique(),
  label: text('label').notNull(),
  description: text('description').notNull().default(''),
  startEmotion: text('start_emotion').notNull(),
  endEmotion: text('end_emotion').notNull(),
  stages: jsonb('stages').$type<string[]>().notNull().default([]),
  minTurns: integer('min_turns').notNull().default(8),
  maxTurns: integer('max_turns').notNull().default(16),
  enabled: boolean('enabled').notNull().default(true),
  /** Share of the template tier given to this arc, in percent. */
  weight: integer('weight').notNull().default(20),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * Each built-in default (catalog value, arc, template, edge case) once installed into this
 * workspace. Defaults are installed only when not recorded here, so a value the team deleted
 * or renamed never comes back, while defaults added by a later version still arrive.
 */
export const installedDefaults = pgTable(
  'installed_defaults',
  {
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    installedAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'installed_defaults_pk', columns: [t.kind, t.key] })],
);

/** A saved arc distribution (US8.1.2 "save configuration as preset"): which arcs are on and their percent. */
export const arcPresets = pgTable('arc_presets', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  distribution: jsonb('distribution').$type<{ key: string; enabled: boolean; percent: number }[]>().notNull(),
  createdBy: text('created_by'),
  createdAt: createdAt(),
});
