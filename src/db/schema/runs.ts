import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, doublePrecision, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from './columns';
import { user } from './auth';
import { conversations } from './conversations';
import { chunks } from './documents';

/** A durable generation job: one conversation, a selection, a tier or everything. */
export const generationRuns = pgTable(
  'generation_runs',
  {
    id: id(),
    kind: text('kind').notNull(),
    selector: jsonb('selector').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('queued'),
    total: integer('total').notNull().default(0),
    concurrency: integer('concurrency').notNull().default(3),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    spendingLimitUsd: doublePrecision('spending_limit_usd'),
    spentUsd: doublePrecision('spent_usd').notNull().default(0),
    reservedUsd: doublePrecision('reserved_usd').notNull().default(0),
    estimatedCostUsd: doublePrecision('estimated_cost_usd'),
    estimatedSeconds: integer('estimated_seconds'),
    notifyEmail: boolean('notify_email').notNull().default(false),
    retryPolicy: jsonb('retry_policy').$type<Record<string, unknown>>(),
    /** Whether an interrupted run continues by itself at start-up or waits for Resume. */
    resumeOnStart: boolean('resume_on_start').notNull().default(true),
    useBatchApi: boolean('use_batch_api').notNull().default(false),
    throttledUntil: tstz('throttled_until'),
    /** When the 80 % spending warning was sent, so it is sent once. */
    budgetWarnedAt: tstz('budget_warned_at'),
    error: text('error'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
    updatedAt: updatedAt(),
  },
  (t) => [index('generation_runs_status_idx').on(t.status), index('generation_runs_created_idx').on(t.createdAt)],
);

export const runItems = pgTable(
  'run_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: uuid('run_id')
      .notNull()
      .references(() => generationRuns.id, { onDelete: 'cascade' }),
    /** What the item makes: a conversation's turns, or (a `chunk_dimensions` run) one chunk's dimensions. */
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    chunkId: uuid('chunk_id').references(() => chunks.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('pending'),
    /** The conversation's status when it was queued: a failed regeneration returns to it. */
    previousStatus: text('previous_status'),
    attempts: integer('attempts').notNull().default(0),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: tstz('lease_expires_at'),
    nextAttemptAt: tstz('next_attempt_at'),
    lastError: text('last_error'),
    errorCode: text('error_code'),
    costUsd: doublePrecision('cost_usd'),
    /** Message Batches: the provider's batch this item was sent in, and the budget it reserved. */
    batchId: text('batch_id'),
    reservedUsd: doublePrecision('reserved_usd').notNull().default(0),
    /** What was sent in the batch, so its result is logged against that prompt and template version. */
    sentPrompt: text('sent_prompt'),
    sentTemplateVersion: integer('sent_template_version'),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('run_items_run_conversation').on(t.runId, t.conversationId),
    index('run_items_run_status_idx').on(t.runId, t.status),
    index('run_items_status_next_idx').on(t.status, t.nextAttemptAt),
    index('run_items_conversation_idx').on(t.conversationId),
    // A run's latest finished items (the progress panel's ticks, a run summary's timeline).
    index('run_items_run_finished_idx').on(t.runId, t.finishedAt),
    // A conversation is queued in at most one run at a time, even when two runs start together.
    uniqueIndex('run_items_one_active_per_conversation').on(t.conversationId).where(sql`status in ('pending', 'in_progress')`),
    // A chunk is analysed by at most one run at a time.
    uniqueIndex('run_items_one_active_per_chunk').on(t.chunkId).where(sql`status in ('pending', 'in_progress')`),
    check('run_items_one_subject', sql`num_nonnulls(${t.conversationId}, ${t.chunkId}) = 1`),
  ],
);

/**
 * What happened in a run beside its items' outcomes, in plain words for the run page: a judge
 * call that failed or was skipped for the spending limit. The item itself succeeded; this says
 * what is missing from it and what to do.
 */
export const runEvents = pgTable(
  'run_events',
  {
    id: id(),
    runId: uuid('run_id')
      .notNull()
      .references(() => generationRuns.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    hint: text('hint').notNull(),
    costUsd: doublePrecision('cost_usd').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('run_events_run_idx').on(t.runId, t.createdAt)],
);
