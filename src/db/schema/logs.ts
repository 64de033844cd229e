import { customType, doublePrecision, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { user } from './auth';
import { conversations } from './conversations';

/** Raw bytes (node-postgres reads them as a Buffer, PGlite as a Uint8Array). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** One row per provider call, success or failure (US9.3.1). */
export const generationLogs = pgTable(
  'generation_logs',
  {
    id: id(),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    runId: uuid('run_id'),
    runItemId: integer('run_item_id'),
    templateId: uuid('template_id'),
    templateVersion: integer('template_version'),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    requestPayload: jsonb('request_payload').$type<Record<string, unknown>>(),
    responsePayload: jsonb('response_payload').$type<Record<string, unknown>>(),
    /** Both payloads gzipped together once the row is a week old, the jsonb columns then null (src/retention). */
    payloadGz: bytea('payload_gz'),
    parameters: jsonb('parameters').$type<Record<string, unknown>>().notNull().default({}),
    costUsd: doublePrecision('cost_usd').notNull().default(0),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    cacheReadTokens: integer('cache_read_tokens').notNull().default(0),
    cacheWriteTokens: integer('cache_write_tokens').notNull().default(0),
    durationMs: integer('duration_ms').notNull().default(0),
    status: text('status').notNull(),
    errorKind: text('error_kind'),
    errorMessage: text('error_message'),
    httpStatus: integer('http_status'),
    attempt: integer('attempt').notNull().default(1),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('generation_logs_conversation_idx').on(t.conversationId),
    index('generation_logs_run_idx').on(t.runId),
    index('generation_logs_template_idx').on(t.templateId),
    index('generation_logs_created_idx').on(t.createdAt),
  ],
);

/** A conversation's review fields as they were before a review changed them (timestamps as ISO strings). */
export interface PreviousReview {
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewNotes: string | null;
}

/** What an on-demand judgement scored and cost, kept with its audit event; a billed failure has no score and says why. */
export interface JudgeAudit {
  score: number | null;
  costUsd: number;
  model: string;
  error?: string;
}

/** Every approve/reject with who, when and why (US9.3.2); edits and on-demand judgements too. */
export const reviewLogs = pgTable(
  'review_logs',
  {
    id: id(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    reviewerId: text('reviewer_id').references(() => user.id, { onDelete: 'set null' }),
    reviewerNotes: text('reviewer_notes'),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    /** Shared by every row of one bulk action (and of its undo), so the action can be undone as one. */
    actionId: text('action_id'),
    /** The review fields before this change, so an undo can put them back exactly. */
    previousReview: jsonb('previous_review').$type<PreviousReview>(),
    /** A `judge` event's score, cost and model, so the audit trail can show what was paid for what. */
    judge: jsonb('judge').$type<JudgeAudit>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('review_logs_conversation_idx').on(t.conversationId),
    index('review_logs_created_idx').on(t.createdAt),
    index('review_logs_action_idx').on(t.actionId),
  ],
);

/** Every export with who, what and which filter (US9.3.3). */
export const exportLogs = pgTable(
  'export_logs',
  {
    id: id(),
    exportId: text('export_id').notNull().unique(),
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    conversationCount: integer('conversation_count').notNull(),
    filterState: jsonb('filter_state').$type<Record<string, unknown>>().notNull().default({}),
    format: text('format').notNull(),
    fileName: text('file_name').notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    exportedAt: createdAt(),
  },
  (t) => [index('export_logs_exported_idx').on(t.exportedAt), index('export_logs_user_idx').on(t.userId)],
);
