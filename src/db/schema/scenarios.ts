import { boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { chunks, documents } from './documents';

/** Tier 2: real-world situations drawn from document chunks (or written by hand). */
export const scenarios = pgTable(
  'scenarios',
  {
    id: id(),
    key: text('key').unique(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    category: text('category').notNull(),
    problem: text('problem').notNull(),
    solution: text('solution').notNull(),
    outcome: text('outcome').notNull(),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    chunkId: uuid('chunk_id').references(() => chunks.id, { onDelete: 'set null' }),
    persona: text('persona'),
    emotion: text('emotion'),
    topic: text('topic'),
    favorite: boolean('favorite').notNull().default(false),
    archived: boolean('archived').notNull().default(false),
    /** Free tags beside the category, for the library's search and filters. */
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    /** `manual` (written in the library), `derived` (drawn from a chunk by the provider) or `demo`. */
    origin: text('origin').notNull().default('manual'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('scenarios_chunk_idx').on(t.chunkId)],
);

/** Tier 3: boundary conditions the model must handle safely. */
export const edgeCases = pgTable('edge_cases', {
  id: id(),
  key: text('key').unique(),
  title: text('title').notNull(),
  category: text('category').notNull(),
  description: text('description').notNull(),
  adversarialPrompt: text('adversarial_prompt').notNull(),
  expectedBehavior: text('expected_behavior').notNull().default(''),
  persona: text('persona'),
  emotion: text('emotion'),
  topic: text('topic'),
  archived: boolean('archived').notNull().default(false),
  /** `default` (built in), `manual` (a team's own definition), `suggested` (made from a suggestion) or `demo`. */
  origin: text('origin').notNull().default('manual'),
  createdBy: text('created_by'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * What a user did with an edge-case suggestion (US8.3.2): `dismissed` or `completed`. Suggestions
 * themselves are computed from untested persona × emotion combinations; only the marks are stored,
 * keyed by the suggestion's stable key.
 */
export const edgeCaseSuggestionMarks = pgTable('edge_case_suggestion_marks', {
  key: text('key').primaryKey(),
  status: text('status').notNull(),
  markedBy: text('marked_by'),
  createdAt: createdAt(),
});
