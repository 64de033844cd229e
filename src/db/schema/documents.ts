import { customType, index, integer, jsonb, pgTable, real, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from './columns';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

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
    /** The extracted text as Markdown (headings, lists, tables kept): what chunking and re-chunking read. */
    content: text('content').notNull(),
    /** `processing` while a file is parsed and chunked in the background, then `ready` or `failed`. */
    status: text('status').notNull().default('ready'),
    /** 0–1 while processing, with what is being done ("Reading page 40 of 200"). */
    progress: real('progress').notNull().default(1),
    progressMessage: text('progress_message'),
    errorMessage: text('error_message'),
    /** sha256 of the uploaded bytes: the same file uploaded twice is recognised. */
    contentHash: text('content_hash'),
    sizeBytes: integer('size_bytes'),
    pageCount: integer('page_count'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('documents_category_idx').on(t.category), index('documents_content_hash_idx').on(t.contentHash)],
);

/** An uploaded file waiting to be parsed; removed once its document is ready, so a restart can resume it. */
export const documentUploads = pgTable('document_uploads', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => documents.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
  claimedAt: tstz('claimed_at'),
  createdAt: createdAt(),
});

/** Dimensions a chunk carries from analysis; stored as JSONB so new keys need no migration. */
export interface ChunkDimensions {
  expertise_level?: 'beginner' | 'intermediate' | 'advanced';
  emotional_valence?: 'negative' | 'neutral' | 'positive';
  audience_level?: 'general' | 'practitioner' | 'expert';
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
    /** Where the dimensions came from: `provider` (a model), `offline` (heuristics), `manual` (edited), or null (none yet). */
    dimensionsSource: text('dimensions_source'),
    dimensionsUpdatedAt: tstz('dimensions_updated_at'),
    createdAt: createdAt(),
  },
  (t) => [unique('chunks_document_ordinal').on(t.documentId, t.ordinal)],
);
