import { eq } from 'drizzle-orm';
import type { KeptTest, SampleSlot } from '../contract/templates';
import { AppError } from '../core/errors';
import { formatConversationId } from '../core/planner';
import { buildSearchText } from '../core/search-text';
import type { Db } from '../db/client';
import { lockConversationNumbers, nextConversationNumber } from '../db/queries/conversation-numbers';
import { assertKnownDimensionValues } from '../db/queries/dimension-validation';
import { checkNearDuplicate } from '../db/queries/near-duplicates';
import { getTemplateTest } from '../db/queries/templates';
import { chunks, conversations, conversationTranscripts, conversationTurns, templateTests } from '../db/schema';
import { catalogLabels } from '../db/seed/store-seeds';
import { transcriptText } from '../db/transcripts';
import { getSettings } from '../settings/workspace-settings';

/**
 * "Keep in dataset": a successful test becomes a generated conversation (not yet reviewed) with
 * the template version, quality, grounding and cost of the test, in one transaction, then checked
 * for near-duplicates. A test is kept once.
 */
export async function keepTemplateTest(db: Db, templateId: string, testId: string): Promise<KeptTest> {
  const kept = await db.transaction(async (tx) => {
    const test = await getTemplateTest(tx, templateId, testId);
    if (test.status !== 'succeeded') {
      throw new AppError({ code: 'test_failed', status: 409, message: 'This test failed, so there is no conversation to keep.', hint: 'Run "Test template" again, and keep a test that succeeded.' });
    }
    if (test.keptConversationId) {
      const [kept] = await tx.select({ conversationId: conversations.conversationId }).from(conversations).where(eq(conversations.id, test.keptConversationId));
      throw new AppError({
        code: 'test_already_kept',
        status: 409,
        message: `This test is already in the dataset${kept ? ` as ${kept.conversationId}` : ''}.`,
        hint: 'Open it on the Conversations page; run another test to add another conversation.',
        details: { conversationId: kept?.conversationId ?? null },
      });
    }
    const slot = test.slot as unknown as SampleSlot;
    await assertKnownDimensionValues(tx, { persona: slot.persona, emotion: slot.emotion, topic: slot.topic, intent: slot.intent, tone: slot.tone });
    const [chunk] = slot.chunkId ? await tx.select({ id: chunks.id, documentId: chunks.documentId }).from(chunks).where(eq(chunks.id, slot.chunkId)) : [];
    await lockConversationNumbers(tx);
    const conversationId = formatConversationId(await nextConversationNumber(tx));
    const labelsOf = await catalogLabels(tx);
    const dims = { persona: slot.persona, emotion: slot.emotion, topic: slot.topic, intent: slot.intent, tone: slot.tone, tier: slot.tier };
    const { title, grounding, ...breakdown } = (test.qualityBreakdown ?? {}) as { title?: string; grounding?: Record<string, unknown> | null } & Record<string, unknown>;
    const [row] = await tx
      .insert(conversations)
      .values({
        ...dims,
        conversationId,
        title: title ?? '',
        arcKey: slot.arcKey,
        scenarioId: slot.scenarioId,
        edgeCaseId: slot.edgeCaseId,
        chunkId: chunk?.id ?? null,
        documentId: chunk?.documentId ?? null,
        templateId,
        templateVersion: test.version,
        status: 'generated',
        qualityScore: test.qualityScore,
        qualityBreakdown: breakdown,
        grounding: grounding ?? null,
        turnCount: test.turns.length,
        provider: test.provider,
        model: test.model,
        costUsd: test.costUsd,
        generatedAt: test.createdAt,
        metadata: { source: 'template_test', templateTestId: test.id },
        searchText: buildSearchText(conversationId, title, ...labelsOf(dims)),
      })
      .returning({ id: conversations.id });
    await tx.insert(conversationTurns).values(test.turns.map((t, i) => ({ conversationId: row.id, turnNumber: i + 1, role: t.role, content: t.content })));
    await tx.insert(conversationTranscripts).values({ conversationId: row.id, turns: transcriptText(test.turns) });
    await tx.update(templateTests).set({ keptConversationId: row.id }).where(eq(templateTests.id, test.id));
    return { id: row.id, conversationId, turns: test.turns };
  });
  // Checked against the dataset like a conversation a run stores; a failed check leaves it to the startup backfill.
  try {
    await checkNearDuplicate(db, kept.id, kept.turns, (await getSettings(db)).quality.nearDuplicateThreshold);
  } catch {
    // No signature yet: the next start's backfill checks it.
  }
  return { id: kept.id, conversationId: kept.conversationId };
}
