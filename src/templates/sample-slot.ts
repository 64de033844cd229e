import { and, eq, sql } from 'drizzle-orm';
import type { SampleSlot, SampleSlotInput } from '../contract/templates';
import type { OfflineSlot } from '../core/offline/compose';
import type { PromptParameters } from '../core/prompt';
import { DIMENSIONS, type Dimension, type Tier } from '../core/tiers';
import type { Db } from '../db/client';
import { resolveConversationId } from '../db/queries/conversation-detail';
import { assertKnownDimensionValues } from '../db/queries/dimension-validation';
import { chunks, dimensionValues, edgeCases, emotionalArcs, scenarios } from '../db/schema';
import { dimensionLookup, loadSlotContext, slotParameters } from '../generation/slot-context';

export interface SampleContext {
  sample: SampleSlot;
  slot: OfflineSlot;
  parameters: PromptParameters;
}

export interface SampleFor {
  tier: Tier;
  arcKey: string | null;
  applicablePersonas: string[];
  applicableEmotions: string[];
}

const pick = <T>(items: readonly T[], random: () => number): T | undefined => items[Math.floor(random() * items.length)];

/** Taken from an existing conversation: its values, sources and parameters exactly as generation would use them. */
async function fromConversation(db: Db, ref: string): Promise<SampleContext> {
  const context = await loadSlotContext(db, await resolveConversationId(db, ref));
  const c = context.conversation;
  const labels: Record<string, string> = {
    persona: context.slot.persona.label,
    emotion: context.slot.emotion.label,
    topic: context.slot.topic.label,
    intent: context.slot.intent.label,
    tone: context.slot.tone.label,
  };
  if (context.slot.arc) labels.arc = context.slot.arc.label;
  return {
    sample: { persona: c.persona, emotion: c.emotion, topic: c.topic, intent: c.intent, tone: c.tone, tier: c.tier as Tier, arcKey: c.arcKey, scenarioId: c.scenarioId, edgeCaseId: c.edgeCaseId, chunkId: c.chunkId, conversationId: c.conversationId, labels },
    slot: context.slot,
    parameters: context.parameters,
  };
}

/**
 * A sample slot for a template's preview or test: the values asked for, the rest picked at random
 * from the active catalog (preferring the template's own personas and emotions, and its arc's
 * starting emotion), with an arc, scenario, edge case and source chunk to match its tier. An
 * empty catalog still gives a sample ("Sample persona"), so a new workspace can try its prompts.
 */
export async function sampleContext(db: Db, template: SampleFor, input: SampleSlotInput = {}, random: () => number = Math.random): Promise<SampleContext> {
  if (input.conversationId) return fromConversation(db, input.conversationId);
  const given = Object.fromEntries(DIMENSIONS.filter((d) => input[d] !== undefined).map((d) => [d, input[d] as string]));
  await assertKnownDimensionValues(db, given);

  const [active, arcRows] = await Promise.all([
    db.select({ dimension: dimensionValues.dimension, key: dimensionValues.key }).from(dimensionValues).where(eq(dimensionValues.active, true)),
    template.tier === 'template' ? db.select().from(emotionalArcs).where(input.arcKey || template.arcKey ? eq(emotionalArcs.key, (input.arcKey || template.arcKey) as string) : eq(emotionalArcs.enabled, true)) : Promise.resolve([]),
  ]);
  const arc = pick(arcRows, random) ?? null;
  const keysOf = (d: Dimension) => active.filter((v) => v.dimension === d).map((v) => v.key);
  const choose = (d: Dimension, preferred: readonly (string | null | undefined)[]): string => {
    if (given[d]) return given[d];
    const all = keysOf(d);
    const liked = preferred.filter((k): k is string => Boolean(k) && all.includes(k as string));
    return pick(liked, random) ?? pick(all, random) ?? `sample_${d}`;
  };
  const persona = choose('persona', template.applicablePersonas);
  const emotion = choose('emotion', arc ? [arc.startEmotion] : template.applicableEmotions);
  const topic = choose('topic', []);
  const intent = choose('intent', []);
  const tone = choose('tone', []);

  // A source named by the caller is used when it still exists; otherwise one is picked at random.
  const scenario =
    template.tier === 'scenario' ? ((await db.select().from(scenarios).orderBy(input.scenarioId ? sql`(${scenarios.id} <> ${input.scenarioId})` : sql`random()`, sql`random()`).limit(1))[0] ?? null) : null;
  const edgeCase =
    template.tier === 'edge_case'
      ? ((await db.select().from(edgeCases).where(eq(edgeCases.archived, false)).orderBy(input.edgeCaseId ? sql`(${edgeCases.id} <> ${input.edgeCaseId})` : sql`random()`, sql`random()`).limit(1))[0] ?? null)
      : null;
  const chunkWhere = scenario?.chunkId ? eq(chunks.id, scenario.chunkId) : input.chunkId ? eq(chunks.id, input.chunkId) : and(sql`true`);
  // A chunk with derived dimensions fills more of the prompt, so it is preferred.
  const [chunk] = await db
    .select({ id: chunks.id, content: chunks.content, dimensions: chunks.dimensions })
    .from(chunks)
    .where(chunkWhere)
    .orderBy(sql`(${chunks.dimensions} = '{}'::jsonb)`, sql`random()`)
    .limit(1);

  const values = await dimensionLookup(db);
  const { slot, parameters } = slotParameters({ persona, emotion, topic, intent, tone, tier: template.tier, arc, scenario, edgeCase, source: chunk ?? null }, values);
  const labels: Record<string, string> = { persona: slot.persona.label, emotion: slot.emotion.label, topic: slot.topic.label, intent: slot.intent.label, tone: slot.tone.label };
  for (const d of DIMENSIONS) if (!values.has(`${d}:${labels[d]}`) && labels[d] === `sample_${d}`) labels[d] = `Sample ${d}`;
  if (arc) labels.arc = arc.label;
  if (scenario) labels.scenario = scenario.title;
  if (edgeCase) labels.edgeCase = edgeCase.title;
  // A workspace without that value yet gets a readable stand-in in the prompt too.
  for (const d of DIMENSIONS) if (labels[d] === `Sample ${d}`) parameters[d] = `Sample ${d}`;
  return {
    sample: { persona, emotion, topic, intent, tone, tier: template.tier, arcKey: arc?.key ?? null, scenarioId: scenario?.id ?? null, edgeCaseId: edgeCase?.id ?? null, chunkId: chunk?.id ?? null, conversationId: null, labels },
    slot,
    parameters,
  };
}
