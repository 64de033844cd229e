import { index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';

export const documents = pgTable(
  'documents',
  {
    id: id(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    author: text('author'),
    summary: text('summary').notNull().default(''),
    sourceFilename: text('source_filename'),
    mimeType: text('mime_type').notNull().default('text/markdown'),
    content: text('content').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('documents_category_idx').on(t.category)],
);

/** Dimensions a chunk carries from analysis; stored as JSONB so new keys need no migration. */
export interface ChunkDimensions {
  expertise_level?: 'beginner' | 'intermediate' | 'advanced';
  emotional_valence?: 'negative' | 'neutral' | 'positive';
  confidence?: number;
  key_terms?: string[];
  summary?: string;
  [key: string]: unknown;
}

export const chunks = pgTable(
  'chunks',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    heading: text('heading'),
    content: text('content').notNull(),
    dimensions: jsonb('dimensions').$type<ChunkDimensions>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [unique('chunks_document_ordinal').on(t.documentId, t.ordinal)],
);
