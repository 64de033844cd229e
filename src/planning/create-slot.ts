import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CreateSlotBody } from '../contract/plan';
import { AppError, conflict } from '../core/errors';
import { formatConversationId } from '../core/planner';
import { buildSearchText } from '../core/search-text';
import type { Tier } from '../core/tiers';
import type { Db, Tx } from '../db/client';
import { assertKnownDimensionValues } from '../db/queries/dimension-validation';
import { chunks, conversations, edgeCases, emotionalArcs, scenarios, templates } from '../db/schema';
import { catalogLabels } from '../db/seed/store-seeds';
import { lockConversationNumbers, nextConversationNumber } from '../db/queries/conversation-numbers';

const badField = (field: string, message: string, hint: string) => new AppError({ code: 'invalid_slot', status: 400, message, hint, details: { field } });

async function checkSources(tx: Tx, body: CreateSlotBody) {
  if (body.tier === 'template' && !body.arcKey) throw badField('arcKey', 'A template-tier conversation follows an emotional arc, and none was given.', 'Choose an arc (Triumph, Relief, …).');
  if (body.tier !== 'template' && body.arcKey) throw badField('arcKey', 'Only template-tier conversations follow an arc.', 'Leave the arc out, or choose the template tier.');
  if (body.scenarioId && body.tier !== 'scenario') throw badField('scenarioId', 'A scenario belongs to the scenario tier.', 'Choose the scenario tier, or leave the scenario out.');
  if (body.edgeCaseId && body.tier !== 'edge_case') throw badField('edgeCaseId', 'An edge case belongs to the edge-case tier.', 'Choose the edge-case tier, or leave the edge case out.');
  if (body.tier === 'edge_case' && !body.edgeCaseId) throw badField('edgeCaseId', 'An edge-case conversation needs the edge case it tests.', 'Choose one of the edge cases.');
  if (body.arcKey && !(await tx.select({ key: emotionalArcs.key }).from(emotionalArcs).where(eq(emotionalArcs.key, body.arcKey))).length) {
    throw badField('arcKey', `There is no emotional arc "${body.arcKey}".`, 'Choose one of the arcs listed in the form.');
  }
  if (body.scenarioId && !(await tx.select({ id: scenarios.id }).from(scenarios).where(eq(scenarios.id, body.scenarioId))).length) {
    throw badField('scenarioId', 'That scenario does not exist.', 'Choose one of the scenarios listed in the form.');
  }
  if (body.edgeCaseId && !(await tx.select({ id: edgeCases.id }).from(edgeCases).where(eq(edgeCases.id, body.edgeCaseId))).length) {
    throw badField('edgeCaseId', 'That edge case does not exist.', 'Choose one of the edge cases listed in the form.');
  }
  if (!body.chunkId) return null;
  const [chunk] = await tx.select({ id: chunks.id, documentId: chunks.documentId }).from(chunks).where(eq(chunks.id, body.chunkId));
  if (!chunk) throw badField('chunkId', 'That chunk does not exist (its document may have been re-chunked or deleted).', 'Choose a chunk from the Documents page again.');
  return chunk;
}

async function templateFor(tx: Tx, tier: Tier, arcKey: string | null) {
  const rows = await tx.select({ id: templates.id, arcKey: templates.arcKey }).from(templates).where(and(eq(templates.tier, tier), eq(templates.active, true))).orderBy(asc(templates.key));
  return (rows.find((t) => arcKey && t.arcKey === arcKey) ?? rows.find((t) => t.arcKey === null) ?? rows[0])?.id ?? null;
}

/** One conversation slot made by hand; the same checks as a plan, and no copy of an existing slot. */
export async function createSlot(db: Db, body: CreateSlotBody): Promise<{ id: string; conversationId: string }> {
  return db.transaction(async (tx) => {
    await lockConversationNumbers(tx);
    await assertKnownDimensionValues(tx, body);
    const chunk = await checkSources(tx, body);
    const slot = {
      tier: body.tier,
      persona: body.persona,
      emotion: body.emotion,
      topic: body.topic,
      intent: body.intent,
      tone: body.tone,
      arcKey: body.arcKey ?? null,
      scenarioId: body.scenarioId ?? null,
      edgeCaseId: body.edgeCaseId ?? null,
      chunkId: chunk?.id ?? null,
    };
    const same = await tx
      .select({ conversationId: conversations.conversationId })
      .from(conversations)
      .where(
        and(
          ...(['tier', 'persona', 'emotion', 'topic', 'intent', 'tone'] as const).map((k) => eq(conversations[k], slot[k])),
          ...(['arcKey', 'scenarioId', 'edgeCaseId', 'chunkId'] as const).map((k) => (slot[k] === null ? isNull(conversations[k]) : eq(conversations[k], slot[k] as string))),
        ),
      )
      .limit(1);
    if (same.length) throw conflict(`${same[0].conversationId} already has exactly these values.`, 'Change one of the values (or the source chunk), or open the existing conversation instead.');

    const labelsOf = await catalogLabels(tx);
    const conversationId = formatConversationId(await nextConversationNumber(tx));
    const [row] = await tx
      .insert(conversations)
      .values({
        ...slot,
        conversationId,
        title: body.title ?? '',
        documentId: chunk?.documentId ?? null,
        templateId: await templateFor(tx, body.tier, slot.arcKey),
        metadata: { source: 'manual' },
        searchText: buildSearchText(conversationId, body.title, ...labelsOf(slot)),
      })
      .returning({ id: conversations.id });
    return { id: row.id, conversationId };
  });
}
