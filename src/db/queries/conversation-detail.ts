import { asc, eq, sql } from 'drizzle-orm';
import type { ConversationDetail, GroundingResult } from '../../contract/conversations';
import { checkEdgeCase } from '../../core/edge-case-review';
import { notFound } from '../../core/errors';
import { getSettings } from '../../settings/workspace-settings';
import type { QualityResult } from '../../core/quality';
import { byCriterionOrder } from '../../core/quality-level';
import type { Db } from '../client';
import { chunks, conversations, conversationTurns, documents, edgeCases, emotionalArcs, scenarios, templates, user } from '../schema';
import { presentSummary, summaryColumns } from './conversation-list';
import { snapshotSource } from './source-snapshot';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const matchId = (idOrConversationId: string) =>
  UUID.test(idOrConversationId) ? eq(conversations.id, idOrConversationId) : eq(conversations.conversationId, idOrConversationId);

/** The row id for a row id or a human id (conv-00042), so links and scripts can use either. */
export async function resolveConversationId(db: Db, idOrConversationId: string): Promise<string> {
  const [row] = await db.select({ id: conversations.id }).from(conversations).where(matchId(idOrConversationId));
  if (!row) throw notFound('The conversation');
  return row.id;
}

/** A conversation with its turns, quality breakdown, source chunk and document (the preview). */
export async function getConversationDetail(db: Db, idOrConversationId: string): Promise<ConversationDetail> {
  const [row] = await db
    .select({
      ...summaryColumns,
      metadata: conversations.metadata,
      qualityBreakdown: conversations.qualityBreakdown,
      errorCode: conversations.errorCode,
      errorDetails: conversations.errorDetails,
      reviewedAt: conversations.reviewedAt,
      reviewNotes: conversations.reviewNotes,
      reviewerName: user.name,
      inputTokens: conversations.inputTokens,
      outputTokens: conversations.outputTokens,
      provider: conversations.provider,
      templateVersion: conversations.templateVersion,
      sourceSnapshot: conversations.sourceSnapshot,
      grounding: conversations.grounding,
      judgeBreakdown: conversations.judgeBreakdown,
      regeneratedFromId: conversations.regeneratedFrom,
      regenerationGuidance: conversations.regenerationGuidance,
      regeneratedFromConversationId: sql<string | null>`(select p.conversation_id from conversations p where p.id = ${conversations.regeneratedFrom})`,
      chunk: { id: chunks.id, ordinal: chunks.ordinal, heading: chunks.heading, content: chunks.content, dimensions: chunks.dimensions },
      document: { id: documents.id, title: documents.title, category: documents.category },
      arc: { key: emotionalArcs.key, label: emotionalArcs.label, stages: emotionalArcs.stages, startEmotion: emotionalArcs.startEmotion, endEmotion: emotionalArcs.endEmotion },
      scenario: { id: scenarios.id, title: scenarios.title },
      edgeCase: { id: edgeCases.id, title: edgeCases.title, category: edgeCases.category },
      template: { id: templates.id, name: templates.name, activeVersion: templates.currentVersion },
    })
    .from(conversations)
    .leftJoin(chunks, eq(chunks.id, conversations.chunkId))
    .leftJoin(documents, eq(documents.id, conversations.documentId))
    .leftJoin(emotionalArcs, eq(emotionalArcs.key, conversations.arcKey))
    .leftJoin(scenarios, eq(scenarios.id, conversations.scenarioId))
    .leftJoin(edgeCases, eq(edgeCases.id, conversations.edgeCaseId))
    .leftJoin(templates, eq(templates.id, conversations.templateId))
    .leftJoin(user, eq(user.id, conversations.reviewedBy))
    .where(matchId(idOrConversationId));
  if (!row) throw notFound('The conversation');
  const turns = await db
    .select({ turnNumber: conversationTurns.turnNumber, role: conversationTurns.role, content: conversationTurns.content })
    .from(conversationTurns)
    .where(eq(conversationTurns.conversationId, row.id))
    .orderBy(asc(conversationTurns.turnNumber));
  const quality = row.qualityBreakdown as unknown as QualityResult | null;
  const [replacement] = await db
    .select({ id: conversations.id, conversationId: conversations.conversationId })
    .from(conversations)
    .where(eq(conversations.regeneratedFrom, row.id))
    .limit(1);
  const typedTurns = turns.map((t) => ({ ...t, role: t.role as 'user' | 'assistant' }));
  const edgeCaseMinScore = row.tier === 'edge_case' ? (await getSettings(db)).quality.edgeCaseMinScore : 0;
  return {
    ...presentSummary(row),
    turns: typedTurns,
    metadata: row.metadata,
    quality: quality && quality.breakdown ? { score: quality.score, level: quality.level, flaggedForReview: quality.flaggedForReview, breakdown: { ...quality.breakdown }, recommendation: quality.recommendation } : null,
    // A chunk replaced by re-chunking, or a deleted document, still shows the text the conversation was made from.
    source: {
      chunk: row.chunk?.id ? row.chunk : row.sourceSnapshot ? snapshotSource(row.sourceSnapshot).chunk : null,
      document: row.document?.id ? row.document : row.sourceSnapshot ? snapshotSource(row.sourceSnapshot).document : null,
    },
    arc: row.arc?.key ? { key: row.arc.key, label: row.arc.label, stages: row.arc.stages ?? [], startEmotion: row.arc.startEmotion ?? '', endEmotion: row.arc.endEmotion ?? '' } : null,
    scenario: row.scenario?.id ? row.scenario : null,
    edgeCase: row.edgeCase?.id ? row.edgeCase : null,
    template: row.template?.id ? { ...row.template, version: row.templateVersion } : null,
    review: { reviewedAt: row.reviewedAt?.toISOString() ?? null, reviewedBy: row.reviewerName ?? null, notes: row.reviewNotes },
    error: row.errorMessage ? { message: row.errorMessage, code: row.errorCode, details: row.errorDetails } : null,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    provider: row.provider,
    qualityBreakdown: quality?.breakdown ? byCriterionOrder(Object.entries(quality.breakdown).map(([key, criterion]) => ({ key, ...criterion }))) : [],
    grounding: (row.grounding as GroundingResult | null) ?? null,
    judge: (row.judgeBreakdown as ConversationDetail['judge']) ?? null,
    regeneratedFrom:
      row.regeneratedFromId && row.regeneratedFromConversationId
        ? { id: row.regeneratedFromId, conversationId: row.regeneratedFromConversationId, guidance: row.regenerationGuidance }
        : null,
    regeneratedAs: replacement ?? null,
    edgeCaseCheck: checkEdgeCase({ tier: row.tier, status: row.status, qualityScore: row.qualityScore, hasEdgeCase: Boolean(row.edgeCase?.id), turns: typedTurns }, edgeCaseMinScore),
  };
}
