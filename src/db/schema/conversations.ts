import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  unique,
  uuid,
  primaryKey,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from './columns';
import { user } from './auth';
import { chunks, documents } from './documents';
import { edgeCases, scenarios } from './scenarios';
import { templates } from './templates';

export interface SourceSnapshot {
  documentId: string;
  documentTitle: string;
  category: string;
  chunkId: string;
  ordinal: number;
  heading: string | null;
  content: string;
  dimensions: Record<string, unknown>;
  takenAt: string;
}

/**
 * One row per planned or generated conversation. A row exists before generation (status
 * `not_generated`): the planner creates the slot, a run fills in its turns.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    /** Human-readable id shown in the table, e.g. "conv-00042". */
    conversationId: text('conversation_id').notNull(),
    title: text('title').notNull().default(''),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    chunkId: uuid('chunk_id').references(() => chunks.id, { onDelete: 'set null' }),
    persona: text('persona').notNull(),
    emotion: text('emotion').notNull(),
    topic: text('topic').notNull(),
    intent: text('intent').notNull(),
    tone: text('tone').notNull(),
    tier: text('tier').notNull(),
    arcKey: text('arc_key'),
    templateId: uuid('template_id').references(() => templates.id, { onDelete: 'set null' }),
    templateVersion: integer('template_version'),
    scenarioId: uuid('scenario_id').references(() => scenarios.id, { onDelete: 'set null' }),
    edgeCaseId: uuid('edge_case_id').references(() => edgeCases.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('not_generated'),
    qualityScore: real('quality_score'),
    qualityBreakdown: jsonb('quality_breakdown').$type<Record<string, unknown>>(),
    turnCount: integer('turn_count').notNull().default(0),
    isSeed: boolean('is_seed').notNull().default(false),
    /**
     * The source chunk as it was when the conversation was made (document title and category,
     * heading, text, dimensions): re-chunking or deleting a document never loses the lineage.
     */
    sourceSnapshot: jsonb('source_snapshot').$type<SourceSnapshot>(),
    /** Extensible metadata (US9.2.1); structured dimensions stay in their own columns. */
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    provider: text('provider'),
    model: text('model'),
    costUsd: doublePrecision('cost_usd'),
    inputTokens: integer('input_tokens'),
    outputTokens: integer('output_tokens'),
    errorMessage: text('error_message'),
    errorCode: text('error_code'),
    errorDetails: jsonb('error_details').$type<Record<string, unknown>>(),
    generatedAt: tstz('generated_at'),
    reviewedAt: tstz('reviewed_at'),
    reviewedBy: text('reviewed_by').references(() => user.id, { onDelete: 'set null' }),
    reviewNotes: text('review_notes'),
    /**
     * The most similar earlier conversation when the MinHash estimate reaches the workspace's
     * near-duplicate threshold (set as conversations are stored), and that similarity (0–1).
     */
    nearDuplicateOf: uuid('near_duplicate_of').references((): AnyPgColumn => conversations.id, { onDelete: 'set null' }),
    nearDuplicateSimilarity: real('near_duplicate_similarity'),
    /** Scenario tier: how much of the assistant's text the source chunk supports (see GroundingResult). */
    grounding: jsonb('grounding').$type<Record<string, unknown>>(),
    /** The optional LLM-judge score (1–10) and its rubric, beside the structural score. */
    judgeScore: real('judge_score'),
    judgeBreakdown: jsonb('judge_breakdown').$type<Record<string, unknown>>(),
    /** Reject and regenerate: the rejected conversation this one replaces, and the guidance it was given. */
    regeneratedFrom: uuid('regenerated_from').references((): AnyPgColumn => conversations.id, { onDelete: 'set null' }),
    regenerationGuidance: text('regeneration_guidance'),
    /** Lower-cased id, title and dimension labels: what the table's search box matches. */
    searchText: text('search_text').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('conversations_conversation_id_unique').on(t.conversationId),
    index('conversations_status_idx').on(t.status),
    // Leading quality_score, with conversation_id as the tie-break the list query sorts by, so a
    // sort by score reads the first page straight from an index in either direction.
    index('conversations_quality_idx').on(t.qualityScore, t.conversationId),
    index('conversations_quality_desc_idx').on(t.qualityScore.desc().nullsLast(), t.conversationId.desc()),
    index('conversations_persona_idx').on(t.persona),
    index('conversations_emotion_idx').on(t.emotion),
    index('conversations_topic_idx').on(t.topic),
    index('conversations_tier_idx').on(t.tier),
    index('conversations_created_idx').on(t.createdAt),
    index('conversations_status_quality_idx').on(t.status, t.qualityScore),
    index('conversations_persona_emotion_idx').on(t.persona, t.emotion),
    index('conversations_tier_status_idx').on(t.tier, t.status),
    index('conversations_chunk_idx').on(t.chunkId),
    // Template analytics: usage per template and version and the quality trend read only these
    // columns, so they come from the index alone instead of scanning every conversation.
    index('conversations_template_usage_idx').on(t.templateId, t.templateVersion, t.status, t.qualityScore, t.generatedAt),
    index('conversations_near_duplicate_idx').on(t.nearDuplicateOf),
    index('conversations_regenerated_from_idx').on(t.regeneratedFrom),
    index('conversations_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const conversationTurns = pgTable(
  'conversation_turns',
  {
    id: id(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    turnNumber: integer('turn_number').notNull(),
    role: text('role').notNull(),
    content: text('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('conversation_turns_conversation_turn').on(t.conversationId, t.turnNumber)],
);

/**
 * Each conversation's turns as one JSON text — `[{"role":…,"content":…}]` in turn order — so an
 * export reads one field per conversation instead of aggregating a dozen turn rows (the
 * aggregation was most of an export's database time). Written with the turns: see
 * src/db/transcripts.ts.
 */
export const conversationTranscripts = pgTable('conversation_transcripts', {
  conversationId: uuid('conversation_id')
    .primaryKey()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  turns: text('turns').notNull(),
  /**
   * md5 of the turns, kept by the database: stored token counts name the text they counted by it,
   * and comparing a stored hash beats hashing every transcript when the table sorts or filters by tokens.
   */
  turnsMd5: text('turns_md5').generatedAlwaysAs(sql`md5(turns)`),
});

/**
 * A conversation's MinHash signature and its LSH band keys: a new conversation looks up only the
 * conversations sharing a band key (GIN on band_keys), so the near-duplicate check stays fast at
 * any dataset size. The index is written at each insert (no fastupdate): with a pending list,
 * every lookup reads the whole list, and PGlite has no autovacuum to empty it; with 5,000
 * conversations stored since the last VACUUM the check took 16.5 ms (p50) instead of 2.5 ms.
 */
export const conversationMinhash = pgTable(
  'conversation_minhash',
  {
    conversationId: uuid('conversation_id')
      .primaryKey()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    signature: integer('signature').array().notNull(),
    bandKeys: text('band_keys').array().notNull(),
    /** The similarity threshold the conversation's near-duplicate mark was decided at; null: unknown (before this was kept). */
    markedAtThreshold: real('marked_at_threshold'),
    createdAt: createdAt(),
  },
  (t) => [index('conversation_minhash_bands_idx').using('gin', t.bandKeys).with({ fastupdate: false })],
);

/**
 * Token counts of a conversation rendered through a base model's chat template (trainer preflight),
 * kept per model so the table can show and filter them. `contentHash` says which turns were counted.
 */
export const conversationTokenCounts = pgTable(
  'conversation_token_counts',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    baseModel: text('base_model').notNull(),
    tokens: integer('tokens'),
    assistantTokens: integer('assistant_tokens'),
    /** Why the model's chat template refused the conversation, or null. */
    refusedReason: text('refused_reason'),
    contentHash: text('content_hash').notNull(),
    computedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.baseModel] }), index('conversation_token_counts_model_tokens_idx').on(t.baseModel, t.tokens)],
);

/** Coverage recommendations a user dismissed (US3.2.2), by the recommendation's stable key. */
export const coverageDismissals = pgTable('coverage_dismissals', {
  key: text('key').primaryKey(),
  dismissedBy: text('dismissed_by').references(() => user.id, { onDelete: 'set null' }),
  dismissedAt: createdAt(),
});
