import { randomInt } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { PlanRecommendedRequest, PlanRecommendedResult } from '../contract/coverage';
import type { WorkspaceSettings } from '../contract/settings';
import { buildCoverage } from '../core/coverage';
import { HIGH_CONFIDENCE_ABOVE, HIGH_CONFIDENCE_KEY, underusedHighConfidence } from '../core/coverage-chunks';
import { parseCombinationKey, rankRecommendations, TOP_RECOMMENDATIONS } from '../core/coverage-recommendations';
import { AppError } from '../core/errors';
import { planSlots, type PlanInput } from '../core/plan-slots';
import type { PlannedSlot, Random } from '../core/planner';
import { seededRandom } from '../core/random';
import type { Db } from '../db/client';
import { lockConversationNumbers } from '../db/queries/conversation-numbers';
import { chunkCounts, coverageCatalog, listDismissals, scanCoverage, waitingSlots } from '../db/queries/coverage';
import { conversations } from '../db/schema';
import { insertSlots } from './plan-conversations';
import { loadPlanContext } from './plan-inputs';

type Item = PlanRecommendedResult['items'][number];

/**
 * Plans `count` template slots through the planner, narrowed to the given values, counting the
 * slots planned before as existing. Arcs that start at the emotion are preferred (the arc fixes
 * where a conversation starts); with none, any enabled arc, the emotion given by the slot.
 * Returns the warning instead when the planner finds the plan impossible.
 */
function planNarrowed(input: PlanInput, planned: PlannedSlot[], count: number, values: Partial<PlanInput['values']>, random: Random): string | null {
  const emotion = values.emotion?.length === 1 ? values.emotion[0] : null;
  const enabled = input.arcs.filter((a) => a.enabled && a.weight > 0);
  const matching = emotion ? enabled.filter((a) => a.startEmotion === emotion) : [];
  const templateTier = enabled.length > 0;
  try {
    const result = planSlots(
      {
        ...input,
        count,
        // With no enabled arc the slots go to the scenario tier, grounded in chunks (scenarios keep their own persona and emotion, so none are offered).
        split: templateTier ? { template: 1, scenario: 0, edge_case: 0 } : { template: 0, scenario: 1, edge_case: 0 },
        values: { ...input.values, ...values },
        arcs: matching.length ? matching : enabled,
        scenarios: [],
        existing: [...input.existing, ...planned.map((s) => ({ ...s, category: null }))],
        firstNumber: input.firstNumber + planned.length,
      },
      random,
    );
    planned.push(...result.slots);
    return null;
  } catch (err) {
    if (err instanceof AppError && err.code === 'plan_impossible') return err.message;
    throw err;
  }
}

/**
 * Generate Recommended (US3.2.2, US10.2.2): plans the missing slots of the chosen
 * recommendations (the five shown when none are named) through the planner, in one transaction,
 * and returns them with the slots already waiting for those combinations, for one run.
 * A combination is filled up to the target; "Generate from chunks with confidence > 8" plans one
 * slot from each high-confidence chunk under the minimum.
 */
export async function planRecommended(db: Db, request: PlanRecommendedRequest, settings: WorkspaceSettings): Promise<PlanRecommendedResult> {
  const { minPerCombination: min, targetPerCombination: target } = settings.coverage;
  return db.transaction(async (tx) => {
    await lockConversationNumbers(tx);
    const scan = await scanCoverage(tx, request.scope);
    const rows = scan.rows;
    const catalog = await coverageCatalog(tx);
    const dismissed = new Set((await listDismissals(tx)).map((d) => d.key));
    const figures = buildCoverage({ scope: request.scope, rows, personas: catalog.persona, emotions: catalog.emotion, arcs: [], minPerCombination: min });
    // Named keys are planned even when dismissed: naming one is asking for it.
    const ranked = rankRecommendations({ gaps: figures.gaps, byPersona: figures.byPersona, byEmotion: figures.byEmotion, topics: catalog.topic, topicCounts: scan.topics, waiting: waitingSlots(rows), dismissed: request.keys ? new Set() : dismissed, min, target });
    const keys = request.keys ?? ranked.all.slice(0, TOP_RECOMMENDATIONS).map((r) => r.key);
    for (const key of keys) {
      const pair = parseCombinationKey(key);
      if (!pair) continue;
      const unknown = !catalog.persona.some((p) => p.active && p.key === pair.persona) ? 'persona' : !catalog.emotion.some((e) => e.active && e.key === pair.emotion) ? 'emotion' : null;
      if (unknown) {
        throw new AppError({ code: 'unknown_recommendation', status: 400, message: `${key} names a ${unknown} that is not active in the catalog.`, hint: 'Reload the Coverage page and choose from the recommendations it shows.', details: { field: 'keys', value: key } });
      }
    }

    const context = await loadPlanContext(tx, { count: 1, chunkConfidenceAbove: request.chunkConfidenceAbove }, settings);
    const input = context.input;
    const random = seededRandom(request.seed ?? randomInt(2 ** 31));
    const planned: PlannedSlot[] = [];
    const items: Item[] = [];
    const warnings: string[] = [];
    const waitingIds: string[] = [];
    const warn = (w: string | null) => w && !warnings.includes(w) && warnings.push(w);

    for (const key of keys) {
      const before = planned.length;
      if (key === HIGH_CONFIDENCE_KEY) {
        const under = new Set(underusedHighConfidence(await chunkCounts(tx, scan.chunks), min).map((c) => c.chunkId));
        const usable = input.chunks.filter((c) => under.has(c.id));
        if (usable.length) warn(planNarrowed({ ...input, chunks: usable }, planned, usable.length, {}, random));
        else warn(`Every chunk with a confidence above ${HIGH_CONFIDENCE_ABOVE} already has ${min} or more conversations.`);
        items.push({ key, label: `Chunks with confidence > ${HIGH_CONFIDENCE_ABOVE}`, planned: planned.length - before, waiting: 0 });
        continue;
      }
      const pair = parseCombinationKey(key)!;
      const rec = ranked.all.find((r) => r.key === key);
      const label = `${catalog.persona.find((p) => p.key === pair.persona)?.label ?? pair.persona} + ${catalog.emotion.find((e) => e.key === pair.emotion)?.label ?? pair.emotion}`;
      const waiting = await tx
        .select({ conversationId: conversations.conversationId })
        .from(conversations)
        .where(and(eq(conversations.persona, pair.persona), eq(conversations.emotion, pair.emotion), eq(conversations.status, 'not_generated')))
        .orderBy(asc(conversations.conversationId));
      waitingIds.push(...waiting.map((w) => w.conversationId));
      const toPlan = rec ? rec.toPlan : 0;
      if (!rec) warn(`${label} already has at least ${min} conversations.`);
      if (toPlan > 0) {
        // The topic the recommendation names comes first; the rest spread over the topics this pair has least of.
        const topic = rec?.topic ? [rec.topic] : undefined;
        warn(planNarrowed(input, planned, 1, { persona: [pair.persona], emotion: [pair.emotion], ...(topic ? { topic } : {}) }, random));
        if (toPlan > 1) warn(planNarrowed(input, planned, toPlan - (planned.length - before), { persona: [pair.persona], emotion: [pair.emotion] }, random));
      }
      items.push({ key, label, planned: planned.length - before, waiting: waiting.length });
    }
    await insertSlots(tx, planned);
    return { created: planned.length, conversationIds: [...planned.map((s) => s.conversationId), ...new Set(waitingIds)], items, warnings };
  });
}
